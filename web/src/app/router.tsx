import { createBrowserRouter, Navigate } from 'react-router';
import { AuditLogPage } from '../modules/audit-log/pages/AuditLogPage';
import { CataloguePage } from '../modules/catalogue/pages/CataloguePage';
import { ActionPlanPage } from '../modules/gap/pages/ActionPlanPage';
import { AssessmentDashboardPage } from '../modules/gap/pages/AssessmentDashboardPage';
import { AssessmentWizardPage } from '../modules/gap/pages/AssessmentWizardPage';
import { ComparePage } from '../modules/gap/pages/ComparePage';
import { GapAssessmentsPage } from '../modules/gap/pages/GapAssessmentsPage';
import { AiSystemPage } from '../modules/inventory/pages/AiSystemPage';
import { EditAiSystemPage, NewAiSystemPage } from '../modules/inventory/pages/AiSystemFormPage';
import { ImportPage } from '../modules/inventory/pages/ImportPage';
import { InventoryPage } from '../modules/inventory/pages/InventoryPage';
import { MembersPage } from '../modules/organizations/pages/MembersPage';
import { ProfilePage } from '../modules/organizations/pages/ProfilePage';
import { ScopeComparePage } from '../modules/scope/pages/ScopeComparePage';
import { ScopePage } from '../modules/scope/pages/ScopePage';
import { ScopeVersionPage } from '../modules/scope/pages/ScopeVersionPage';
import { EditSupplierPage, NewSupplierPage } from '../modules/suppliers/pages/SupplierFormPage';
import { SupplierPage } from '../modules/suppliers/pages/SupplierPage';
import { SupplierReviewPage } from '../modules/suppliers/pages/SupplierReviewPage';
import { SuppliersPage } from '../modules/suppliers/pages/SuppliersPage';
import { BootGate } from './auth/BootGate';
import { CrashPage } from './CrashPage';
import { RequireSession } from './auth/RequireSession';
import { SetupPage } from './auth/SetupPage';
import { SignInPage } from './auth/SignInPage';
import { NotBuiltPage } from './journey/NotBuiltPage';
import { NotFoundPage } from './NotFoundPage';
import { CreateOrganizationPage } from './orgs/CreateOrganizationPage';
import { HomeRedirect } from './orgs/HomeRedirect';
import { OrgLayout } from './orgs/OrgLayout';

export const router = createBrowserRouter([
  {
    element: <BootGate />,
    errorElement: <CrashPage />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomeRedirect /> },
          { path: '/orgs', element: <HomeRedirect /> },
          { path: '/orgs/new', element: <CreateOrganizationPage /> },
          {
            path: '/orgs/:orgId',
            element: <OrgLayout />,
            children: [
              { index: true, element: <Navigate to="scope" replace /> },
              { path: 'scope', element: <ScopePage /> },
              { path: 'scope/versions/:version', element: <ScopeVersionPage /> },
              { path: 'scope/compare', element: <ScopeComparePage /> },
              { path: 'gap-assessment', element: <GapAssessmentsPage /> },
              { path: 'gap-assessment/catalogue', element: <CataloguePage /> },
              { path: 'gap-assessment/compare', element: <ComparePage /> },
              { path: 'gap-assessment/:assessmentId', element: <AssessmentDashboardPage /> },
              { path: 'gap-assessment/:assessmentId/answer', element: <AssessmentWizardPage /> },
              { path: 'gap-assessment/:assessmentId/actions', element: <ActionPlanPage /> },
              { path: 'inventory', element: <InventoryPage /> },
              { path: 'inventory/new', element: <NewAiSystemPage /> },
              { path: 'inventory/import', element: <ImportPage /> },
              { path: 'inventory/:aiSystemId', element: <AiSystemPage /> },
              { path: 'inventory/:aiSystemId/edit', element: <EditAiSystemPage /> },
              { path: 'suppliers', element: <SuppliersPage /> },
              { path: 'suppliers/new', element: <NewSupplierPage /> },
              { path: 'suppliers/:supplierId', element: <SupplierPage /> },
              { path: 'suppliers/:supplierId/edit', element: <EditSupplierPage /> },
              { path: 'suppliers/:supplierId/review', element: <SupplierReviewPage /> },
              { path: 'journey/:step', element: <NotBuiltPage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'audit-log', element: <AuditLogPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
