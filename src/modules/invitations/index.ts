// Members join by invitation: the invitee accepts before seeing anything.
export { invitationRoutes } from './invitations.routes.js';
export { INVITATION_TTL_DAYS } from './invitations.service.js';
