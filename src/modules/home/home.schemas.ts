import { z } from 'zod';

const step = z
  .object({
    id: z.string(),
    number: z.number().int(),
    title: z.string(),
    state: z.enum(['not-started', 'in-progress', 'done']),
    /** why, in words: "Scope v2 approved on 2026-11-03" */
    reason: z.string(),
  })
  .meta({ id: 'JourneyStepState' });

const nextAction = z.object({ title: z.string(), detail: z.string(), href: z.string() }).meta({ id: 'NextAction' });

const dueItem = z
  .object({
    kind: z.enum([
      'gap-action',
      'supplier-review',
      'gap-answer',
      'objective',
      'impact-assessment',
      'risk-action',
      'risk-review',
      'document-acknowledgement',
      'document-review',
      'evidence-expiry',
      'training',
      'monitoring-breach',
      'monitoring-review',
      'incident',
      'concern-triage',
      'corrective-action',
      'nonconformity',
      'internal-audit',
      'review-action',
    ]),
    title: z.string(),
    detail: z.string(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    href: z.string(),
  })
  .meta({ id: 'DueItem' });

const recentChange = z
  .object({
    id: z.string(),
    at: z.string(),
    text: z.string(),
    actor: z.string().nullable(),
    href: z.string().nullable(),
  })
  .meta({ id: 'RecentChange' });

export const homeSchema = z
  .object({
    steps: z.array(step),
    nextActions: z.array(nextAction),
    due: z.array(dueItem),
    recent: z.array(recentChange),
    /** 'full' names records and people (the role may read the audit log); 'summary' says only what kind of record changed and when */
    recentDetail: z.enum(['full', 'summary']),
  })
  .meta({ id: 'Home' });

export type Home = z.infer<typeof homeSchema>;
