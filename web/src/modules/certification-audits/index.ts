// What other modules and app/ may use of the certification audits module.
// (contract stub: the module's author replaces these with the real pages)
export function CertificationAuditsPage() {
  return null;
}
export function NewCertificationAuditPage() {
  return null;
}
export function CertificationAuditPage() {
  return null;
}
export function EditCertificationAuditPage() {
  return null;
}
