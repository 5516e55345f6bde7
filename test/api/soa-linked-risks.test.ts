import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// GET /soa stays small however many risks rely on a control: each row counts
// the current risks (linkedRiskCount) and lists the first 20 (linkedRisks, by
// number); flags and exports say how many more; GET /risks?controlId= lists
// them all.

interface LinkedRisk {
  id: string;
  number: string;
  title: string;
  residualLevel: string | null;
  status: string;
}
interface Row {
  controlId: string;
  linkedRiskCount: number;
  linkedRisks: LinkedRisk[];
  flags: { code: string; message: string }[];
}

describe.each(testDialects())('SoA linked risks, bounded (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}${p}`;
  const row = (rows: Row[], id: string) => rows.find((r) => r.controlId === id)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('counts every current risk relying on a control and lists the first 20 by number', async () => {
    const system = (await owner.post(url('/ai-systems'), { name: 'CV screening', inScope: true })).body.id;
    const numbers: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const r = await owner.post(url('/risks'), {
        title: `Risk ${i}`,
        aiSystemIds: [system],
        sourceCategory: 'fairness',
        inherentLikelihood: 1 + (i % 5),
        inherentImpact: 3,
      });
      expect(r.status).toBe(201);
      numbers.push(r.body.number);
      ids.push(r.body.id);
      // every risk relies on A.6.2.6 (risk 3 twice, through two actions); risk 5 also on A.2.2
      const controlIds = i === 5 ? ['A.6.2.6', 'A.2.2'] : ['A.6.2.6'];
      expect((await owner.post(url(`/risks/${r.body.id}/actions`), { title: 'Treat', controlIds })).status).toBe(201);
      if (i === 3) await owner.post(url(`/risks/${r.body.id}/actions`), { title: 'Again', controlIds: ['A.6.2.6'] });
    }
    // an archived risk no longer counts: 23 current risks rely on A.6.2.6
    expect((await owner.post(url(`/risks/${ids[0]}/archive`), {})).status).toBe(200);

    const current = await owner.get(url('/soa'));
    expect(current.status).toBe(200);
    const a626 = row(current.body.rows, 'A.6.2.6');
    expect(a626.linkedRiskCount).toBe(23);
    expect(a626.linkedRisks.map((r) => r.number)).toEqual(numbers.slice(1, 21));
    expect(a626.linkedRisks[0]).toEqual({
      id: ids[1],
      number: numbers[1],
      title: 'Risk 1',
      residualLevel: null,
      status: 'open',
    });
    expect(row(current.body.rows, 'A.2.2')).toMatchObject({ linkedRiskCount: 1, linkedRisks: [{ id: ids[5] }] });
    expect(row(current.body.rows, 'A.7.2')).toMatchObject({ linkedRiskCount: 0, linkedRisks: [] });

    // the register lists all of them
    const all = await owner.get(url('/risks?controlId=A.6.2.6&limit=200'));
    expect(all.body.items).toHaveLength(23);

    // excluding it is flagged, naming the first 20 and how many more
    const excluded = await owner.patch(url('/soa/rows/A.6.2.6'), { applicable: false, justification: 'Bought in' });
    expect(excluded.status).toBe(200);
    const flag = row(excluded.body.rows, 'A.6.2.6').flags.find((f) => f.code === 'excluded-control-treats-risks');
    expect(flag?.message).toContain(`risks ${numbers[1]}, ${numbers[2]}`);
    expect(flag?.message).toMatch(/ … and 3 more relies on it$/);
    expect(flag?.message).not.toContain(numbers[21]);

    // the export lists the same 20 and says how many more
    const xlsx = await owner.get(url('/soa/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ExcelJS.Buffer);
    let cell = '';
    wb.getWorksheet('Annex A')?.eachRow((r) => {
      const values = (r.values as unknown[]).slice(1).map((v) => String(v ?? ''));
      if (values[0] === 'A.6.2.6') cell = values[values.length - 1];
    });
    const lines = cell.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${numbers[1]} Risk 1`);
    expect(lines[20]).toBe('… and 3 more');
  });
});
