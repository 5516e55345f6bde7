// Every page of a module loads on demand, one chunk per module: the router
// imports a module only through its index.ts (`import('../modules/<m>')`),
// the same public face other modules and app/ use, never a file inside it.
// The sign-in and setup gate load with the app; the signed-in shell and each
// module follow when first visited (the previous page stays until they arrive).
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { BootGate } from './auth/BootGate';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';
import { CrashPage } from './CrashPage';
import { FullPageLoader } from './layout/FullPageLoader';
import { NotFoundPage } from './NotFoundPage';

/** A route's `lazy`: the named page of a module (or app/ file) that loads on first visit. */
function page<M>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

const scope = () => import('../modules/scope');
const gap = () => import('../modules/gap');
const catalogue = () => import('../modules/catalogue');
const inventory = () => import('../modules/inventory');
const suppliers = () => import('../modules/suppliers');
const organizations = () => import('../modules/organizations');
const auditLog = () => import('../modules/audit-log');
const account = () => import('../modules/account');
const home = () => import('../modules/home');
const risks = () => import('../modules/risks');
const soa = () => import('../modules/soa');
const evidence = () => import('../modules/evidence');
const training = () => import('../modules/training');
const monitoring = () => import('../modules/monitoring');
const incidents = () => import('../modules/incidents');
const concerns = () => import('../modules/concerns');
const nonconformities = () => import('../modules/nonconformities');
const internalAudits = () => import('../modules/internal-audits');
const auditProgramme = () => import('../modules/audit-programme');
const improvements = () => import('../modules/improvements');
const managementReviews = () => import('../modules/management-reviews');
const certificationBodies = () => import('../modules/certification-bodies');
const certificationAudits = () => import('../modules/certification-audits');
const certificates = () => import('../modules/certificates');
const readiness = () => import('../modules/readiness');
const trust = () => import('../modules/trust');
const impactAssessments = () => import('../modules/impact-assessments');
const objectives = () => import('../modules/objectives');
const documents = () => import('../modules/documents');
const roles = () => import('../modules/roles');
const sso = () => import('../modules/sso'); // single sign-on (issue 16)

export const router = createBrowserRouter([
  {
    element: <BootGate />,
    errorElement: <CrashPage />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { path: '/setup', lazy: page(() => import('./auth/SetupPage'), 'SetupPage') },
      { path: '/sign-in', element: <SignInPage /> },
      // public pages: no sign-in, nothing of the organization beyond what it published
      { path: '/verify/:certificateNumber', lazy: page(certificates, 'VerifyCertificatePage') },
      { path: '/trust/:slug', lazy: page(trust, 'TrustPage') },
      // <invitations> an invitation link: accept or create the account, outside the shell
      { path: '/invite/:token', lazy: page(() => import('./auth/InvitePage'), 'InvitePage') },
      // end invitations
      {
        element: <RequireSession />,
        children: [
          { path: '/', lazy: page(() => import('./orgs/HomeRedirect'), 'HomeRedirect') },
          { path: '/orgs', lazy: page(() => import('./orgs/HomeRedirect'), 'HomeRedirect') },
          { path: '/orgs/new', lazy: page(() => import('./orgs/CreateOrganizationPage'), 'CreateOrganizationPage') },
          { path: '/choose-password', lazy: page(account, 'ChoosePasswordPage') },
          { path: '/account', lazy: page(account, 'PasswordPage') },
          { path: '/account/password', lazy: page(account, 'PasswordPage') },
          { path: '/account/sessions', lazy: page(account, 'SessionsPage') },
          { path: '/account/tokens', lazy: page(account, 'TokensPage') },
          { path: '/account/two-step', lazy: page(account, 'MfaPage') }, // MFA (issue 16)
          {
            path: '/orgs/:orgId',
            lazy: page(() => import('./orgs/OrgLayout'), 'OrgLayout'),
            children: [
              { index: true, lazy: page(home, 'HomePage') },
              { path: 'scope', lazy: page(scope, 'ScopePage') },
              { path: 'scope/versions/:version', lazy: page(scope, 'ScopeVersionPage') },
              { path: 'scope/compare', lazy: page(scope, 'ScopeComparePage') },
              { path: 'gap-assessment', lazy: page(gap, 'GapAssessmentsPage') },
              { path: 'gap-assessment/catalogue', lazy: page(catalogue, 'CataloguePage') },
              { path: 'gap-assessment/compare', lazy: page(gap, 'ComparePage') },
              { path: 'gap-assessment/:assessmentId', lazy: page(gap, 'AssessmentDashboardPage') },
              { path: 'gap-assessment/:assessmentId/answer', lazy: page(gap, 'AssessmentWizardPage') },
              { path: 'gap-assessment/:assessmentId/actions', lazy: page(gap, 'ActionPlanPage') },
              { path: 'inventory', lazy: page(inventory, 'InventoryPage') },
              { path: 'inventory/new', lazy: page(inventory, 'NewAiSystemPage') },
              { path: 'inventory/import', lazy: page(inventory, 'ImportPage') },
              { path: 'inventory/:aiSystemId', lazy: page(inventory, 'AiSystemPage') },
              { path: 'inventory/:aiSystemId/edit', lazy: page(inventory, 'EditAiSystemPage') },
              { path: 'suppliers', lazy: page(suppliers, 'SuppliersPage') },
              { path: 'suppliers/new', lazy: page(suppliers, 'NewSupplierPage') },
              { path: 'suppliers/:supplierId', lazy: page(suppliers, 'SupplierPage') },
              { path: 'suppliers/:supplierId/edit', lazy: page(suppliers, 'EditSupplierPage') },
              { path: 'suppliers/:supplierId/review', lazy: page(suppliers, 'SupplierReviewPage') },
              { path: 'objectives', lazy: page(objectives, 'ObjectivesPage') },
              { path: 'objectives/new', lazy: page(objectives, 'NewObjectivePage') },
              { path: 'objectives/:objectiveId', lazy: page(objectives, 'ObjectivePage') },
              { path: 'objectives/:objectiveId/edit', lazy: page(objectives, 'EditObjectivePage') },
              { path: 'roles', lazy: page(roles, 'RolesPage') },
              { path: 'roles/new', lazy: page(roles, 'NewRolePage') },
              { path: 'roles/:roleId', lazy: page(roles, 'RolePage') },
              { path: 'roles/:roleId/edit', lazy: page(roles, 'EditRolePage') },
              { path: 'documents', lazy: page(documents, 'DocumentsPage') },
              { path: 'documents/:documentId', lazy: page(documents, 'DocumentPage') },
              { path: 'impact-assessments', lazy: page(impactAssessments, 'ImpactAssessmentsPage') },
              { path: 'impact-assessments/new', lazy: page(impactAssessments, 'NewImpactAssessmentPage') },
              { path: 'impact-assessments/:assessmentId', lazy: page(impactAssessments, 'ImpactAssessmentPage') },
              { path: 'impact-assessments/:assessmentId/edit', lazy: page(impactAssessments, 'EditImpactAssessmentPage') },
              { path: 'risk-method', lazy: page(risks, 'RiskMethodPage') },
              { path: 'risks', lazy: page(risks, 'RisksPage') },
              { path: 'risks/new', lazy: page(risks, 'NewRiskPage') },
              { path: 'risks/:riskId', lazy: page(risks, 'RiskPage') },
              { path: 'risks/:riskId/edit', lazy: page(risks, 'EditRiskPage') },
              { path: 'soa', lazy: page(soa, 'SoaPage') },
              { path: 'evidence', lazy: page(evidence, 'EvidencePage') },
              { path: 'evidence/new', lazy: page(evidence, 'NewEvidencePage') },
              { path: 'evidence/coverage', lazy: page(evidence, 'CoveragePage') },
              { path: 'evidence/:evidenceId', lazy: page(evidence, 'EvidenceItemPage') },
              { path: 'evidence/:evidenceId/edit', lazy: page(evidence, 'EditEvidencePage') },
              // training (module training: only its author edits between these lines)
              { path: 'training', lazy: page(training, 'TrainingMatrixPage') },
              { path: 'training/topics', lazy: page(training, 'TopicsPage') },
              { path: 'training/topics/new', lazy: page(training, 'NewTopicPage') },
              { path: 'training/topics/:topicId', lazy: page(training, 'TopicPage') },
              { path: 'training/topics/:topicId/edit', lazy: page(training, 'EditTopicPage') },
              { path: 'training/records', lazy: page(training, 'RecordsPage') },
              { path: 'training/records/new', lazy: page(training, 'NewRecordPage') },
              { path: 'training/records/import', lazy: page(training, 'ImportRecordsPage') },
              { path: 'training/records/:recordId/edit', lazy: page(training, 'EditRecordPage') },
              { path: 'training/competence', lazy: page(training, 'CompetencePage') },
              // end training
              // monitoring (module monitoring)
              { path: 'monitoring', lazy: page(monitoring, 'MonitoringPage') },
              { path: 'monitoring/metrics/new', lazy: page(monitoring, 'NewMetricPage') },
              { path: 'monitoring/metrics/:metricId', lazy: page(monitoring, 'MetricPage') },
              { path: 'monitoring/metrics/:metricId/edit', lazy: page(monitoring, 'EditMetricPage') },
              // end monitoring
              // incidents (module incidents)
              { path: 'incidents', lazy: page(incidents, 'IncidentsPage') },
              { path: 'incidents/new', lazy: page(incidents, 'NewIncidentPage') },
              { path: 'incidents/:incidentId', lazy: page(incidents, 'IncidentPage') },
              { path: 'incidents/:incidentId/edit', lazy: page(incidents, 'EditIncidentPage') },
              // end incidents
              // concerns (module concerns)
              { path: 'concerns', lazy: page(concerns, 'ConcernsPage') },
              { path: 'concerns/:concernId', lazy: page(concerns, 'ConcernPage') },
              // end concerns
              // nonconformities (module nonconformities: only its author edits between these lines)
              { path: 'nonconformities', lazy: page(nonconformities, 'NonconformitiesPage') },
              { path: 'nonconformities/new', lazy: page(nonconformities, 'NewNonconformityPage') },
              { path: 'nonconformities/settings', lazy: page(nonconformities, 'NonconformitySettingsPage') },
              { path: 'nonconformities/:nonconformityId', lazy: page(nonconformities, 'NonconformityPage') },
              { path: 'nonconformities/:nonconformityId/edit', lazy: page(nonconformities, 'EditNonconformityPage') },
              // end nonconformities
              // internal-audits (module internal-audits: only its author edits between these lines)
              { path: 'internal-audits', lazy: page(internalAudits, 'InternalAuditsPage') },
              { path: 'internal-audits/new', lazy: page(internalAudits, 'NewInternalAuditPage') },
              { path: 'internal-audits/:auditId', lazy: page(internalAudits, 'InternalAuditPage') },
              { path: 'internal-audits/:auditId/edit', lazy: page(internalAudits, 'EditInternalAuditPage') },
              // end internal-audits
              // audit-programme (module audit-programme: only its author edits between these lines)
              { path: 'audit-programme', lazy: page(auditProgramme, 'AuditProgrammePage') },
              // end audit-programme
              // improvements (module improvements: only its author edits between these lines)
              { path: 'improvements', lazy: page(improvements, 'ImprovementsPage') },
              { path: 'improvements/new', lazy: page(improvements, 'NewImprovementPage') },
              { path: 'improvements/:improvementId', lazy: page(improvements, 'ImprovementPage') },
              { path: 'improvements/:improvementId/edit', lazy: page(improvements, 'EditImprovementPage') },
              // end improvements
              // management-reviews (module management-reviews: only its author edits between these lines)
              { path: 'management-reviews', lazy: page(managementReviews, 'ManagementReviewsPage') },
              { path: 'management-reviews/new', lazy: page(managementReviews, 'NewManagementReviewPage') },
              { path: 'management-reviews/settings', lazy: page(managementReviews, 'ManagementReviewSettingsPage') },
              { path: 'management-reviews/:reviewId', lazy: page(managementReviews, 'ManagementReviewPage') },
              { path: 'management-reviews/:reviewId/edit', lazy: page(managementReviews, 'EditManagementReviewPage') },
              // end management-reviews
              // readiness (module readiness: only its author edits between these lines)
              { path: 'readiness', lazy: page(readiness, 'ReadinessPage') },
              // end readiness
              // certification-bodies (module certification-bodies: only its author edits between these lines)
              { path: 'certification-bodies', lazy: page(certificationBodies, 'CertificationBodiesPage') },
              { path: 'certification-bodies/new', lazy: page(certificationBodies, 'NewCertificationBodyPage') },
              { path: 'certification-bodies/quote-request', lazy: page(certificationBodies, 'QuoteRequestPage') },
              { path: 'certification-bodies/compare', lazy: page(certificationBodies, 'CompareCertificationBodiesPage') },
              { path: 'certification-bodies/:bodyId', lazy: page(certificationBodies, 'CertificationBodyPage') },
              { path: 'certification-bodies/:bodyId/edit', lazy: page(certificationBodies, 'EditCertificationBodyPage') },
              // end certification-bodies
              // certification-audits (module certification-audits: only its author edits between these lines)
              { path: 'certification-audits', lazy: page(certificationAudits, 'CertificationAuditsPage') },
              { path: 'certification-audits/new', lazy: page(certificationAudits, 'NewCertificationAuditPage') },
              { path: 'certification-audits/:auditId', lazy: page(certificationAudits, 'CertificationAuditPage') },
              { path: 'certification-audits/:auditId/edit', lazy: page(certificationAudits, 'EditCertificationAuditPage') },
              // end certification-audits
              // certificates (module certificates: only its author edits between these lines)
              { path: 'certificates', lazy: page(certificates, 'CertificatesPage') },
              { path: 'certificates/new', lazy: page(certificates, 'NewCertificatePage') },
              { path: 'certificates/:certificateId', lazy: page(certificates, 'CertificatePage') },
              { path: 'certificates/:certificateId/edit', lazy: page(certificates, 'EditCertificatePage') },
              { path: 'surveillance', lazy: page(certificates, 'SurveillancePage') },
              // end certificates
              // trust (module trust: only its author edits between these lines)
              { path: 'buyer-readiness', lazy: page(trust, 'BuyerReadinessPage') },
              // end trust
              { path: 'journey/:step', lazy: page(() => import('./journey/StepRedirect'), 'StepRedirect') },
              { path: 'profile', lazy: page(organizations, 'ProfilePage') },
              { path: 'members', lazy: page(organizations, 'MembersPage') },
              { path: 'single-sign-on', lazy: page(sso, 'SsoSettingsPage') }, // single sign-on (issue 16)
              { path: 'audit-log', lazy: page(auditLog, 'AuditLogPage') },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
