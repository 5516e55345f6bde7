import { sql } from 'kysely';
import { type Executor, nowIso } from '../../platform/db/db.js';
import { governanceRoles } from '../roles/index.js';
import { audienceCovers, type CellState, cellState, teamKey, trainingNumber } from './training.rules.js';
import type { Matrix } from './training.schemas.js';
import { topicInput } from './training.topics.js';
import { idsColumn } from './training.tables.js';

// The training matrix: every active member of the organization (external
// auditors are not trained here) against every active topic, each cell in
// one state. Required = the topic's audience covers the person, or a
// competence criterion of one of their governance roles or their team names it.

export interface MatrixFilter {
  team?: string;
  userId?: string;
}

/** Active members who are not auditors, with name and email. */
export async function trainees(db: Executor, orgId: string, userId?: string) {
  const now = nowIso();
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.name', 'u.email'])
    .where('m.org_id', '=', orgId)
    .where('m.role', '!=', 'auditor')
    .where('u.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]));
  if (userId) q = q.where('m.user_id', '=', userId);
  return q.orderBy('u.name').orderBy('u.id').execute();
}

export async function teamsOf(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('training_member_teams').select(['user_id', 'team']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.user_id, r.team]));
}

/**
 * The latest completion per member and topic (by completion date, then
 * creation), picked in the database: a window over the person index, so an
 * organization's older records never travel to the app.
 */
async function latestRecords(db: Executor, orgId: string, userId?: string) {
  const ranked = db
    .selectFrom('training_records')
    .select([
      'id',
      'person_user_id',
      'topic_id',
      'completed_on',
      'expires_on',
      sql<number>`row_number() over (partition by person_user_id, topic_id order by completed_on desc, created_at desc, id desc)`.as(
        'rn',
      ),
    ])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('person_user_id', userId ? '=' : 'is not', userId ?? null);
  const rows = await db.selectFrom(ranked.as('r')).selectAll().where('r.rn', '=', 1).execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.person_user_id}|${r.topic_id}`, r);
  return latest;
}

export async function computeMatrix(db: Executor, orgId: string, today: string, filter: MatrixFilter = {}): Promise<Matrix> {
  const [members, teams, roles, criteria, topicRows, latest] = await Promise.all([
    trainees(db, orgId, filter.userId),
    teamsOf(db, orgId),
    governanceRoles(db, orgId),
    db.selectFrom('training_criteria').selectAll().where('org_id', '=', orgId).where('archived_at', 'is', null).execute(),
    db
      .selectFrom('training_topics')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .orderBy('number_seq')
      .execute(),
    latestRecords(db, orgId, filter.userId),
  ]);
  const topics = topicRows.map((r) => ({ row: r, input: topicInput(r) }));
  // a role is someone's when they hold it or deputise for it
  const rolesOf = new Map<string, { id: string; name: string }[]>();
  for (const r of roles)
    for (const p of [r.holder, r.deputy])
      if (p?.userId) {
        const list = rolesOf.get(p.userId) ?? [];
        if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, name: r.name });
        rolesOf.set(p.userId, list);
      }
  const byRole = new Map<string, Set<string>>();
  const byTeam = new Map<string, Set<string>>();
  for (const c of criteria) {
    const key = c.applies_kind === 'role' ? (c.role_id ?? '') : teamKey(c.team ?? '');
    const map = c.applies_kind === 'role' ? byRole : byTeam;
    const set = map.get(key) ?? new Set<string>();
    for (const id of idsColumn.read(c.required_topic_ids)) set.add(id);
    map.set(key, set);
  }
  const wanted = filter.team ? teamKey(filter.team) : null;
  const allTeams = new Map<string, string>();
  for (const t of teams.values()) if (!allTeams.has(teamKey(t))) allTeams.set(teamKey(t), t);

  const people = members
    .filter((m) => wanted === null || (teams.has(m.userId) && teamKey(teams.get(m.userId) as string) === wanted))
    .map((m) => {
      const team = teams.get(m.userId) ?? null;
      const mine = rolesOf.get(m.userId) ?? [];
      const roleIds = mine.map((r) => r.id);
      const byCriteria = new Set<string>([
        ...roleIds.flatMap((id) => [...(byRole.get(id) ?? [])]),
        ...(team ? [...(byTeam.get(teamKey(team)) ?? [])] : []),
      ]);
      const count: Record<CellState, number> = { complete: 0, expiring: 0, overdue: 0, missing: 0, 'not-required': 0 };
      let required = 0;
      let done = 0;
      const cells = topics.map(({ row, input }) => {
        const isRequired = byCriteria.has(row.id) || audienceCovers(input.audience, roleIds, team);
        const rec = latest.get(`${m.userId}|${row.id}`) ?? null;
        const state = cellState(isRequired, rec ? { expiresOn: rec.expires_on } : null, today);
        if (isRequired) {
          required++;
          count[state]++;
          if (state === 'complete' || state === 'expiring') done++;
        }
        return {
          topicId: row.id,
          state,
          required: isRequired,
          completedOn: rec?.completed_on ?? null,
          expiresOn: rec?.expires_on ?? null,
          recordId: rec?.id ?? null,
        };
      });
      return {
        userId: m.userId,
        name: m.name,
        email: m.email,
        team,
        roles: mine.map((r) => r.name),
        cells,
        required,
        complete: done,
        missing: count.missing,
        overdue: count.overdue,
        expiring: count.expiring,
      };
    });

  const groups = new Map<string, Matrix['teams'][number]>();
  for (const p of people) {
    const key = p.team ? teamKey(p.team) : '';
    const g = groups.get(key) ?? {
      team: p.team ? (allTeams.get(key) ?? p.team) : null,
      people: 0,
      required: 0,
      missing: 0,
      overdue: 0,
      complete: 0,
    };
    g.people++;
    g.required += p.required;
    g.missing += p.missing;
    g.overdue += p.overdue;
    g.complete += p.complete;
    groups.set(key, g);
  }
  const teamSummaries = [...groups.values()].sort((a, b) =>
    a.team === null ? 1 : b.team === null ? -1 : a.team.localeCompare(b.team),
  );
  return {
    today,
    topics: topics.map(({ row }) => ({ id: row.id, number: trainingNumber(Number(row.number_seq)), title: row.title })),
    people,
    teams: teamSummaries,
    teamNames: [...allTeams.values()].sort((a, b) => a.localeCompare(b)),
  };
}

/** For the home page and the gap assessment: how trained the organization is. */
export async function trainingSummary(db: Executor, orgId: string, today: string) {
  const m = await computeMatrix(db, orgId, today);
  const sum = (f: (p: Matrix['people'][number]) => number) => m.people.reduce((n, p) => n + f(p), 0);
  return {
    topics: m.topics.length,
    people: m.people.length,
    required: sum((p) => p.required),
    complete: sum((p) => p.complete),
    missing: sum((p) => p.missing),
    overdue: sum((p) => p.overdue),
    peopleFullyTrained: m.people.filter((p) => p.missing === 0 && p.overdue === 0).length,
  };
}

/** What one member still has to do: required topics missing, overdue or expiring. */
export async function trainingDue(
  db: Executor,
  orgId: string,
  userId: string,
  today: string,
): Promise<
  Array<{ topicId: string; number: string; title: string; state: 'missing' | 'overdue' | 'expiring'; expiresOn: string | null }>
> {
  const m = await computeMatrix(db, orgId, today, { userId });
  const person = m.people[0];
  if (!person) return [];
  const topics = new Map(m.topics.map((t) => [t.id, t]));
  const rank = { overdue: 0, missing: 1, expiring: 2 } as const;
  return person.cells
    .filter(
      (c): c is typeof c & { state: 'missing' | 'overdue' | 'expiring' } =>
        c.required && (c.state === 'missing' || c.state === 'overdue' || c.state === 'expiring'),
    )
    .map((c) => {
      const t = topics.get(c.topicId) as { number: string; title: string };
      return { topicId: c.topicId, number: t.number, title: t.title, state: c.state, expiresOn: c.expiresOn };
    })
    .sort((a, b) => rank[a.state] - rank[b.state] || a.number.localeCompare(b.number));
}
