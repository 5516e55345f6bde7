import { describe, expect, it } from 'vitest';
import {
  ANNEX_A_IDS,
  buildRows,
  type ControlLinks,
  contentErrors,
  fillRows,
  nextOwnId,
  patchRow,
  riskNumbers,
  soaChecks,
  startingContent,
} from './soa.rules.js';
import type { LinkedRisk, SoaContent } from './soa.schemas.js';

const risk = (n: number): LinkedRisk => ({
  id: `r${n}`,
  number: `R-${String(n).padStart(3, '0')}`,
  title: `Risk ${n}`,
  residualLevel: 'high',
  status: 'open',
});
/** Links as the risk register answers them: every risk listed unless `counts` says there are more. */
const links = (top: [string, LinkedRisk[]][], counts: [string, number][] = []): ControlLinks => ({
  top: new Map(top),
  counts: new Map([...top.map(([id, list]): [string, number] => [id, list.length]), ...counts]),
});
const noRisks = links([]);
const ctx = (risks = noRisks) => ({ links: risks, memberNames: new Map<string, string>() });
const exclude = (c: SoaContent, id: string, justification = 'Not relevant here'): SoaContent => ({
  ...c,
  annexA: c.annexA.map((r) => (r.controlId === id ? { ...r, applicable: false, justification } : r)),
});

describe('SoA rows', () => {
  it('the catalogue holds the 38 Annex A controls, none a group heading', () => {
    expect(ANNEX_A_IDS).toHaveLength(38);
    expect(ANNEX_A_IDS).toContain('A.6.2.6');
    expect(ANNEX_A_IDS).not.toContain('A.6');
    expect(ANNEX_A_IDS).not.toContain('A.6.2');
  });

  it('always has the 38 Annex A rows in catalogue order, whatever was stored', () => {
    expect(fillRows(undefined).annexA.map((r) => r.controlId)).toEqual(ANNEX_A_IDS);
    const shuffled = {
      annexA: [
        { ...startingContent().annexA[5], justification: 'kept' },
        { controlId: 'A.99.1', applicable: true },
        { ...startingContent().annexA[1] },
        { ...startingContent().annexA[5], justification: 'second copy' },
      ],
      ownControls: [{ controlId: 'OC-01', title: 'Ours' }],
    };
    const filled = fillRows(shuffled);
    expect(filled.annexA.map((r) => r.controlId)).toEqual(ANNEX_A_IDS);
    expect(filled.annexA[5].justification).toBe('kept');
    expect(filled.ownControls).toHaveLength(1);
    expect(buildRows(filled as SoaContent, ctx())).toHaveLength(39);
  });

  it('refuses content that drops, renames or duplicates an Annex A row, and unjustified exclusions', () => {
    const start = startingContent();
    expect(contentErrors(start)).toEqual([]);
    const dropped = { ...start, annexA: start.annexA.filter((r) => r.controlId !== 'A.6.2.6') };
    expect(contentErrors(dropped)).toEqual([
      { field: 'body.content.annexA', message: expect.stringMatching(/missing: A\.6\.2\.6$/) },
    ]);
    const renamed = { ...start, annexA: start.annexA.map((r) => (r.controlId === 'A.2.2' ? { ...r, controlId: 'A.2.9' } : r)) };
    expect(contentErrors(renamed).map((e) => e.field)).toEqual(['body.content.annexA.0.controlId', 'body.content.annexA']);
    const doubled = { ...start, annexA: [...start.annexA, start.annexA[0]] };
    expect(contentErrors(doubled).map((e) => e.field)).toEqual(['body.content.annexA.38.controlId']);
    expect(contentErrors(exclude(start, 'A.7.2', '  '))).toEqual([
      {
        field: `body.content.annexA.${ANNEX_A_IDS.indexOf('A.7.2')}.justification`,
        message: expect.stringMatching(/^A\.7\.2 .* is excluded: give a justification$/),
      },
    ]);
    expect(contentErrors(exclude(start, 'A.7.2'))).toEqual([]);
    const own = {
      ...start,
      ownControls: ['OC-01', 'oc-01'].map((controlId) => ({ ...start.annexA[0], controlId, title: 'x', description: '' })),
    };
    expect(contentErrors(own).map((e) => e.field)).toEqual(['body.content.ownControls.1.controlId']);
  });

  it('flags excluding a control a risk treatment relies on, naming the risks', () => {
    const content = exclude(startingContent(), 'A.6.2.6');
    const risks = links([['A.6.2.6', [risk(3), risk(12)]]]);
    const flagged = soaChecks(content, risks).filter((c) => c.code === 'excluded-control-treats-risks');
    expect(flagged).toEqual([
      {
        code: 'excluded-control-treats-risks',
        severity: 'warning',
        field: expect.stringMatching(/^annexA\.\d+\.applicable$/),
        message: expect.stringMatching(/^A\.6\.2\.6 .* is excluded, but the treatment of risks R-003, R-012 relies on it$/),
      },
    ]);
    // included: no flag; excluded without risks: no flag
    expect(soaChecks(startingContent(), risks).some((c) => c.code === 'excluded-control-treats-risks')).toBe(false);
    expect(soaChecks(content, noRisks).some((c) => c.code === 'excluded-control-treats-risks')).toBe(false);
    const row = buildRows(content, ctx(risks)).find((r) => r.controlId === 'A.6.2.6')!;
    expect(row.linkedRisks.map((r) => r.number)).toEqual(['R-003', 'R-012']);
    expect(row.flags.map((f) => f.code)).toEqual(['excluded-control-treats-risks']);
    expect(row.linkedEvidence).toEqual([]);
  });

  it('counts every linked risk but lists only the first 20, in flags and rows', () => {
    const many = Array.from({ length: 25 }, (_, i) => risk(i + 1));
    // the register answers the first 20 and the count
    const risks = links([['A.6.2.6', many.slice(0, 20)]], [['A.6.2.6', 125]]);
    const content = exclude(startingContent(), 'A.6.2.6');
    const row = buildRows(content, ctx(risks)).find((r) => r.controlId === 'A.6.2.6')!;
    expect(row.linkedRiskCount).toBe(125);
    expect(row.linkedRisks).toHaveLength(20);
    expect(row.flags[0].message).toMatch(/risks R-001, R-002, .*, R-020 … and 105 more relies on it$/);
    expect(riskNumbers([risk(1), risk(2)], 2)).toBe('R-001, R-002');
    expect(riskNumbers([risk(1), risk(2)], 125)).toBe('R-001, R-002 … and 123 more');
    // a count without a listed risk still flags (flags need only the counts)
    const counted = soaChecks(content, links([], [['A.6.2.6', 3]]));
    expect(counted.filter((c) => c.code === 'excluded-control-treats-risks')).toHaveLength(1);
    const other = buildRows(content, ctx(risks)).find((r) => r.controlId === 'A.2.2')!;
    expect(other).toMatchObject({ linkedRiskCount: 0, linkedRisks: [] });
  });

  it('flags an own control risks rely on that the content no longer holds', () => {
    const checks = soaChecks(startingContent(), links([['OC-07', [risk(4)]]]));
    expect(checks.filter((c) => c.code === 'treated-control-missing')).toEqual([
      {
        code: 'treated-control-missing',
        severity: 'warning',
        field: 'ownControls',
        message: expect.stringMatching(/^OC-07 .* risk R-004 relies on it$/),
      },
    ]);
  });

  it('asks a justification for an inclusion at approval, unless risks it treats justify it', () => {
    const risks = links([['A.2.2', [risk(1)]]]);
    const codes = (id: string) =>
      soaChecks(startingContent(), risks)
        .filter((c) => c.message.startsWith(`${id} `))
        .map((c) => c.code);
    expect(codes('A.2.3')).toEqual(['inclusion-without-justification']);
    expect(codes('A.2.2')).toEqual([]);
  });

  it('patches one row, refusing catalogue titles and naming body fields', () => {
    const start = startingContent();
    const at = { list: 'annexA' as const, index: 3 };
    expect(patchRow(start, at, { implementationStatus: 'planned' }).content.annexA[3].implementationStatus).toBe('planned');
    expect(patchRow(start, at, { applicable: false }).errors).toEqual([
      { field: 'body.justification', message: expect.stringMatching(/is excluded: give a justification/) },
    ]);
    expect(patchRow(start, at, { title: 'Mine' }).errors.map((e) => e.field)).toEqual(['body.title']);
    // an unrelated row's problem is not this edit's
    const broken = exclude(start, 'A.2.2', '');
    expect(patchRow(broken, at, { implementation: 'x' }).errors).toEqual([]);
  });

  it('generates the next free own control id', () => {
    const own = (controlId: string) => ({ ...startingContent().annexA[0], controlId, title: 't', description: '' });
    expect(nextOwnId(startingContent())).toBe('OC-01');
    expect(nextOwnId({ annexA: [], ownControls: [own('OC-01'), own('oc-02'), own('OC-04')] })).toBe('OC-03');
  });
});
