// What app/ may use of the management-reviews module.
export { EditManagementReviewPage } from './pages/EditManagementReviewPage';
export { ManagementReviewPage } from './pages/ManagementReviewPage';
export { ManagementReviewSettingsPage } from './pages/ManagementReviewSettingsPage';
export { ManagementReviewsPage } from './pages/ManagementReviewsPage';
export { NewManagementReviewPage } from './pages/NewManagementReviewPage';
