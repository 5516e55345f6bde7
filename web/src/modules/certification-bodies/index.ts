// What other modules and app/ may use of the certification bodies module.
// (contract stub: the module's author replaces these with the real pages)
export function CertificationBodiesPage() {
  return null;
}
export function NewCertificationBodyPage() {
  return null;
}
export function CertificationBodyPage() {
  return null;
}
export function EditCertificationBodyPage() {
  return null;
}
export function QuoteRequestPage() {
  return null;
}
