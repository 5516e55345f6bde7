// Journey steps 9, 10, 11, 13 and 14 as the home page judges them, and the
// next actions they suggest: the certification body's part of the journey.
// Pure: the service passes the three modules' summaries in.
import type { CertificateSummary } from '../certificates/index.js';
import type { CertificationAuditRef, CertificationAuditSummary } from '../certification-audits/index.js';
import type { CertificationBodySummary } from '../certification-bodies/index.js';

export interface CertificationFacts {
  bodies: CertificationBodySummary;
  audits: CertificationAuditSummary;
  certificate: CertificateSummary;
}

type Judged = { state: 'not-started' | 'in-progress' | 'done'; reason: string };
type Format = (day: string) => string;

export function certificationBodyStep(c: CertificationFacts | undefined): Judged {
  if (!c || c.bodies.candidates === 0) return { state: 'not-started', reason: 'No certification body compared yet' };
  if (c.bodies.chosen) {
    const acc = c.bodies.chosen.accreditedForIso42001
      ? 'accredited for ISO/IEC 42001'
      : 'ISO/IEC 42001 accreditation not recorded';
    return { state: 'done', reason: `${c.bodies.chosen.name} chosen (${acc})` };
  }
  const warn = c.bodies.warnings ? `; ${c.bodies.warnings} warning${c.bodies.warnings === 1 ? '' : 's'} to look at` : '';
  return {
    state: 'in-progress',
    reason: `${c.bodies.candidates} candidate bod${c.bodies.candidates === 1 ? 'y' : 'ies'} compared, none chosen${warn}`,
  };
}

function auditStep(
  a: CertificationAuditRef | null,
  what: string,
  passed: (a: CertificationAuditRef) => boolean,
  f: Format,
): Judged {
  if (!a) return { state: 'not-started', reason: `No ${what} planned yet` };
  if (a.status === 'completed') {
    const ok = passed(a);
    return {
      state: ok ? 'done' : 'in-progress',
      reason: `${a.number} held ${f(a.startDate)} to ${f(a.endDate)}${ok ? '' : `: ${(a.outcome ?? 'no outcome').replaceAll('-', ' ')}`}`,
    };
  }
  if (a.status === 'in-progress') return { state: 'in-progress', reason: `${a.number} under way until ${f(a.endDate)}` };
  return { state: 'in-progress', reason: `${a.number} planned for ${f(a.startDate)}` };
}

export function stage1Step(c: CertificationFacts | undefined, f: Format): Judged {
  return auditStep(c?.audits.latest['stage-1'] ?? null, 'Stage 1 audit', (a) => a.outcome === 'ready-for-stage-2', f);
}

export function stage2Step(c: CertificationFacts | undefined, f: Format): Judged {
  const judged = auditStep(
    c?.audits.latest['stage-2'] ?? null,
    'Stage 2 audit',
    (a) => a.outcome === 'recommended' || a.outcome === 'recommended-after-corrections',
    f,
  );
  const open = c ? c.audits.openFindings.major + c.audits.openFindings.minor : 0;
  return open && judged.state !== 'not-started'
    ? { ...judged, reason: `${judged.reason}; ${open} finding${open === 1 ? '' : 's'} with an open nonconformity` }
    : judged;
}

export function decisionStep(c: CertificationFacts | undefined, f: Format): Judged {
  const cert = c?.certificate.certificate;
  if (cert && (cert.status === 'valid' || cert.status === 'suspended')) {
    return {
      state: cert.status === 'valid' ? 'done' : 'in-progress',
      reason: `Certificate ${cert.certificateNumber} ${cert.status}, issued ${f(cert.issueDate)}, expires ${f(cert.expiryDate)}`,
    };
  }
  const d = c?.certificate.decision;
  if (d)
    return {
      state: 'in-progress',
      reason: `Decision ${d.outcome} on ${f(d.decidedOn)}${d.outcome === 'granted' ? '; certificate not recorded yet' : ''}`,
    };
  if (cert) return { state: 'in-progress', reason: `Certificate ${cert.certificateNumber} ${cert.status}` };
  return { state: 'not-started', reason: 'No certification decision yet' };
}

export function surveillanceStep(c: CertificationFacts | undefined, today: string, f: Format): Judged {
  const notStarted: Judged = { state: 'not-started', reason: 'Starts with a valid certificate' };
  if (!c) return notStarted;
  const cert = c.certificate.certificate;
  if (cert?.status !== 'valid') return notStarted;
  const next = c.certificate.nextDue;
  const last = c.audits.latest.surveillance;
  const parts: string[] = [];
  if (last?.status === 'completed') parts.push(`${last.number} held on ${f(last.endDate)}`);
  if (next) {
    const what = next.kind === 'surveillance' ? `Surveillance ${next.number ?? ''}`.trim() : 'Recertification';
    parts.push(`${what} ${next.dueBy < today ? 'overdue since' : 'due by'} ${f(next.dueBy)}`);
  }
  if (cert.scopeChangedSinceCertification) parts.push('scope changed since certification: tell the certification body');
  return { state: 'in-progress', reason: parts.join('; ') || 'Certified; no surveillance audit due' };
}

export interface CertificationAction {
  weight: number;
  title: string;
  detail: string;
  path: string;
}

/** What to do next on the certification body's part of the journey (weights below the readiness work). */
export function certificationActions(
  c: CertificationFacts | undefined,
  ready: boolean,
  today: string,
  f: Format,
): CertificationAction[] {
  if (!c) return [];
  const out: CertificationAction[] = [];
  const cert = c.certificate.certificate;
  if (cert?.scopeChangedSinceCertification)
    out.push({
      weight: 66,
      title: 'Tell the certification body the scope changed',
      detail: `The approved AIMS scope changed after certificate ${cert.certificateNumber} was issued; the body decides whether the certificate still covers it.`,
      path: `certificates/${cert.id}`,
    });
  const next = c.certificate.nextDue;
  if (cert?.status === 'valid' && next && next.dueBy < today)
    out.push({
      weight: 62,
      title: `${next.kind === 'surveillance' ? 'Surveillance' : 'Recertification'} audit overdue`,
      detail: `It was due by ${f(next.dueBy)}: plan it with the certification body now.`,
      path: 'surveillance',
    });
  if (c.audits.openRequests)
    out.push({
      weight: 61,
      title: `Answer ${c.audits.openRequests} auditor request${c.audits.openRequests === 1 ? '' : 's'}`,
      detail: 'The certification body asked for records or samples in the audit room.',
      path: 'certification-audits',
    });
  if (!ready) return out;
  if (c.bodies.candidates === 0)
    out.push({
      weight: 12,
      title: 'Compare certification bodies',
      detail: 'Check accreditation for ISO/IEC 42001, how certificates are verified and the audit timeline, then request quotes.',
      path: 'certification-bodies',
    });
  else if (!c.bodies.chosen)
    out.push({
      weight: 12,
      title: 'Choose a certification body',
      detail: 'Compare the candidates side by side and record why.',
      path: 'certification-bodies',
    });
  else if (!c.audits.latest['stage-1'])
    out.push({
      weight: 11,
      title: 'Rehearse Stage 1, then plan it',
      detail: `The readiness page checks what ${c.bodies.chosen.name}'s auditor will look at first.`,
      path: 'readiness',
    });
  return out;
}
