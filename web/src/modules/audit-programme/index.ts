// What app/ may use of the audit-programme module.
// Placeholder until its pages land: the sidebar link must not 404.
export function AuditProgrammePage() {
  return null;
}
