// AI incidents (Annex A.8.4): what went wrong with an AI system, how serious
// it was, who it was escalated to (the holder of the incident escalation
// role, by default), who was told, and how it was contained, explained and
// closed. Monitoring and concerns open incidents through openIncident.
//
// Closing rules (incidents.rules.ts statusErrors): "contained" needs the
// containment described; "closed" needs the root cause and the lessons
// learned, and a high or critical incident needs at least one communication
// to an interested party or a reason why none was needed.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { incidentRegister } from './incidents.register.js';
import { incidentNumber } from './incidents.rules.js';

registerLinkKind(
  registerLinkKindOf(incidentRegister, {
    kind: 'incident',
    noun: 'an incident',
    columns: ['number_seq', 'title'],
    label: (r) => `${incidentNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

export { incidentRoutes } from './incidents.routes.js';
export { incidentRegister } from './incidents.register.js';
export {
  DETECTED_HOW,
  type DetectedHow,
  HARM_CATEGORIES,
  INCIDENT_STATUSES,
  type IncidentStatus,
  SEVERITIES,
  type Severity,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from './incidents.rules.js';
export type { Incident } from './incidents.schemas.js';
export {
  type IncidentDue,
  type IncidentSummary,
  incidentsDue,
  incidentSummary,
  type OpenIncidentInput,
  openIncident,
} from './incidents.service.js';
