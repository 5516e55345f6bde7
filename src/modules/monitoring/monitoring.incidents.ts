import type { Actor } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import * as incidents from '../incidents/index.js';

// Opening an incident for a breach goes through the incidents module's
// openIncident (its contract below). Looked up at call time so this module
// works, and says so, on an instance whose incidents module does not offer it.

export interface OpenIncidentInput {
  aiSystemId: string;
  title: string;
  description: string;
  detectedAt: string;
  detectedHow: 'monitoring';
  severity: 'medium';
  source: { kind: 'monitoring-breach'; id: string };
}
type OpenIncident = (
  tx: Executor,
  actor: Actor,
  orgId: string,
  input: OpenIncidentInput,
) => Promise<{ id: string; number: string }>;

export function incidentOpener(): OpenIncident | null {
  const fn = (incidents as Record<string, unknown>).openIncident;
  return typeof fn === 'function' ? (fn as OpenIncident) : null;
}
