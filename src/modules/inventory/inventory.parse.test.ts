import { describe, expect, it } from 'vitest';
import type { ImportField } from './inventory.columns.js';
import { membersContext, parseRecord } from './inventory.parse.js';
import type { ImportRecord } from './inventory.records.js';

const ctx = membersContext(
  ['Low', 'Medium', 'High'],
  [
    { userId: 'u1', email: 'ada@example.com', name: 'Ada Lead' },
    { userId: 'u2', email: 'sam@example.com', name: 'Sam' },
    { userId: 'u3', email: 'sam2@example.com', name: 'sam' },
  ],
);

function parse(values: ImportRecord['values']) {
  const errors: string[] = [];
  const record: ImportRecord = { row: 2, where: (f) => f, values };
  const parsed = parseRecord(record, ctx, (field: ImportField, message: string) => errors.push(`${field}: ${message}`));
  return { ...parsed, errors };
}

describe('parseRecord', () => {
  it('types every field and keeps only those the record has', () => {
    const r = parse({
      name: ' Bot ',
      externalId: '',
      businessOwner: 'ADA@example.com',
      technicalOwner: 'Sam',
      userImpact: 'Internal use; internal; decision support',
      tags: 'a; b; a',
      riskLevel: 'HIGH',
      inScope: 'No',
      lastReviewDate: '2026-01-31',
      suppliers: ['OpenAI (api)', 'Azure (Platform)'],
    });
    expect(r.errors).toEqual([]);
    expect(r.fields).toEqual({
      name: 'Bot',
      externalId: null,
      businessOwner: { userId: 'u1', name: 'Ada Lead' },
      // Two members are called Sam: a named contact rather than a guess.
      technicalOwner: { userId: null, name: 'Sam' },
      userImpact: ['internal', 'decision-support'],
      tags: ['a', 'b'],
      riskLevel: 'High',
      inScope: false,
      lastReviewDate: '2026-01-31',
    });
    expect(r.suppliers?.map((s) => `${s.name}/${s.dependency}`)).toEqual(['OpenAI/api', 'Azure/platform']);
  });

  it('reports each value it cannot read, against its field', () => {
    const r = parse({
      kind: 'robot',
      riskLevel: 'severe',
      inScope: 'perhaps',
      deploymentDate: '2026-02-30',
      lastReviewDate: '30.01.2026',
      suppliers: 'OpenAI; openai (model)',
    });
    expect(r.errors).toEqual([
      'kind: "robot" is not a known kind; use one of: own-model, product-feature, internal-tool, third-party-saas, agent',
      `riskLevel: "severe" is not on the organization's risk scale; use one of: Low, Medium, High`,
      'inScope: "perhaps" is not yes, no or empty (undecided)',
      'deploymentDate: 2026-02-30 is not a real calendar date',
      'lastReviewDate: "30.01.2026" is not a date as YYYY-MM-DD',
      'suppliers: names the supplier "openai" twice',
    ]);
    expect(r.fields).toMatchObject({ kind: null, riskLevel: null, inScope: null, deploymentDate: null, lastReviewDate: null });
  });
});

describe('closestHeader', () => {
  it('suggests the template header a typo meant, and nothing for an unrelated one', async () => {
    const { closestHeader } = await import('./inventory.records.js');
    expect(closestHeader('Busines owner')).toBe('Business owner');
    expect(closestHeader('risk levle')).toBe('Risk level');
    expect(closestHeader('Favourite colour')).toBeNull();
  });
});
