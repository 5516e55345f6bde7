import type { Executor } from '../../platform/db/db.js';
import { todayUtc } from '../../platform/dates.js';
import { concernSummary } from '../concerns/index.js';
import { incidentSummary } from '../incidents/index.js';
import { monitoringSummary } from '../monitoring/index.js';
import { trainingSummary } from '../training/index.js';

// Facts from the operation modules (7.2, 7.3, 9.1, Annex A.3.3, A.6.2.6,
// A.8.4): who is trained, how AI systems are watched, what went wrong and
// what people raised, keyed like the catalogue's `module` of each
// requirement. Each answers in a fixed number of statements.

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** Training beside 7.2 and 7.3: required trainings done, missing, past their refresher. */
export async function trainingFacts(db: Executor, orgId: string): Promise<string[]> {
  const t = await trainingSummary(db, orgId, todayUtc());
  if (t.topics === 0) return ['No training topics recorded yet.'];
  return [
    `${n(t.topics, 'training topic')}; ${t.peopleFullyTrained} of ${n(t.people, 'member')} have every training their roles and team require.`,
    `Of ${n(t.required, 'required training')}: ${t.complete} complete, ${t.missing} never taken, ${t.overdue} past the refresher date.`,
  ];
}

/** Monitoring beside 9.1 and A.6.2.6: systems with metrics, breaches open, reviews missed. */
export async function monitoringFacts(db: Executor, orgId: string): Promise<string[]> {
  const m = await monitoringSummary(db, orgId, new Date());
  if (m.metrics === 0) return ['No monitoring metrics recorded for any AI system yet.'];
  return [
    `${n(m.metrics, 'monitoring metric')} on ${n(m.systemsMonitored, 'AI system')}; ${m.noData} with no observation yet.`,
    `${n(m.openBreaches, 'threshold breach', 'threshold breaches')} open; ${n(m.reviewsOverdue, 'metric')} past the review date.`,
  ];
}

/** Incidents and concerns beside A.3.3, A.8.x: open incidents by severity, escalation, concerns waiting for triage. */
export async function incidentFacts(db: Executor, orgId: string): Promise<string[]> {
  const [i, c] = await Promise.all([incidentSummary(db, orgId), concernSummary(db, orgId)]);
  const s = i.bySeverity;
  return [
    `${n(i.open, 'AI incident')} not closed (${s.critical} critical, ${s.high} high, ${s.medium} medium, ${s.low} low); ${i.closedLast90Days} closed in the last 90 days.`,
    i.notEscalated
      ? `${n(i.notEscalated, 'open incident')} escalated to nobody.`
      : 'Every open incident is escalated to a named person.',
    `Concerns: ${c.open} waiting for triage, ${c.triagedLast90Days} triaged in the last 90 days.`,
  ];
}

/** The operation modules' facts by catalogue module id. */
export async function operationFacts(db: Executor, orgId: string): Promise<Record<string, string[]>> {
  const [training, monitoring, incidents] = await Promise.all([
    trainingFacts(db, orgId),
    monitoringFacts(db, orgId),
    incidentFacts(db, orgId),
  ]);
  return { training, monitoring, incidents };
}
