// What app/ may use of the internal-audits module.
// Placeholder until its pages land: the sidebar link must not 404.
export function InternalAuditsPage() {
  return null;
}
