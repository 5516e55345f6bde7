// What other modules and app/ may use of the organizations module (profile,
// members, settings). Its reads that shared widgets need live in shared/org.
export { type Profile, type Site, useProfile } from './hooks/useProfile';
export { MembersPage } from './pages/MembersPage';
export { ProfilePage } from './pages/ProfilePage';
