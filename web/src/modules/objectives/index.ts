// What other modules and app/ may use of the AI objectives module.
export { objectivesKey } from './hooks/useObjectives';
export { EditObjectivePage, NewObjectivePage } from './pages/ObjectiveFormPage';
export { ObjectivePage } from './pages/ObjectivePage';
export { ObjectivesPage } from './pages/ObjectivesPage';
