import type { SelectQueryBuilder } from 'kysely';
import type { DB, Row } from '../../platform/db/tables.js';
import { fold } from '../../platform/text.js';
import type { PresentContext } from './documents.present.js';
import { parseDocumentNumber } from './documents.rules.js';

// The document list's filters as SQL, so they page with the register kit's
// keyset cursor. Status follows documentStatus (documents.rules.ts): the
// columns that decide it are kept on the row (retired_at,
// review_requested_at, approved_version_id, see documents.sync.ts).

type DocumentQuery = SelectQueryBuilder<DB, 'documents', Row<'documents'>>;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function filterDocuments(query: DocumentQuery, q: Record<string, unknown>, ctx: PresentContext): DocumentQuery {
  let out = query;
  if (typeof q.q === 'string' && q.q) {
    const n = parseDocumentNumber(q.q);
    const key = `%${fold(q.q)}%`;
    out = out.where((eb) =>
      n !== null ? eb.or([eb('number_seq', '=', n), eb('title_key', 'like', key)]) : eb('title_key', 'like', key),
    );
  }
  if (typeof q.docType === 'string') out = out.where('doc_type', '=', q.docType);
  if (typeof q.category === 'string') out = out.where('category', '=', q.category as Row<'documents'>['category']);
  if (typeof q.ownerId === 'string') out = out.where('owner_user_id', '=', q.ownerId);
  switch (q.status) {
    case 'retired':
      out = out.where('retired_at', 'is not', null);
      break;
    case 'in review':
      out = out.where('retired_at', 'is', null).where('review_requested_at', 'is not', null);
      break;
    case 'approved':
      out = out
        .where('retired_at', 'is', null)
        .where('review_requested_at', 'is', null)
        .where('approved_version_id', 'is not', null);
      break;
    case 'draft':
      out = out.where('retired_at', 'is', null).where('review_requested_at', 'is', null).where('approved_version_id', 'is', null);
      break;
  }
  // judged by the same rules as each item's flags (documentFlags): the ids come with the context when asked for
  if (q.flagged === true) out = out.where('id', 'in', ctx.flaggedIds?.length ? ctx.flaggedIds : ['']);
  return out;
}
