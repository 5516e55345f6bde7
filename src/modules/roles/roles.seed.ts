import { uuidv7 } from 'uuidv7';
import { type Actor, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import { type Executor, nowIso } from '../../platform/db/db.js';
import { roleColumns, roleRegister } from './roles.register.js';
import type { RoleKey } from './roles.schemas.js';

// The six governance roles every organization starts with, vacant. Names and
// descriptions are ours (the certification guide lists the roles; the words
// here are not the standard's). The 0018 migration holds a frozen copy for
// the organizations that existed before it.

export const SEED_ROLES: { key: RoleKey; name: string; responsibilities: string; authorities: string }[] = [
  {
    key: 'ai-governance-owner',
    name: 'AI governance owner',
    responsibilities:
      'Owns the AI management system as a whole: keeps its scope, policy and objectives current, reports on how it performs to top management, and makes sure the other governance roles are filled.',
    authorities: 'Decides on changes to the AI management system and assigns the other governance roles.',
  },
  {
    key: 'ai-use-approver',
    name: 'AI use approver',
    responsibilities:
      'Looks at each proposed new AI use case or significant change to one, checks that its risks and impacts have been assessed, and records the decision.',
    authorities: 'Approves, approves with conditions, or refuses new AI use cases.',
  },
  {
    key: 'ai-risk-reviewer',
    name: 'AI risk reviewer',
    responsibilities:
      'Reviews AI risk assessments and impact assessments for completeness and sound judgement, and follows up that agreed treatments are carried out.',
    authorities: 'Sends risk assessments back for rework and proposes risk acceptance to the approver.',
  },
  {
    key: 'technical-controls',
    name: 'Technical controls manager',
    responsibilities:
      'Puts in place and maintains the technical controls around AI systems (access, logging, monitoring, data handling, testing) and keeps evidence that they work.',
    authorities: 'Decides how technical controls are implemented and may pause an AI system whose controls fail.',
  },
  {
    key: 'legal-privacy-review',
    name: 'Legal and privacy reviewer',
    responsibilities:
      'Checks AI use cases and suppliers against legal, contractual and data protection obligations and advises on what has to change.',
    authorities: 'May block a use case until a legal or privacy concern is resolved.',
  },
  {
    key: 'incident-escalation',
    name: 'AI incident escalation contact',
    responsibilities:
      'Receives reports of AI incidents, judges how serious they are, alerts the people who must act and makes sure each incident is followed through to closure.',
    authorities: 'Escalates incidents to top management and may call for an AI system to be taken out of use.',
  },
];

const SYSTEM: Actor = { userId: null, label: 'system' };

/**
 * Inserts the six starting roles (vacant) for a new organization inside the
 * caller's transaction, each with its audit entry; the organization's
 * creation calls it so an organization never exists without them. One insert
 * and one audit append: the register kit's per-record checks (unique names,
 * members) have nothing to check in an organization created a moment ago.
 */
export async function seedGovernanceRoles(tx: Executor, orgId: string, actor: Actor = SYSTEM): Promise<void> {
  const now = nowIso();
  const roles = SEED_ROLES.map((s) => ({ id: uuidv7(), input: { ...s, holder: null, deputy: null, notes: '' } }));
  await tx
    .insertInto('governance_roles')
    .values(
      roles.map((r) => ({
        id: r.id,
        org_id: orgId,
        ...roleColumns(r.input),
        created_at: now,
        updated_at: now,
        archived_at: null,
      })),
    )
    .execute();
  await appendAuditMany(
    tx,
    actor,
    roles.map((r) => ({
      orgId,
      entityType: roleRegister.entityType,
      entityId: r.id,
      action: 'create',
      after: { id: r.id, ...r.input },
    })),
  );
}
