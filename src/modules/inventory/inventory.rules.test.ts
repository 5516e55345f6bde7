import { describe, expect, it } from 'vitest';
import { fold } from '../../platform/text.js';
import {
  type DuplicateCandidate,
  duplicateEdges,
  duplicateKeys,
  findDuplicates,
  MAX_NAME_EDITS,
} from './inventory.duplicate-rules.js';
import { addDays, aiSystemFlags, mergeAiSystems } from './inventory.rules.js';
import { EMPTY_AI_SYSTEM } from './inventory.schemas.js';

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
    const key = (e: { a: string; b: string; reason: string }) => `${e.a} ${e.b} ${e.reason}`;
    // what a write reads: same block, numbers that agree (or none), length within the edits allowed
    const mayBeNear = (x: DuplicateCandidate, y: DuplicateCandidate) => {
      const [kx, ky] = [duplicateKeys(x.nameKey), duplicateKeys(y.nameKey)];
      return (
        (kx.prefix === ky.prefix || kx.suffix === ky.suffix) &&
        (!kx.numbers || !ky.numbers || kx.numbers === ky.numbers) &&
        Math.abs(kx.length - ky.length) <= MAX_NAME_EDITS
      );
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
