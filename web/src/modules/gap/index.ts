// What other modules and app/ may use of the gap assessment module.
export { ActionPlanPage } from './pages/ActionPlanPage';
export { AssessmentDashboardPage } from './pages/AssessmentDashboardPage';
export { AssessmentWizardPage } from './pages/AssessmentWizardPage';
export { ComparePage } from './pages/ComparePage';
export { GapAssessmentsPage } from './pages/GapAssessmentsPage';
