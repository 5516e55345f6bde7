import { describe, expect, it } from 'vitest';
import { diffVersions } from './documents.diff.js';
import { markdownToSections } from './documents.markdown.js';
import { addMonths, documentFlags, parseDocumentNumber, reviewDateAfterApproval } from './documents.rules.js';

describe('document rules', () => {
  it('adds months, keeping the day or falling back to the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 12)).toBe('2027-11-15');
    expect(addMonths('2026-12-01', 36)).toBe('2029-12-01');
  });

  it('keeps a review date a person set only while it is ahead of the approval', () => {
    expect(reviewDateAfterApproval('2026-05-10T09:00:00Z', 12, { date: '2026-09-01', explicit: true })).toBe('2026-09-01');
    expect(reviewDateAfterApproval('2026-05-10T09:00:00Z', 12, { date: '2026-01-01', explicit: true })).toBe('2027-05-10');
    expect(reviewDateAfterApproval('2026-05-10T09:00:00Z', 6, { date: '2026-09-01', explicit: false })).toBe('2026-11-10');
  });

  it('reads DOC numbers in the forms people type', () => {
    expect(['DOC-007', 'doc7', '7'].map(parseDocumentNumber)).toEqual([7, 7, 7]);
    expect(parseDocumentNumber('policy')).toBeNull();
  });

  it('flags nothing on a retired document, and overdue before due soon', () => {
    const base = {
      today: '2026-06-01',
      soon: '2026-07-01',
      retired: false,
      approvedVersion: 2,
      owner: null,
      ownerLeft: false,
      vacantRoles: [],
      acknowledgements: null,
    };
    expect(documentFlags({ ...base, nextReviewDate: '2026-05-31' }).map((f) => f.code)).toEqual(['review-overdue']);
    expect(documentFlags({ ...base, nextReviewDate: '2026-06-20' })).toMatchObject([
      { code: 'review-due-soon', severity: 'info' },
    ]);
    expect(documentFlags({ ...base, retired: true, approvedVersion: null, nextReviewDate: '2020-01-01' })).toEqual([]);
  });
});

describe('document text', () => {
  it('turns Markdown into report sections without raw HTML', async () => {
    const sections = await markdownToSections(
      'Intro *words*.\n\n## Rules\n\n- one\n- two <b>bold</b>\n\n<div>raw</div>\n',
      'Policy',
    );
    expect(sections.map((s) => s.heading)).toEqual(['Policy', 'Rules']);
    expect(sections[0].blocks).toEqual([{ type: 'paragraph', text: 'Intro words.' }]);
    expect(sections[1].blocks).toEqual([{ type: 'list', items: ['one', 'two bold'] }]);
  });

  it('diffs bodies line by line in either order', () => {
    const a = { format: 'markdown' as const, body: 'a\nb\nc', changeNote: '' };
    const b = { format: 'markdown' as const, body: 'a\nB\nc\nd', changeNote: '' };
    expect(diffVersions(1, 2, a, b).summary).toEqual({ added: 2, removed: 1 });
    expect(diffVersions(2, 1, b, a).summary).toEqual({ added: 1, removed: 2 });
    expect(diffVersions(1, 1, a, a).hunks).toEqual([]);
  });
});
