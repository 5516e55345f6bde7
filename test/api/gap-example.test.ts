import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clausesAlwaysApply, markPrefilled } from '../../migrations/0008_gap_clauses_always_apply.js';
import { ISMS_PROCESSES } from '../../src/catalogue/index.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';
import { emptyContent } from '../support/fixtures.js';

// The seed's example: a 60-person SaaS company holding ISO/IEC 27001, using AI
// in support, sales scoring, coding and its product. Its gap assessment finds a
// missing AI policy, incomplete AI risk criteria, weak supplier review, no AI
// monitoring and no management review for AI.

interface Answer {
  requirementId: string;
  answered: boolean;
  status: string;
  notes: string;
  justification: string;
  prefilled: boolean;
}

describe.each(testDialects())('gap assessment of the example company (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let id: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const url = (p = '') => org(`/gap-assessments/${id}${p}`);
  const assessment = async () => (await owner.get(url())).body;
  const answerOf = async (req: string): Promise<Answer> =>
    (await assessment()).answers.find((a: Answer) => a.requirementId === req);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app, 'ciso@example.com', 'Northwind Cloud'));
    const draft = await owner.put(org('/scope/draft'), {
      content: {
        ...emptyContent(),
        boundaryStatement: 'AI used in customer support, sales lead scoring, software development and the Northwind app',
        aiSystems: [
          { name: 'Support reply assistant', description: 'Drafts answers to support tickets', aiSystemId: null },
          { name: 'Lead scoring model', description: 'Ranks inbound sales leads', aiSystemId: null },
          { name: 'Coding assistant', description: 'Code completion for engineers', aiSystemId: null },
        ],
        productsAndServices: [{ name: 'Northwind app smart search', description: 'AI search in the product' }],
      },
    });
    expect(draft.status).toBe(200);
    expect((await approveAccepting(owner, org('/scope'))).status).toBeLessThan(300);
    // only the support assistant made it into the inventory
    expect((await owner.post(org('/ai-systems'), { name: 'Support reply assistant' })).status).toBe(201);
    const created = await owner.post(org('/gap-assessments'), {
      title: 'Initial AIMS gap assessment',
      assessmentDate: '2026-02-02',
      reusedIsmsProcesses: ISMS_PROCESSES.map((p) => p.id),
    });
    expect(created.status).toBe(201);
    id = created.body.id;
  });
  afterAll(() => t.close());

  it('pre-fills only what the ISMS gives, never the AI-specific artefacts, and counts it as reuse', async () => {
    const a = await assessment();
    const byId = new Map<string, Answer>(a.answers.map((x: Answer) => [x.requirementId, x]));
    for (const req of ['5.2', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.2', '8.2', '8.3', '8.4', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'])
      expect(byId.get(req), req).toMatchObject({ answered: false, prefilled: false });
    for (const req of ['7.2', '7.3', '7.4', '7.5.1', '9.2.2', '9.3.1', '10.2', 'A.10.3', 'A.8.4'])
      expect(byId.get(req), req).toMatchObject({ answered: true, status: 'partial', prefilled: true });
    expect(a.answered).toBe(18);
    expect(a.progress).toEqual({
      reusedFromIsms: 18,
      aiSpecificInPlace: 0,
      aiSpecificImplemented: 0,
      notApplicable: 0,
      carriedOver: 0,
      total: 70,
    });
    // the list shows the same figures
    const listed = (await owner.get(org('/gap-assessments'))).body.items.find((x: { id: string }) => x.id === id);
    expect(listed.progress).toEqual(a.progress);
  });

  it('names the systems the approved scope lists that have no inventory record, beside 4.3 and the A.6 controls', async () => {
    for (const req of ['4.3', 'A.6.2.2']) {
      const facts = (await factsBeside(owner, orgId, id))(req).join(' ');
      expect(facts, req).toContain('In scope version 1 but missing from the inventory (3)');
      expect(facts, req).toContain('Lead scoring model (AI system)');
      expect(facts, req).toContain('Coding assistant (AI system)');
      expect(facts, req).toContain('Northwind app smart search (product or service)');
      expect(facts, req).not.toContain('Support reply assistant');
    }
  });

  it('refuses "not applicable" on a clause by its field, and accepts it on an Annex A control', async () => {
    const clause = await owner.put(url('/answers/9.1'), {
      status: 'not-applicable',
      justification: 'We do not monitor AI yet',
    });
    expect(clause.status).toBe(400);
    expect(clause.body.errors).toEqual([
      {
        field: 'body.status',
        message: expect.stringMatching(/clauses 4 to 10 always apply; only Annex A controls can be excluded/),
      },
    ]);
    expect((await answerOf('9.1')).answered).toBe(false);
    const control = await owner.put(url('/answers/A.10.4'), {
      status: 'not-applicable',
      justification: 'No customer builds on our AI systems; the app feature is ours alone',
    });
    expect(control.status).toBe(200);
    expect(control.body.status).toBe('not-applicable');
  });

  it('keeps reuse and AI-specific work apart as people answer', async () => {
    const put = async (req: string, body: object) => expect((await owner.put(url(`/answers/${req}`), body)).status).toBe(200);
    // the findings: no AI policy, incomplete AI risk criteria, no AI monitoring, no management review for AI
    await put('5.2', { status: 'not-started', notes: 'Only the information security policy exists.' });
    await put('6.1.1', { status: 'partial', notes: 'Security risk criteria only; no AI harm criteria.' });
    await put('9.1', { status: 'not-started', notes: 'No drift or accuracy monitoring of AI systems.' });
    await put('9.3.1', { status: 'not-started', notes: 'The ISMS review never discusses AI.' });
    // weak supplier review: A.10.3 stays as pre-filled; 7.2 saved unchanged stays pre-filled too
    const competence = await answerOf('7.2');
    await put('7.2', { status: competence.status, notes: competence.notes });
    expect((await answerOf('7.2')).prefilled).toBe(true);
    // real progress
    await put('4.3', { status: 'implemented', notes: 'Scope version 1 approved.' });
    await put('7.5.1', { status: 'implemented', notes: 'AI documents are in the register.' });
    const a = await assessment();
    expect(a.progress).toEqual({
      reusedFromIsms: 16,
      aiSpecificInPlace: 3,
      aiSpecificImplemented: 2,
      notApplicable: 1,
      carriedOver: 0,
      total: 70,
    });
    expect(a.answers.find((x: Answer) => x.requirementId === '7.5.1').prefilled).toBe(false);
  });

  it('puts the AI policy, the AI risk criteria and method and the impact assessment first in the action plan', async () => {
    const plan = (await owner.post(url('/action-plan'), {})).body.items;
    expect(plan.slice(0, 5).map((p: { requirementId: string; priority: number }) => [p.requirementId, p.priority])).toEqual([
      ['5.2', 1],
      ['6.1.1', 1],
      ['6.1.2', 1],
      ['6.1.4', 1],
      ['8.4', 1],
    ]);
    expect(
      (await owner.get(url('/actions'))).body.items.slice(0, 5).map((p: { requirementId: string }) => p.requirementId),
    ).toEqual(['5.2', '6.1.1', '6.1.2', '6.1.4', '8.4']);
  });

  it('migrates clause answers saved as "not applicable" back to "not started", with a note; marks untouched pre-fills', async () => {
    const db = t.database.db;
    const created = await owner.post(org('/gap-assessments'), {
      title: 'Old data',
      assessmentDate: '2025-06-01',
      reusedIsmsProcesses: ['internal-audit'],
    });
    const old = created.body.id;
    const at = (p: string) => org(`/gap-assessments/${old}${p}`);
    await owner.put(at('/answers/6.2'), {
      status: 'partial',
      notes: 'Objectives live elsewhere.',
      justification: 'Not relevant',
    });
    await owner.put(at('/answers/A.10.4'), { status: 'not-applicable', justification: 'No AI customers' });
    // as an earlier version could store them
    await db
      .updateTable('gap_answers')
      .set({ status: 'not-applicable' })
      .where('assessment_id', '=', old)
      .where('requirement_id', '=', '6.2')
      .execute();
    await db.updateTable('gap_answers').set({ prefilled: 0 }).where('assessment_id', '=', old).execute();
    await clausesAlwaysApply(db as unknown as Kysely<unknown>);
    await markPrefilled(db as unknown as Kysely<unknown>);
    const rows = await db
      .selectFrom('gap_answers')
      .select(['requirement_id', 'status', 'notes', 'justification', 'prefilled'])
      .where('assessment_id', '=', old)
      .orderBy('requirement_id')
      .execute();
    const row = (req: string) => rows.find((r) => r.requirement_id === req);
    expect(row('6.2')).toMatchObject({ status: 'not-started', justification: '' });
    expect(row('6.2')?.notes).toMatch(
      /^Objectives live elsewhere\.\n\n\[OpenAIMS\] This answer was "not applicable" and is back to "not started": clauses 4 to 10 always apply; only Annex A controls .* Justification given then: Not relevant$/,
    );
    expect(row('A.10.4')).toMatchObject({ status: 'not-applicable', justification: 'No AI customers' });
    // the untouched pre-fills of internal audit are marked again; the answers people wrote are not
    expect(row('9.2.1')?.prefilled).toBe(1);
    expect(row('9.2.2')?.prefilled).toBe(1);
    expect(row('6.2')?.prefilled).toBe(0);
    expect(row('A.10.4')?.prefilled).toBe(0);
  });
});
