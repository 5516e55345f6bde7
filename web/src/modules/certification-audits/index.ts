// What other modules and app/ may use of the certification audits module.
export { auditsKey as certificationAuditsKey } from './hooks/useCertificationAudits';
export { EditCertificationAuditPage, NewCertificationAuditPage } from './pages/AuditFormPages';
export { CertificationAuditPage } from './pages/CertificationAuditPage';
export { CertificationAuditsPage } from './pages/CertificationAuditsPage';
