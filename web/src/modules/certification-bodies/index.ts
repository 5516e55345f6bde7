// What other modules and app/ may use of the certification bodies module.
export { bodiesKey as certificationBodiesKey } from './hooks/useCertificationBodies';
export { EditCertificationBodyPage, NewCertificationBodyPage } from './pages/BodyFormPage';
export { CertificationBodiesPage } from './pages/CertificationBodiesPage';
export { CertificationBodyPage } from './pages/CertificationBodyPage';
export { ComparePage as CompareCertificationBodiesPage } from './pages/ComparePage';
export { QuoteRequestPage } from './pages/QuoteRequestPage';
