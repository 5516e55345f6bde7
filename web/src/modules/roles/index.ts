// What other modules and app/ may use of the governance roles module.
export { rolesKey } from './hooks/useRoles';
export { EditRolePage, NewRolePage } from './pages/RoleFormPage';
export { RolePage } from './pages/RolePage';
export { RolesPage } from './pages/RolesPage';
