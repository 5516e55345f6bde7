// Governance roles (clause 5.3, Annex A.3.2): who holds each AI governance
// role, who deputises, what each is responsible for and may decide. Every
// organization starts with six seeded roles; other modules ask who holds one
// (an incident's escalation owner) through the functions below.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { roleRegister } from './roles.register.js';

// (no nameKey: matchLinksByName folds names, and role names are keyed by case only)
registerLinkKind(
  registerLinkKindOf(roleRegister, { kind: 'role', noun: 'a governance role', columns: ['name'], label: (r) => r.name }),
);

export { roleRoutes } from './roles.routes.js';
export { roleRegister } from './roles.register.js';
export { governanceRoles, type GovernanceRole, roleHolder, rolesOfMember } from './roles.queries.js';
export { seedGovernanceRoles, SEED_ROLES } from './roles.seed.js';
export { ROLE_KEYS, type RoleKey, type Role, type RoleInput } from './roles.schemas.js';
