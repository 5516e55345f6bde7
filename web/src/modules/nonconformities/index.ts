// What app/ may use of the nonconformities module.
// Placeholder until its pages land: the sidebar link must not 404.
export function NonconformitiesPage() {
  return null;
}
