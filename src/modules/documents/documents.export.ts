import type { Executor } from '../../platform/db/db.js';
import { legalNameOf, localeOfCountry, type Report } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { documentContent } from './documents.content.js';
import { markdownToSections } from './documents.markdown.js';
import { presentDocuments } from './documents.present.js';
import { addDays } from './documents.filters.js';
import { findDocument } from './documents.service.js';
import { todayUtc } from '../../platform/dates.js';

// One version of a document as a report (PDF, DOCX, HTML): its control data
// first (number, version, status, owner, approval, next review), then the text.

export async function loadDocumentVersion(db: Executor, orgId: string, documentId: string, version: number) {
  const row = await findDocument(db, orgId, documentId);
  const v = await documentContent.getVersion(db, { orgId, key: documentId }, version);
  const today = todayUtc();
  const [doc] = await presentDocuments(db, orgId, [row], { today, soon: addDays(today, 30) });
  return { doc, version: v };
}

export async function documentReport(
  db: Executor,
  orgId: string,
  documentId: string,
  version: number,
  now = new Date(),
): Promise<Report> {
  const [{ doc, version: v }, org, profile] = await Promise.all([
    loadDocumentVersion(db, orgId, documentId, version),
    getOrganization(db, orgId),
    getProfile(db, orgId),
  ]);
  const status =
    v.status === 'approved' ? 'approved (current)' : v.status === 'superseded' ? 'superseded' : 'draft, not approved';
  const body =
    v.content.format === 'markdown'
      ? await markdownToSections(v.content.body, doc.title)
      : [
          {
            heading: doc.title,
            blocks: [{ type: 'paragraph' as const, text: `This version is the uploaded file ${v.content.fileName}.` }],
          },
        ];
  return {
    title: `${doc.number} ${doc.title}`,
    filename: `${doc.number}-v${v.version}`,
    metadata: {
      organization: legalNameOf(org, profile),
      record: { name: `${doc.number} ${doc.title}`, version: v.version },
      approval: v.approvedAt ? { by: v.approvedByName ?? 'unknown', at: v.approvedAt } : null,
      generatedAt: now.toISOString(),
      locale: localeOfCountry(profile.country),
      details: [
        { label: 'Status', value: status },
        { label: 'Owner', value: doc.owner?.name ?? 'none named' },
        { label: 'Next review', value: v.status === 'approved' ? (doc.nextReviewDate ?? 'not set') : 'set when approved' },
        ...(v.content.changeNote ? [{ label: 'Change', value: v.content.changeNote }] : []),
      ],
    },
    sections: body,
  };
}
