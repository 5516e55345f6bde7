import type { Actor } from '../../platform/audit-log/audit-log.js';

// Pure rules of the concerns module: numbers, words, and what a reviewer may
// learn about who raised a concern.

export const CONCERN_STATUSES = ['new', 'in-triage', 'incident', 'risk', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_OUTCOMES = ['incident', 'risk', 'closed'] as const;
export type ConcernOutcome = (typeof CONCERN_OUTCOMES)[number];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const STATUS_WORDS: Record<ConcernStatus, string> = {
  new: 'New',
  'in-triage': 'Being looked at',
  incident: 'Handled as an incident',
  risk: 'Added to the risk register',
  closed: 'Closed',
};

/** CON-001, CON-042, CON-1234. */
export function concernNumber(seq: number): string {
  return `CON-${String(seq).padStart(3, '0')}`;
}

/** What a reviewer sees in place of the reporter of an anonymous concern. */
export const ANONYMOUS_LABEL = 'Anonymous';

/**
 * The audit-log actor of raising a concern: the member for a named one; for
 * an anonymous one a neutral actor with no user id, so neither the entry nor
 * a filter on the log's actorUserId leads back to the reporter.
 */
export function raiseActor(actor: Actor, anonymous: boolean): Actor {
  return anonymous ? { userId: null, label: 'Anonymous reporter' } : actor;
}

/** The concern's outcome in words, for the reporter and the reviewers. */
export function outcomeWords(c: {
  status: ConcernStatus;
  incidentNumber: string | null;
  riskNumber: string | null;
  closeReason: string | null;
}): string {
  switch (c.status) {
    case 'new':
      return 'Waiting for a reviewer';
    case 'in-triage':
      return 'A reviewer is looking at it';
    case 'incident':
      return `Handled as incident ${c.incidentNumber ?? ''}`.trim();
    case 'risk':
      return `Added to the risk register as ${c.riskNumber ?? ''}`.trim();
    case 'closed':
      return c.closeReason ? `Closed: ${c.closeReason}` : 'Closed';
  }
}

/** The first line of a concern, shortened, as a default title for the incident or risk it becomes. */
export function defaultTitle(number: string, description: string, max = 120): string {
  const first = description.trim().split(/\r?\n/)[0].trim();
  const cut = first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
  return cut ? `${number}: ${cut}` : `Concern ${number}`;
}

/** When an incident from a concern was detected: the day it was noticed, else when it was raised. */
export function detectedAt(noticedOn: string | null, raisedAt: string): string {
  if (!noticedOn) return raisedAt;
  const start = `${noticedOn}T00:00:00.000Z`;
  return start < raisedAt ? start : raisedAt;
}
