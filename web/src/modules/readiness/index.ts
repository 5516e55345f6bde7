// What other modules and app/ may use of the readiness module.
// (contract stub: the module's author replaces it with the real page)
export function ReadinessPage() {
  return null;
}
