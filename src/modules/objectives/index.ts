// AI objectives (clause 6.2; Annex A.6.1.2, A.9.3): what the organization's
// AI management is to achieve, measured against a target by a due date, with
// an owner, resources, how the results are evaluated and progress over time.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { objectiveRegister } from './objectives.register.js';

registerLinkKind(
  registerLinkKindOf(objectiveRegister, {
    kind: 'objective',
    noun: 'an AI objective',
    columns: ['title'],
    label: (r) => r.title,
    nameKey: 'title_key',
  }),
);

export { objectiveRoutes } from './objectives.routes.js';
export { objectiveSummary, objectivesDue, type ObjectiveSummary } from './objectives.summary.js';
export { OBJECTIVE_STATES, OBJECTIVE_STATUSES, TARGET_DIRECTIONS } from './objectives.rules.js';
