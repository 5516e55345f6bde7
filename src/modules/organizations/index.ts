// Organizations: the tenant every compliance record belongs to, its members
// and roles, and its profile (the context of clause 4.1 and the facts a
// certification body asks for a quote: size, sites, AI roles, certifications).
export { organizationRoutes } from './organizations.routes.js';
export { createOrganization, getOrganization, getProfile, slugify, toOrganization } from './organizations.service.js';
export { findOrg, findOrgByIdOrSlug, listAllOrgs, listOrgsOfUser } from './organizations.repository.js';
export { organizationSchema } from './organizations.schemas.js';
export type { Profile, Site } from './organizations.schemas.js';
export { AI_ROLES } from './organizations.schemas.js';
export { getOrgSettings, matchRiskLevel, type OrgSettings } from './settings.js';
export { accountForMember, listMembers } from './organizations.service.js';
export { lockMemberships } from './organizations.repository.js';
