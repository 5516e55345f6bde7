import type { Report } from '../../platform/report/index.js';
import type { BuyerAnswer } from './trust.schemas.js';
import type { certificationTimeline } from './trust.service.js';

// The buyer answers as a document to send a buyer: each question with the
// answer as it reads now (edited, else generated), and the certification
// timeline with its caveat. PDF and DOCX alike.

type Timeline = Awaited<ReturnType<typeof certificationTimeline>>;

export function buildAnswersReport(input: {
  organization: string;
  answers: BuyerAnswer[];
  timeline: Timeline;
  generatedAt: string;
  locale?: string | null;
}): Report {
  const t = input.timeline;
  const stage = (s: Timeline['forecast']['stage1']) =>
    s.source === 'planned' ? `${s.date} (planned, ${s.audit})` : `${s.date} (forecast)`;
  return {
    title: 'AI governance: answers for buyers',
    metadata: {
      organization: input.organization,
      record: { name: 'Buyer readiness answers' },
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023' }],
    },
    sections: [
      ...input.answers.map((a) => ({
        heading: a.question,
        blocks: [
          ...a.answer
            .split(/\n{2,}/)
            .filter((p) => p.trim())
            .map((p) => ({ type: 'paragraph' as const, text: p.trim() })),
        ],
      })),
      {
        heading: 'Certification timeline',
        blocks: [
          {
            type: 'table',
            sheet: 'Timeline',
            columns: [
              { header: 'Item', width: 30 },
              { header: 'Value', width: 70 },
            ],
            rows: [
              ['Organization type', t.organizationType.label],
              ['Planning range', t.planningRange.text],
              ['Stage 1', stage(t.forecast.stage1)],
              ['Stage 2', stage(t.forecast.stage2)],
            ],
          },
          { type: 'paragraph', text: t.planningRange.caveat },
          {
            type: 'paragraph',
            text: 'These answers describe our AI management system; they do not replace legal, privacy, security or sector-specific review where those apply.',
          },
        ],
      },
    ],
    filename: 'buyer-readiness-answers',
  };
}
