// What app/ may use of the incidents module.
export { EditIncidentPage } from './pages/EditIncidentPage';
export { IncidentPage } from './pages/IncidentPage';
export { IncidentsPage } from './pages/IncidentsPage';
export { NewIncidentPage } from './pages/NewIncidentPage';
