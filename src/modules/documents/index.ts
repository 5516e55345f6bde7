// Documented information (clause 7.5) and the AI policy's communication
// (Annex A.2.2): a register of controlled documents (policies, procedures,
// records), their text drafted and approved into immutable versions, review
// dates, acknowledgements by their audience, and the core set of documents
// an AIMS keeps, live records shown where they are held.
import type { Executor } from '../../platform/db/db.js';
import { registerReminderJob } from '../../platform/jobs/index.js';
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { documentReviewJob } from './documents.due.js';
import { documentRegister } from './documents.register.js';
import { retiredAmong } from './documents.repository.js';
import { documentNumber } from './documents.rules.js';

// Evidence and other records may link a document as the record they rest
// on. A retired document still reads (its label), but as no longer current.
const documentLinks = registerLinkKindOf(documentRegister, {
  kind: 'document',
  noun: 'a document',
  columns: ['number_seq', 'title'],
  label: (r) => `${documentNumber(Number(r.number_seq))} ${r.title}`,
  nameKey: 'title_key',
});
registerLinkKind({
  ...documentLinks,
  async lookup(db, orgId, ids) {
    const found = await documentLinks.lookup(db, orgId, ids);
    const retired = await retiredAmong(db, orgId, [...found.keys()]);
    for (const id of retired) {
      const t = found.get(id);
      if (t) found.set(id, { ...t, archived: true, linkable: false });
    }
    return found;
  },
});

registerReminderJob(documentReviewJob);

export { documentRoutes } from './documents.routes.js';
export { documentRegister } from './documents.register.js';
export { CORE_SET, DOC_TYPES, DOCUMENT_CATEGORIES } from './documents.core-set.js';
export type { Document, DocumentContent } from './documents.schemas.js';
export { type DocumentDue, type DocumentSummary, documentSummary, documentsDue } from './documents.due.js';
export { type CoreSetGiven, coreSet } from './documents.core.js';

/** Current approved documents whose review date has passed (the readiness rehearsal's documented-information check). */
export async function documentsPastReview(db: Executor, orgId: string, today: string) {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'number_seq', 'title', 'doc_type', 'next_review_date'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('retired_at', 'is', null)
    .where('approved_version_id', 'is not', null)
    .where('next_review_date', '<', today)
    .orderBy('next_review_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: `${documentNumber(Number(r.number_seq))} ${r.title}`,
    docType: r.doc_type,
    nextReviewDate: r.next_review_date as string,
  }));
}
