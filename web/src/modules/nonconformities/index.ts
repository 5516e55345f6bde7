// What app/ may use of the nonconformities module.
export { EditNonconformityPage } from './pages/EditNonconformityPage';
export { NewNonconformityPage } from './pages/NewNonconformityPage';
export { NonconformitiesPage } from './pages/NonconformitiesPage';
export { NonconformityPage } from './pages/NonconformityPage';
export { NonconformitySettingsPage } from './pages/NonconformitySettingsPage';
