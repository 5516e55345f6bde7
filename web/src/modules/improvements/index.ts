// What app/ may use of the improvements module.
// Placeholder until its pages land: the sidebar link must not 404.
export function ImprovementsPage() {
  return null;
}
