// What other modules and app/ may use of the impact assessment module.
export { ImpactAssessmentCard } from './components/ImpactAssessmentCard';
export { EditImpactAssessmentPage, NewImpactAssessmentPage } from './pages/AssessmentFormPages';
export { ImpactAssessmentPage } from './pages/ImpactAssessmentPage';
export { ImpactAssessmentsPage } from './pages/ImpactAssessmentsPage';
