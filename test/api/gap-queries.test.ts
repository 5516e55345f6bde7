import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';
import { type QueryLog, recordQueries } from '../support/query-log.js';

// Saving one answer is the wizard's hot path: it must cost a handful of
// statements, not a rebuild of the whole assessment with facts from three
// modules (it ran 30 statements on SQLite and 31 on PostgreSQL, 27 and 28
// of them from BEGIN on, before the save stopped reading the assessment back).
//
// What is counted: every statement the database runs for the request, from
// the connection, so BEGIN and COMMIT and raw SQL count too. Split:
// - before BEGIN: the sign-in and permission check every org route runs
//   (session, user, membership), then the owner and link checks when the
//   answer names a member or links records;
// - the save: everything from BEGIN on, including the audit-log append
//   (on PostgreSQL one statement more: its advisory lock).
describe.each(testDialects())('gap answer save, statements run (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let userId: string;
  let assessmentId: string;
  let systemId: string;
  let supplierId: string;
  let scopeV1: string;
  let log: QueryLog;
  const answerUrl = (req: string) => `/api/v1/orgs/${orgId}/gap-assessments/${assessmentId}/answers/${req}`;
  const isTransactionControl = (s: string) => /^(begin|commit|rollback)\b/i.test(s.trim());

  /** The statements one request runs, split at BEGIN. */
  async function statementsOf(request: () => Promise<{ status: number }>, status = 200) {
    log.reset();
    const res = await request();
    expect(res.status).toBe(status);
    const all = [...log.statements];
    const begin = all.findIndex((s) => /^begin\b/i.test(s.trim()));
    expect(begin, all.join('\n')).toBeGreaterThanOrEqual(0);
    const save = all.slice(begin);
    return {
      all,
      beforeBegin: all.slice(0, begin),
      save,
      saveWithoutTransactionControl: save.filter((s) => !isTransactionControl(s)),
      afterCommit: save.slice(save.findIndex((s) => /^commit\b/i.test(s.trim())) + 1),
    };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId } = await setupOwner(t.app));
    await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), boundaryStatement: 'Chatbot' } });
    scopeV1 = (await approveAccepting(owner, `/api/v1/orgs/${orgId}/scope`)).body.id;
    systemId = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Chatbot' })).body.id;
    supplierId = (await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'Anthropic' })).body.id;
    assessmentId = (
      await owner.post(`/api/v1/orgs/${orgId}/gap-assessments`, { title: 'Baseline', assessmentDate: '2026-01-15' })
    ).body.id;
    log = recordQueries(t.database.db);
  });
  afterAll(() => t.close());

  it('saves a first answer and an update in at most 7 statements each, besides BEGIN and COMMIT', async () => {
    for (const body of [
      { status: 'partial', maturity: 2 },
      { status: 'implemented', maturity: 3, notes: 'Scope v1 approved' },
    ]) {
      const q = await statementsOf(() => owner.put(answerUrl('4.3'), body));
      const listing = q.all.join('\n');
      // assessment marked changed (returning its status), answer read for the audit row, answer written,
      // audit log: last row (or the head), insert, the signed head (and the advisory lock on PostgreSQL)
      expect(q.saveWithoutTransactionControl.length, listing).toBeLessThanOrEqual(7);
      expect(q.save.length, listing).toBe(q.saveWithoutTransactionControl.length + 2);
      expect(q.afterCommit, listing).toEqual([]);
      // nothing but the sign-in, the permission check and the organization's two-step policy before the transaction
      expect(q.beforeBegin.length, listing).toBeLessThanOrEqual(4);
    }
  });

  it('checks a member owner and links with one statement per kind, and reads nothing back', async () => {
    const q = await statementsOf(() =>
      owner.put(answerUrl('A.10.3'), {
        status: 'partial',
        owner: { userId },
        links: [
          { type: 'ai-system', id: systemId },
          { type: 'supplier', id: supplierId },
          { type: 'scope', id: scopeV1 },
        ],
      }),
    );
    const listing = q.all.join('\n');
    expect(q.saveWithoutTransactionControl.length, listing).toBeLessThanOrEqual(7);
    // sign-in, permission and two-step policy (4), the owner's membership (1), one lookup per link kind (3)
    expect(q.beforeBegin.length, listing).toBeLessThanOrEqual(4 + 1 + 3);
    expect(q.afterCommit, listing).toEqual([]);
  });

  it('clears an answer in as few', async () => {
    const q = await statementsOf(() => owner.delete(answerUrl('4.3')));
    const listing = q.all.join('\n');
    expect(q.saveWithoutTransactionControl.length, listing).toBeLessThanOrEqual(7);
    expect(q.afterCommit, listing).toEqual([]);
  });

  it('reads an assessment without summarizing the other registers (their facts are read apart)', async () => {
    log.reset();
    const res = await owner.get(`/api/v1/orgs/${orgId}/gap-assessments/${assessmentId}`);
    expect(res.status).toBe(200);
    const listing = log.statements.join('\n');
    // the session, the assessment, its answers, the linked records' names: a fixed handful at any size
    expect(log.statements.length, listing).toBeLessThanOrEqual(8);
    for (const register of ['risks', 'evidence', 'evidence_counts', 'documents', 'training_topics'])
      expect(listing, register).not.toMatch(new RegExp(`from "${register}"`));
    expect(listing).not.toMatch(/count\(/);
  });

  it('prints the counts', async () => {
    const q = await statementsOf(() => owner.put(answerUrl('5.2'), { status: 'partial' }));
    console.info(
      `${dialect}: one answer save ran ${q.all.length} statements: ${q.beforeBegin.length} before BEGIN, ` +
        `${q.save.length} from BEGIN on (${q.saveWithoutTransactionControl.length} without BEGIN and COMMIT)`,
    );
  });
});
