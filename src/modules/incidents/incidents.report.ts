import type { Executor } from '../../platform/db/db.js';
import { dateFormat, legalNameOf, localeOfCountry, type Report } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { DETECTED_HOW_LABELS, HARM_LABELS, SEVERITY_LABELS, SOURCE_LABELS, STATUS_LABELS } from './incidents.rules.js';
import type { Incident, TimelineEvent } from './incidents.schemas.js';

// One incident as the report an auditor or a regulator asks for (Annex
// A.8.4), and the register as a list; both on the report kit, so PDF, DOCX,
// HTML and XLSX come alike. Statuses and categories in words.

const orNone = (s: string | null | undefined, none = 'Not recorded.') => (s?.trim() ? s : none);

export function buildIncidentReport(input: {
  organization: string;
  incident: Incident;
  timeline: TimelineEvent[];
  generatedAt: string;
  locale?: string | null;
}): Report {
  const i = input.incident;
  const f = dateFormat(input.locale ?? null);
  const people =
    i.peopleAffected.count === null
      ? 'Number not known'
      : `${i.peopleAffected.count} ${i.peopleAffected.count === 1 ? 'person' : 'people'}`;
  return {
    title: `AI incident ${i.number}`,
    metadata: {
      organization: input.organization,
      record: { name: `${i.number} ${i.title}` },
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [
        { label: 'Status', value: STATUS_LABELS[i.status] },
        { label: 'Severity', value: SEVERITY_LABELS[i.severity] },
        { label: 'Standard', value: 'ISO/IEC 42001:2023, Annex A.8.4' },
      ],
    },
    sections: [
      {
        heading: 'What happened',
        blocks: [
          {
            type: 'table',
            sheet: 'Incident',
            columns: [
              { header: 'Field', width: 26 },
              { header: 'Value', width: 80 },
            ],
            rows: [
              ['AI system', i.aiSystem?.name ?? 'Not tied to one AI system'],
              ['Detected', f.dateTime(i.detectedAt)],
              ['How it was detected', DETECTED_HOW_LABELS[i.detectedHow]],
              ['Where it came from', SOURCE_LABELS[i.source.kind]],
              ['Harm', i.harmCategories.map((h) => HARM_LABELS[h]).join(', ') || 'None recorded'],
              ['People affected', `${people}${i.peopleAffected.description ? `: ${i.peopleAffected.description}` : ''}`],
              [
                'Escalated to',
                i.escalation.to
                  ? `${i.escalation.to.name}${i.escalation.at ? `, ${f.dateTime(i.escalation.at)}` : ''}`
                  : 'Not escalated: the incident escalation role was vacant',
              ],
              ['Linked risks', i.linkedRisks.map((r) => r.name).join('\n') || 'None'],
              ['Closed', i.closedAt ? f.dateTime(i.closedAt) : 'Not closed'],
            ],
          },
          { type: 'paragraph', text: orNone(i.description, 'No description recorded.') },
        ],
      },
      {
        heading: 'Communications',
        blocks: [
          {
            type: 'table',
            sheet: 'Communications',
            columns: [
              { header: 'When', width: 20 },
              { header: 'To', width: 22 },
              { header: 'What', width: 50 },
              { header: 'By', width: 20 },
            ],
            rows: i.communications.map((c) => [f.dateTime(c.when), c.party, c.what, c.by.name]),
            empty: i.noCommunicationReason
              ? `No communication was needed: ${i.noCommunicationReason}`
              : 'No communication is recorded.',
          },
        ],
      },
      {
        heading: 'Containment, root cause and lessons learned',
        blocks: [
          { type: 'paragraph', text: `Containment: ${orNone(i.containment)}` },
          { type: 'paragraph', text: `Root cause: ${orNone(i.rootCause)}` },
          { type: 'paragraph', text: `Lessons learned: ${orNone(i.lessonsLearned)}` },
        ],
      },
      {
        heading: 'Timeline',
        blocks: [
          {
            type: 'table',
            sheet: 'Timeline',
            columns: [
              { header: 'When', width: 20 },
              { header: 'What', width: 40 },
              { header: 'Who', width: 20 },
              { header: 'Details', width: 50 },
            ],
            rows: input.timeline.map((e) => [f.dateTime(e.at), e.what, e.who ?? '', e.detail ?? '']),
          },
        ],
      },
    ],
    filename: `incident-${i.number.toLowerCase()}`,
  };
}

export function buildIncidentListReport(input: {
  organization: string;
  incidents: Incident[];
  generatedAt: string;
  locale?: string | null;
}): Report {
  const f = dateFormat(input.locale ?? null);
  return {
    title: 'AI incident register',
    metadata: {
      organization: input.organization,
      record: { name: 'AI incident register' },
      generatedAt: input.generatedAt,
      locale: input.locale ?? null,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023, Annex A.8.4' }],
    },
    sections: [
      {
        heading: 'Incidents',
        blocks: [
          {
            type: 'table',
            sheet: 'Incidents',
            columns: INCIDENT_LIST_COLUMNS.map((header) => ({ header, width: header === 'Title' ? 40 : 18 })),
            rows: incidentListRows(input.incidents, f.dateTime),
            empty: 'No incidents are recorded.',
          },
        ],
      },
    ],
    filename: `ai-incidents-${input.generatedAt.slice(0, 10)}`,
  };
}

export const INCIDENT_LIST_COLUMNS = [
  'Number',
  'Title',
  'AI system',
  'Detected',
  'Severity',
  'Status',
  'Harm',
  'Escalated to',
  'Communications',
  'Closed',
];

export function incidentListRows(incidents: Incident[], when: (s: string) => string): string[][] {
  return incidents.map((i) => [
    i.number,
    i.title,
    i.aiSystem?.name ?? '',
    when(i.detectedAt),
    SEVERITY_LABELS[i.severity],
    STATUS_LABELS[i.status],
    i.harmCategories.map((h) => HARM_LABELS[h]).join(', '),
    i.escalation.to?.name ?? 'Not escalated',
    String(i.communications.length),
    i.closedAt ? when(i.closedAt) : '',
  ]);
}

/** The organization as reports name it, and its locale for dates. */
export async function reportOrg(db: Executor, orgId: string) {
  const [org, profile] = await Promise.all([getOrganization(db, orgId), getProfile(db, orgId)]);
  return { organization: legalNameOf(org, profile), locale: localeOfCountry(profile.country) };
}
