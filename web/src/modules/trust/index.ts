// What other modules and app/ may use of the buyer readiness module.
// (contract stub: the module's author replaces these with the real pages)
export function BuyerReadinessPage() {
  return null;
}
export function TrustPage() {
  return null;
}
