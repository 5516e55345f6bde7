import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { nowIso } from '../../platform/db/db.js';
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
  if (q.flagged === true) out = out.where(flaggedSql(ctx));
  return out;
}

/**
 * Documents carrying a flag, as far as SQL can tell: no approved version, a
 * review due within 30 days or overdue, an owner who left, and a policy some
 * member has not acknowledged (audience "all"), a vacant role it names.
 * A vacant role only mentioned in the text, and acknowledgements of a role
 * audience, are judged on the rows (documentFlags), not by this filter.
 */
function flaggedSql(ctx: PresentContext) {
  const now = nowIso();
  return (eb: ExpressionBuilder<DB, 'documents'>) => {
    const ownerActive = eb
      .selectFrom('memberships as am')
      .innerJoin('users as au', 'au.id', 'am.user_id')
      .select('am.user_id')
      .whereRef('am.org_id', '=', 'documents.org_id')
      .whereRef('am.user_id', '=', 'documents.owner_user_id')
      .where('au.disabled_at', 'is', null)
      .where((w) => w.or([w('am.expires_at', 'is', null), w('am.expires_at', '>', now)]));
    const approvedVersion = eb
      .selectFrom('document_versions as v')
      .select('v.version')
      .whereRef('v.document_id', '=', 'documents.id')
      .where('v.status', '=', 'approved');
    const missingAck = eb.exists(
      eb
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('m.user_id')
        .whereRef('m.org_id', '=', 'documents.org_id')
        .where('u.disabled_at', 'is', null)
        .where((w) => w.or([w('m.expires_at', 'is', null), w('m.expires_at', '>', now)]))
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('document_acknowledgements as a')
                .select('a.id')
                .whereRef('a.document_id', '=', 'documents.id')
                .whereRef('a.user_id', '=', 'm.user_id')
                .where('a.version', '=', approvedVersion),
            ),
          ),
        ),
    );
    return eb.and([
      eb('retired_at', 'is', null),
      eb.or([
        eb('approved_version_id', 'is', null),
        eb('next_review_date', '<=', ctx.soon),
        eb.and([eb('owner_user_id', 'is not', null), eb.not(eb.exists(ownerActive))]),
        // role ids are UUIDs: a match inside the JSON array is that role
        ...(ctx.vacantRoleIds ?? []).map((id) => eb('named_role_ids', 'like', `%"${id}"%`)),
        eb.and([
          eb('requires_acknowledgement', '=', 1),
          eb('audience', '=', JSON.stringify({ all: true })),
          eb('approved_version_id', 'is not', null),
          missingAck,
        ]),
      ]),
    ]);
  };
}
