import { type Actor, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import { type Executor, nowIso } from '../../platform/db/db.js';
import { uuidv7 } from 'uuidv7';
import { topicColumns, topicRegister } from './training.topics.js';
import type { TopicInput } from './training.schemas.js';

// The seven topics every organization starts with, for everyone, refreshed
// yearly. The wording is ours. The 0021 migration holds a frozen copy for the
// organizations that existed before it.

export const SEED_TOPICS: { key: string; title: string; description: string }[] = [
  {
    key: 'ai-scope',
    title: 'AI systems in scope',
    description: 'Which AI systems and uses our management system covers, and how to tell whether a new tool falls inside it.',
  },
  {
    key: 'ai-policy',
    title: 'Our AI policy',
    description: 'What our AI policy asks of everyone, what it forbids, and where to find the current version.',
  },
  {
    key: 'ai-risk-reporting',
    title: 'Reporting AI risks',
    description: 'How to spot and report a risk from an AI system, and what happens to the report.',
  },
  {
    key: 'ai-use-approval',
    title: 'Approving new AI use cases',
    description: 'Who decides on a new AI use case or a significant change to one, and what they need to see first.',
  },
  {
    key: 'supplier-review',
    title: 'When a supplier needs a review',
    description: 'Which AI suppliers, models and services must be reviewed before we rely on them, and how.',
  },
  {
    key: 'escalation',
    title: 'Escalating incidents and concerns',
    description: 'How to raise an AI incident or a concern, whom to tell, and how quickly.',
  },
  {
    key: 'evidence',
    title: 'Keeping evidence',
    description: 'Which records and evidence we keep for the management system, where they live and how long they stay valid.',
  },
];

/**
 * Inserts the seven starting topics for a new organization inside the
 * caller's transaction, each with its audit entry (organization creation
 * calls it, as it does for the governance roles).
 */
export async function seedTrainingTopics(tx: Executor, orgId: string, actor: Actor): Promise<void> {
  const now = nowIso();
  const topics = SEED_TOPICS.map((s, i) => {
    const input: TopicInput = {
      title: s.title,
      description: s.description,
      audience: { kind: 'all', roleIds: [], teams: [] },
      refresherMonths: 12,
      documentId: null,
      numberSeq: i + 1,
      seedKey: s.key,
    };
    return { id: uuidv7(), input };
  });
  await tx
    .insertInto('training_topics')
    .values(
      topics.map((t) => ({
        id: t.id,
        org_id: orgId,
        ...topicColumns(t.input),
        created_at: now,
        updated_at: now,
        archived_at: null,
      })),
    )
    .execute();
  await appendAuditMany(
    tx,
    actor,
    topics.map((t) => ({
      orgId,
      entityType: topicRegister.entityType,
      entityId: t.id,
      action: 'create',
      after: topicRegister.auditView?.(t.id, t.input, null) ?? { id: t.id },
    })),
  );
}
