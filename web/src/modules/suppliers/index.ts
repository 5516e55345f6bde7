// What other modules and app/ may use of the supplier register module.
export { DEPENDENCY_LABELS, type Dependency } from './labels';
export { NewSupplierModal } from './components/NewSupplierModal';
export { suppliersKey, useSupplierOptions } from './hooks/useSuppliers';
export { EditSupplierPage, NewSupplierPage } from './pages/SupplierFormPage';
export { SupplierPage } from './pages/SupplierPage';
export { SupplierReviewPage } from './pages/SupplierReviewPage';
export { SuppliersPage } from './pages/SuppliersPage';
