import { z } from 'zod';
import { slug, text } from '../../platform/http/fields.js';
import { QUESTION_IDS } from './trust.answers.js';
import { DRIVERS, ORG_TYPES } from './trust.rules.js';

const stageDate = z.object({
  date: z.string(),
  source: z.enum(['planned', 'forecast']),
  audit: z.string().nullable(),
});

export const timelineSchema = z
  .object({
    organizationType: z.object({
      type: z.enum(ORG_TYPES),
      label: z.string(),
      reasons: z.array(z.string()),
      facts: z.object({
        employees: z.number().nullable(),
        sites: z.number(),
        aiSystemsInScope: z.number(),
        suppliers: z.number(),
      }),
    }),
    planningRange: z.object({
      fromMonths: z.number(),
      toMonths: z.number(),
      orMore: z.boolean(),
      text: z.string(),
      pattern: z.string(),
      caveat: z.string(),
    }),
    forecast: z.object({
      stage1: stageDate,
      stage2: stageDate,
      weeksBeforeStage1: z.number(),
      weeksBetweenStages: z.number(),
      drivers: z.array(
        z.object({
          key: z.enum(Object.keys(DRIVERS) as [keyof typeof DRIVERS, ...(keyof typeof DRIVERS)[]]),
          label: z.string(),
          count: z.number(),
          daysEach: z.number(),
          days: z.number(),
          before: z.enum(['stage-1', 'stage-2']),
        }),
      ),
      assumptions: z.array(z.string()),
    }),
    today: z.string(),
  })
  .meta({ id: 'CertificationTimeline' });

export const questionIdSchema = z.enum(QUESTION_IDS);

export const buyerAnswerSchema = z
  .object({
    id: questionIdSchema,
    question: z.string(),
    /** what buyers see: the edited text, else the generated draft */
    answer: z.string(),
    draft: z.string(),
    figures: z.array(z.object({ label: z.string(), value: z.string() })),
    links: z.array(z.object({ label: z.string(), href: z.string() })),
    edited: z
      .object({
        text: z.string(),
        editedAt: z.string(),
        editedBy: z.string(),
        /** the draft as it was when edited */
        draftAtEdit: z.string(),
      })
      .nullable(),
    /** the generated draft differs from the one the edit was made against */
    dataChangedSinceEdit: z.boolean(),
    /** the ETag to send as If-Match when editing or reverting */
    etag: z.string(),
  })
  .meta({ id: 'BuyerAnswer' });

export const publishedPageSchema = z.object({
  slug: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** the path of the public page in the web app */
  path: z.string(),
});

export const buyerAnswersSchema = z
  .object({
    items: z.array(buyerAnswerSchema),
    trustPage: publishedPageSchema.nullable(),
  })
  .meta({ id: 'BuyerAnswers' });

export const editAnswerBody = z.strictObject({
  text: text(8000).pipe(z.string().trim().min(1, 'must not be empty')),
});

export const publishBody = z.strictObject({ slug: slug() });

export const publicTrustPageSchema = z
  .strictObject({
    organization: z.string(),
    publishedAt: z.string(),
    answers: z.array(z.strictObject({ question: z.string(), answer: z.string() })),
    certificate: z
      .strictObject({ certificateNumber: z.string(), issuingBody: z.string(), status: z.string(), verifyPath: z.string() })
      .nullable(),
  })
  .meta({ id: 'PublicTrustPage' });

export type BuyerAnswer = z.infer<typeof buyerAnswerSchema>;
export type PublicTrustPage = z.infer<typeof publicTrustPageSchema>;
