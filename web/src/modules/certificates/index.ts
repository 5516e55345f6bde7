// What other modules and app/ may use of the certificates module.
// (contract stub: the module's author replaces these with the real pages)
export function CertificatesPage() {
  return null;
}
export function CertificatePage() {
  return null;
}
export function SurveillancePage() {
  return null;
}
export function VerifyCertificatePage() {
  return null;
}
