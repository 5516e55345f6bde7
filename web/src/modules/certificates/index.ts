// What other modules and app/ may use of the certificates module.
export { CertificatePage } from './pages/CertificatePage';
export { CertificatesPage } from './pages/CertificatesPage';
export { EditCertificatePage } from './pages/EditCertificatePage';
export { NewCertificatePage } from './pages/NewCertificatePage';
export { SurveillancePage } from './pages/SurveillancePage';
export { VerifyCertificatePage } from './pages/VerifyCertificatePage';
