import type { AuditInput, CertificationAudit } from '../hooks/useCertificationAudits';
import {
  type AuditOutcome,
  type AuditStatus,
  type AuditType,
  OUTCOME_LABELS,
  STATUS_LABELS,
  type TeamRole,
  TYPE_LABELS,
} from '../labels';

// The audit form's state and its conversion to the API's body.

export interface TeamDraft {
  key: string;
  name: string;
  email: string;
  role: TeamRole;
}

export interface AuditDraft {
  type: AuditType;
  surveillanceNumber: string;
  certificationBodyId: string | null;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  status: AuditStatus;
  team: TeamDraft[];
  sites: string[];
  requirementsSampled: string[];
  outcome: AuditOutcome;
  notes: string;
}

let seq = 0;
export const newTeamMember = (): TeamDraft => ({ key: `t${++seq}`, name: '', email: '', role: 'auditor' });

export function toAuditDraft(a: CertificationAudit | null): AuditDraft {
  return {
    type: a?.type ?? 'stage-1',
    surveillanceNumber: a?.surveillanceNumber ? String(a.surveillanceNumber) : '',
    certificationBodyId: a?.certificationBodyId ?? null,
    plannedStart: a?.plannedStart ?? '',
    plannedEnd: a?.plannedEnd ?? '',
    actualStart: a?.actualStart ?? '',
    actualEnd: a?.actualEnd ?? '',
    status: a?.status ?? 'planned',
    team: (a?.team ?? []).map((m) => ({ ...newTeamMember(), name: m.name, email: m.email ?? '', role: m.role })),
    sites: a?.sites ?? [],
    requirementsSampled: (a?.requirementsSampled ?? []).map((r) => r.id),
    outcome: a?.outcome ?? 'pending',
    notes: a?.notes ?? '',
  };
}

export function toAuditInput(d: AuditDraft): AuditInput {
  return {
    type: d.type,
    surveillanceNumber: d.type === 'surveillance' && d.surveillanceNumber ? Number(d.surveillanceNumber) : null,
    certificationBodyId: d.certificationBodyId,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    actualStart: d.actualStart || null,
    actualEnd: d.actualEnd || null,
    status: d.status,
    team: d.team.map((m) => ({ name: m.name.trim(), email: m.email.trim() || null, role: m.role })),
    sites: d.sites,
    requirementsSampled: d.requirementsSampled,
    outcome: d.outcome,
    notes: d.notes.trim(),
  };
}

/** What the browser can tell before asking the server (the server checks the same and more). */
export function localErrors(d: AuditDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.plannedStart) e.plannedStart = 'Give the first planned day';
  if (!d.plannedEnd) e.plannedEnd = 'Give the last planned day';
  else if (d.plannedStart && d.plannedEnd < d.plannedStart) e.plannedEnd = 'must be on or after the planned start';
  if (d.actualStart && d.actualEnd && d.actualEnd < d.actualStart) e.actualEnd = 'must be on or after the actual start';
  if (d.type === 'surveillance' && !d.surveillanceNumber) e.surveillanceNumber = 'Say which surveillance audit this is';
  if (d.status === 'completed') {
    if (!d.actualStart) e.actualStart = 'is required to complete the audit';
    if (!d.actualEnd) e.actualEnd = 'is required to complete the audit';
    if (d.outcome === 'pending') e.outcome = 'Record what the audit concluded to complete it';
  }
  d.team.forEach((m, i) => {
    if (!m.name.trim()) e[`team.${i}.name`] = 'Give the auditor’s name';
  });
  return e;
}

/** The values as the conflict dialog compares them, in words. */
export function conflictView(d: AuditDraft): Record<string, unknown> {
  return {
    type: TYPE_LABELS[d.type],
    plannedStart: d.plannedStart || null,
    plannedEnd: d.plannedEnd || null,
    actualStart: d.actualStart || null,
    actualEnd: d.actualEnd || null,
    status: STATUS_LABELS[d.status],
    team: d.team.map((m) => m.name).join(', '),
    sites: d.sites.join(', '),
    requirementsSampled: d.requirementsSampled.join(', '),
    outcome: OUTCOME_LABELS[d.outcome],
    notes: d.notes.trim(),
  };
}
