import { describe, expect, it } from 'vitest';
import { diffContent } from './versioned.diff.js';

describe('diffContent', () => {
  const before = {
    title: 'Risk method',
    scale: ['low', 'medium', 'high'],
    owners: [
      { name: 'Ada', role: 'lead' },
      { name: 'Bob', role: 'reviewer' },
    ],
    steps: [{ text: 'Identify' }, { text: 'Analyse' }],
    review: { intervalDays: 365, notes: '', reviewers: ['Ada'] },
  };

  it('finds nothing between equal contents', () => {
    expect(diffContent(before, structuredClone(before))).toEqual([]);
  });

  it('reports scalars, named list items, scalar lists by value, other lists by position and nested fields', () => {
    const after = {
      title: 'Risk assessment method',
      scale: ['low', 'high', 'critical'],
      owners: [
        { name: 'ada', role: 'owner' },
        { name: 'Cy', role: 'reviewer' },
      ],
      steps: [{ text: 'Identify' }, { text: 'Analyse and evaluate' }, { text: 'Treat' }],
      review: { intervalDays: 180, notes: '', reviewers: ['Ada', 'Cy'] },
    };
    expect(diffContent(before, after, { lists: { owners: (o: { name: string }) => o.name } })).toEqual([
      { field: 'title', change: 'changed', before: 'Risk method', after: 'Risk assessment method' },
      { field: 'scale', change: 'removed', before: 'medium', after: null },
      { field: 'scale', change: 'added', before: null, after: 'critical' },
      // matched by name, case-insensitively
      { field: 'owners', change: 'changed', before: before.owners[0], after: after.owners[0] },
      { field: 'owners', change: 'removed', before: before.owners[1], after: null },
      { field: 'owners', change: 'added', before: null, after: after.owners[1] },
      { field: 'steps', change: 'changed', before: before.steps[1], after: after.steps[1] },
      { field: 'steps', change: 'added', before: null, after: after.steps[2] },
      { field: 'review.intervalDays', change: 'changed', before: 365, after: 180 },
      { field: 'review.reviewers', change: 'added', before: null, after: 'Cy' },
    ]);
  });

  it('reports fields only one side has, the newer side first', () => {
    expect(diffContent({ a: 1, gone: 'x' }, { added: true, a: 1 })).toEqual([
      { field: 'added', change: 'changed', before: null, after: true },
      { field: 'gone', change: 'changed', before: 'x', after: null },
    ]);
  });
});
