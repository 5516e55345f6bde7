import { z } from 'zod';
import { RECORD_TYPES, VERDICTS } from './readiness.verdict.js';

// The readiness contract (other tools script against it): steps, stage1 and
// stage2 with their checks. Fields may be added, never renamed or dropped.

const recordRef = z
  .object({
    /** the link kind of the record: ai-system, document, risk, internal-audit, ... */
    type: z.enum(RECORD_TYPES),
    id: z.string(),
    label: z.string(),
    /** web app path that opens it */
    href: z.string(),
  })
  .meta({ id: 'ReadinessRecord' });

const check = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(VERDICTS),
    detail: z.string(),
    records: z.array(recordRef),
    /** records behind the verdict left out of `records` */
    moreRecords: z.number().int(),
    /** what to do, in words; null when the check passes */
    fix: z.string().nullable(),
    /** web app path where the fix is made */
    link: z.string(),
  })
  .meta({ id: 'ReadinessCheck' });

const step = z
  .object({
    step: z.number().int(),
    id: z.string(),
    title: z.string(),
    status: z.enum(['not-started', 'in-progress', 'done']),
    reason: z.string(),
  })
  .meta({ id: 'ReadinessStep' });

const sampleItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(['ok', 'stale']),
  href: z.string(),
});

const sampleRow = z
  .object({
    controlId: z.string(),
    title: z.string(),
    /** ok: every sampled item current; stale: one has expired; unlinked: the control has no evidence */
    status: z.enum(['ok', 'stale', 'unlinked']),
    /** current items linked to the control (the sample draws up to 3 of them) */
    linked: z.number().int(),
    items: z.array(sampleItem),
  })
  .meta({ id: 'ReadinessSampleRow' });

export const readinessSchema = z
  .object({
    steps: z.array(step),
    stage1: z.object({ checks: z.array(check) }),
    stage2: z.object({ checks: z.array(check) }),
    /** the evidence sample behind the evidence-sampling check: its seed and a row per applicable control */
    sample: z.object({ seed: z.string(), rows: z.array(sampleRow) }),
    evaluatedAt: z.string(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof readinessSchema>;

export const readinessQuery = z.strictObject({
  /** another seed redraws the evidence sample; the default is today's date */
  seed: z.string().trim().min(1).max(40).optional(),
});

const snapshot = z
  .object({
    day: z.string(),
    stage1: z.object({ pass: z.number().int(), warn: z.number().int(), fail: z.number().int(), notAvailable: z.number().int() }),
    stage2: z.object({ pass: z.number().int(), warn: z.number().int(), fail: z.number().int(), notAvailable: z.number().int() }),
    stepsDone: z.number().int(),
  })
  .meta({ id: 'ReadinessSnapshot' });

export const historySchema = z.object({ items: z.array(snapshot) }).meta({ id: 'ReadinessHistory' });

export const historyQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(730).default(90),
});
