import { describe, expect, it } from 'vitest';
import { editDistance, fold } from '../../platform/text.js';
import {
  countGroups,
  type DuplicateCandidate,
  duplicateEdges,
  findDuplicates,
  namePieces,
  nearNamePairs,
  probePieces,
} from './inventory.duplicate-rules.js';
import { addDays, aiSystemFlags, MASKED_MISSING, mergeAiSystems, missingMask } from './inventory.rules.js';
import { EMPTY_AI_SYSTEM } from './inventory.schemas.js';

/** The brute force the indexed duplicate search is checked against: every pair (i < j) sharing a block and `near`, as "i j". */
function allPairs(names: string[], near: (a: string, b: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i], names[j]];
      const sameBlock = a.slice(0, 3) === b.slice(0, 3) || a.slice(-3) === b.slice(-3);
      if (sameBlock && near(a, b)) out.push(`${i} ${j}`);
    }
  return out;
}
const asSystems = (names: string[]) => names.map((n, i) => ({ id: `s${String(i).padStart(3, '0')}`, nameKey: n }));
/** Edits allowed between two folded names of this (shorter) length. */
const tolerance = (n: number) => (n <= 5 ? 0 : n <= 12 ? 1 : 2);

const ctx = { today: '2026-11-28', reviewIntervalDays: 365, riskScale: ['low', 'medium', 'high'] };
const complete = {
  ...EMPTY_AI_SYSTEM,
  name: 'FlowPilot',
  businessOwner: { userId: null, name: 'Product' },
  technicalOwner: { userId: null, name: 'ML platform team' },
  riskLevel: 'medium',
  monitoringMethod: 'Weekly review of flagged outputs',
  kind: 'third-party-saas' as const,
  suppliers: [{ supplierId: 's1', dependency: 'api' as const }],
  lastReviewDate: '2026-06-01',
};

describe('inventory flags', () => {
  it('finds nothing missing on a complete system', () => {
    expect(aiSystemFlags(complete, ctx)).toEqual([]);
  });

  it("shares its fixed flags read-only: one caller cannot change the next one's", () => {
    const gaps = { ...EMPTY_AI_SYSTEM, name: 'x' };
    const first = aiSystemFlags(gaps, ctx);
    expect(() => {
      (first[0] as { message: string }).message = 'changed';
    }).toThrow(TypeError);
    expect(aiSystemFlags(gaps, ctx)[0]).toEqual({
      code: 'no-business-owner',
      field: 'businessOwner',
      message: 'No business owner is named.',
    });
  });

  it('names every gap an auditor would', () => {
    const codes = aiSystemFlags({ ...EMPTY_AI_SYSTEM, name: 'x', kind: 'third-party-saas' }, ctx).map((f) => f.code);
    expect(codes).toEqual([
      'no-business-owner',
      'no-technical-owner',
      'not-risk-rated',
      'no-monitoring-method',
      'third-party-without-supplier',
      'never-reviewed',
    ]);
  });

  it('stores on the row exactly the gaps the flags name that do not change with the date', () => {
    const masked: [string, number][] = [
      ['no-business-owner', MASKED_MISSING.owner],
      ['no-technical-owner', MASKED_MISSING.owner],
      ['no-monitoring-method', MASKED_MISSING.monitoring],
      ['third-party-without-supplier', MASKED_MISSING.supplier],
    ];
    const variants = [
      complete,
      { ...complete, businessOwner: null },
      { ...complete, technicalOwner: null },
      { ...complete, monitoringMethod: ' \t\n' },
      { ...complete, suppliers: [] },
      { ...complete, kind: 'internal-tool' as const, suppliers: [] },
      { ...EMPTY_AI_SYSTEM, name: 'x', kind: 'third-party-saas' as const },
    ];
    for (const v of variants) {
      const codes = aiSystemFlags(v, ctx).map((f) => f.code);
      const expected = masked.reduce((mask, [code, bit]) => (codes.includes(code) ? mask | bit : mask), 0);
      expect(missingMask(v), JSON.stringify(v)).toBe(expected);
    }
    expect(missingMask({ ...EMPTY_AI_SYSTEM, kind: 'third-party-saas' })).toBe(7);
  });

  it('flags a review older than the interval, and a rating off the scale', () => {
    expect(aiSystemFlags({ ...complete, lastReviewDate: '2025-11-28' }, ctx).map((f) => f.code)).toEqual([]);
    expect(aiSystemFlags({ ...complete, lastReviewDate: '2025-11-27' }, ctx).map((f) => f.code)).toEqual(['review-overdue']);
    expect(
      aiSystemFlags({ ...complete, lastReviewDate: '2026-01-01' }, { ...ctx, reviewIntervalDays: 90 }).map((f) => f.code),
    ).toEqual(['review-overdue']);
    expect(aiSystemFlags({ ...complete, riskLevel: 'critical' }, ctx).map((f) => f.code)).toEqual(['risk-level-unknown']);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

const cand = (id: string, name: string, purpose = '', supplierIds: string[] = []): DuplicateCandidate => ({
  id,
  name,
  nameKey: fold(name),
  purpose,
  supplierIds,
});

describe('duplicate detection', () => {
  it('ignores case, spacing and punctuation', () => {
    const groups = findDuplicates([cand('a', 'ChatGPT Enterprise'), cand('b', 'chatgpt-enterprise'), cand('c', 'Copilot')]);
    expect(groups).toEqual([{ ids: ['a', 'b'], names: ['ChatGPT Enterprise', 'chatgpt-enterprise'], reason: 'same name' }]);
  });

  it('catches near-same names, typos at either end', () => {
    const groups = findDuplicates([cand('a', 'Support Chatbot'), cand('b', 'Suport Chatbot'), cand('c', 'Xupport Chatbot')]);
    expect(groups).toHaveLength(1);
    expect(groups[0].ids.sort()).toEqual(['a', 'b', 'c']);
    expect(groups[0].reason).toContain('near-same name');
  });

  it('keeps apart systems with different suppliers or unrelated purposes', () => {
    expect(findDuplicates([cand('a', 'Assistant', '', ['s1']), cand('b', 'Assistant', '', ['s2'])])).toEqual([]);
    expect(
      findDuplicates([
        cand('a', 'Forecaster', 'Predicts monthly revenue from invoices'),
        cand('b', 'Forecaster', 'Estimates warehouse staffing for shifts'),
      ]),
    ).toEqual([]);
    const same = findDuplicates([
      cand('a', 'Forecaster', 'Predicts monthly revenue from invoices', ['s1']),
      cand('b', 'forecaster', 'predicts revenue from invoices monthly', ['s1', 's2']),
    ]);
    expect(same[0].reason).toBe('same name, same supplier, similar purpose');
  });

  it("finds a record's pairs from its indexed mates alone, as over the whole inventory", () => {
    // crowded blocks (200 systems share "sup"), typos, same names, suppliers
    const systems: DuplicateCandidate[] = [];
    const uses = ['support bot', 'supplier radar', 'sales scoring', 'code assistant', 'churn model'];
    const words = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'heron', 'indigo', 'jasper'];
    for (let i = 0; i < 200; i++) {
      const use = uses[i % uses.length];
      const base = `${use} ${words[i % 10]} ${words[Math.floor(i / 10) % 10]}${Math.floor(i / 100)}`;
      const purpose = `${words[i % 10]}${i} ${words[Math.floor(i / 10) % 10]}${i} work`;
      const supplier = i % 13 === 0 ? [`s${i % 2}`] : [];
      systems.push(cand(`id${i}a`, base, purpose, supplier));
      // every third system entered again with a typo, a fifth again with other spelling
      if (i % 3 === 0) systems.push(cand(`id${i}b`, base.replace(' ', '  ').replace('e', 'a'), purpose, supplier));
      if (i % 5 === 0) systems.push(cand(`id${i}c`, base.toUpperCase().replace(/ /g, '-'), '', []));
      if (i % 17 === 0) systems.push(cand(`id${i}d`, base, 'unrelated reporting job', supplier));
    }
    const all = duplicateEdges(systems);
    expect(findDuplicates(systems).length).toBeGreaterThan(5);
    // the summary counts the groups without building them
    expect(countGroups(all)).toBe(findDuplicates(systems).length);
    const key = (e: { a: string; b: string; reason: string }) => `${e.a} ${e.b} ${e.reason}`;
    // what a write reads: the systems holding one of its probes (the stored pieces' lookup)
    const mayBeNear = (x: DuplicateCandidate, y: DuplicateCandidate) => {
      const held = new Set(namePieces(y.nameKey));
      return probePieces(x.nameKey).some((p) => held.has(p));
    };
    for (let start = 0; start < systems.length; start += 50) {
      const page = systems.slice(start, start + 50);
      const ids = new Set(page.map((s) => s.id));
      const mates = systems.filter((s) => ids.has(s.id) || page.some((p) => mayBeNear(p, s)));
      const found = duplicateEdges(mates, ids).map(key).sort();
      expect(found).toEqual(
        all
          .filter((e) => ids.has(e.a) || ids.has(e.b))
          .map(key)
          .sort(),
      );
    }
    expect(all.length).toBeGreaterThan(20);
  });

  it('keeps a pair whatever else shares its block (no comparison window)', () => {
    const crowd = Array.from({ length: 100 }, (_, i) =>
      cand(`m${String(i).padStart(3, '0')}`, `Support ${String.fromCharCode(97 + (i % 26))}${i} desk`),
    );
    const pair = [cand('x1', 'Support Chatbot'), cand('x2', 'Suport Chatbot')];
    expect(findDuplicates([...pair, ...crowd]).map((g) => g.ids)).toEqual([['x2', 'x1']]);
  });

  it('names the other systems in the possible-duplicate flag', () => {
    const systems = [cand('a', 'ChatGPT Enterprise'), cand('b', 'chatgpt-enterprise'), cand('c', 'Copilot')];
    const [edge] = duplicateEdges(systems, new Set(['a']));
    const ctx = { today: '2026-01-01', reviewIntervalDays: 365, riskScale: ['low'] };
    const found = [{ id: edge.b, name: 'chatgpt-enterprise', reason: edge.reason }];
    const flag = aiSystemFlags({ ...EMPTY_AI_SYSTEM, name: 'ChatGPT Enterprise' }, ctx, found).find(
      (f) => f.code === 'possible-duplicate',
    );
    expect(flag?.message).toMatch(/^Possibly the same system as "chatgpt-enterprise" \(same name\)/);
  });

  it('does not group systems whose names differ only by a number', () => {
    const series = [cand('a', 'AI system 0001'), cand('b', 'AI system 0099'), cand('c', 'AI system 0100'), cand('d', 'Model v2')];
    expect(findDuplicates([...series, cand('e', 'Model v3')])).toEqual([]);
    expect(duplicateEdges(series, new Set(['a']))).toEqual([]);
    // the same number, however written, and typos around it still match
    const same = findDuplicates([cand('a', 'AI system 0001'), cand('b', 'AI-System 1'), cand('c', 'AI sistem 0001')]);
    expect(same).toHaveLength(1);
    expect(same[0].ids.sort()).toEqual(['a', 'b', 'c']);
  });

  it('finds every pair a comparison of all pairs finds: the pieces miss no near name', () => {
    // names one to three edits apart in every place, of every length around the pieces' bounds
    const r = (() => {
      let x = 7;
      return () => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return x / 2147483648;
      };
    })();
    const letters = 'abcdefgh';
    const bases = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: 4 + (i % 16) }, () => letters[Math.floor(r() * letters.length)]).join(''),
    );
    const edit = (s: string) => {
      const at = Math.floor(r() * (s.length + 1));
      const c = letters[Math.floor(r() * letters.length)];
      const kind = Math.floor(r() * 3);
      return kind === 0
        ? s.slice(0, at) + c + s.slice(at)
        : kind === 1
          ? s.slice(0, at) + s.slice(at + 1)
          : s.slice(0, at) + c + s.slice(at + 1);
    };
    const names = bases.flatMap((b) => {
      const mid = b.length >> 1;
      // random edits, and two at one end or in the middle: pieces shifted by two places
      return [b, edit(b), edit(edit(b)), edit(edit(edit(b))), `ab${b}`, b.slice(2), `${b.slice(0, mid)}hh${b.slice(mid)}`];
    });
    const expected = allPairs(names, (a, b) => {
      const tol = tolerance(Math.min(a.length, b.length));
      return !!a && !!b && editDistance(a, b, tol) <= tol;
    });
    const found = nearNamePairs(asSystems(names)).map(([i, j]) => `${i} ${j}`);
    expect(found.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(40);
  });

  it('in numbered series, finds every pair a comparison of all pairs finds: same numbers, or a name without any', () => {
    // series whose pieces are all alike, names one edit apart, and unnumbered names near them
    const names = [
      ...Array.from({ length: 30 }, (_, i) => `system${i % 7}${i}`),
      ...Array.from({ length: 30 }, (_, i) => `sistem${i % 7}${i}`),
      ...Array.from({ length: 10 }, (_, i) => `model${i}v`),
      'systemab',
      'system',
      'sistema',
      'systems1',
      'modelv',
      'models',
      'system00',
      'system0',
    ];
    const norm = (s: string) => s.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));
    const numbers = (s: string) => (norm(s).match(/\d+/g) ?? []).join(' ');
    const expected = allPairs(names, (a, b) => {
      if (numbers(a) && numbers(b) && numbers(a) !== numbers(b) && a !== b) return false;
      const tol = tolerance(Math.min(norm(a).length, norm(b).length));
      return a === b || editDistance(norm(a), norm(b), tol) <= tol;
    });
    const found = nearNamePairs(asSystems(names)).map(([i, j]) => `${i} ${j}`);
    expect(found.sort()).toEqual(expected.sort());
    // numbered names pair with their unnumbered neighbours, and never across numbers
    expect(expected).toContain(`${names.indexOf('system00')} ${names.indexOf('system0')}`);
    expect(expected).toContain(`${names.indexOf('system')} ${names.indexOf('system0')}`);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('does not call short different names duplicates', () => {
    expect(findDuplicates([cand('a', 'Ada'), cand('b', 'Adam'), cand('c', 'Bard'), cand('d', 'Card')])).toEqual([]);
  });
});

describe('merge', () => {
  it('keeps the survivor’s values, fills its gaps and unites lists', () => {
    const kept = {
      ...EMPTY_AI_SYSTEM,
      name: 'ChatGPT Enterprise',
      riskLevel: 'high',
      tags: ['sales'],
      suppliers: [{ supplierId: 's1', dependency: 'api' as const }],
      lastReviewDate: '2026-01-01',
    };
    const dup = {
      ...EMPTY_AI_SYSTEM,
      name: 'chatgpt-enterprise',
      riskLevel: 'low',
      purpose: 'Drafting emails',
      tags: ['sales', 'support'],
      suppliers: [
        { supplierId: 's1', dependency: 'vendor' as const },
        { supplierId: 's2', dependency: 'platform' as const },
      ],
      lastReviewDate: '2026-05-01',
    };
    const merged = mergeAiSystems(kept, dup);
    expect(merged.name).toBe('ChatGPT Enterprise');
    expect(merged.riskLevel).toBe('high');
    expect(merged.purpose).toBe('Drafting emails');
    expect(merged.tags).toEqual(['sales', 'support']);
    expect(merged.suppliers).toEqual([
      { supplierId: 's1', dependency: 'api' },
      { supplierId: 's2', dependency: 'platform' },
    ]);
    expect(merged.lastReviewDate).toBe('2026-05-01');
  });
});

describe('link to the approved scope', () => {
  const scope = { version: 2, ids: new Set(['id-1']), nameKeys: new Set([fold('Support Bot')]) };
  const flags = (s: Partial<typeof complete> & { id?: string }) =>
    aiSystemFlags({ ...complete, ...s }, { ...ctx, approvedScope: scope }).map((f) => f.code);
  it('flags a system in scope that the approved scope does not name, and the reverse', () => {
    expect(flags({ id: 'id-9', name: 'Other', inScope: true })).toEqual(['not-in-approved-scope']);
    expect(flags({ id: 'id-1', name: 'Renamed', inScope: true })).toEqual([]);
    expect(flags({ id: 'id-9', name: 'support-bot', inScope: true })).toEqual([]);
    expect(flags({ id: 'id-1', name: 'x', inScope: false })).toEqual(['excluded-but-in-scope']);
    expect(flags({ id: 'id-9', name: 'x', inScope: null })).toEqual([]);
  });
});
