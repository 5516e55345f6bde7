// What other modules and app/ may use of the continual improvement module.
export { improvementsKey } from './hooks/useImprovements';
export { ImprovementPage } from './pages/ImprovementPage';
export { EditImprovementPage, NewImprovementPage } from './pages/ImprovementFormPage';
export { ImprovementsPage } from './pages/ImprovementsPage';
