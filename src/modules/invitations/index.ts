// Members join by invitation: the invitee accepts before seeing anything.
export { invitationRoutes } from './invitations.routes.js';
