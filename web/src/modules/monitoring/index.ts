// What app/ may use of the monitoring module.
// Placeholder until its pages land: the sidebar link must not 404.
export function MonitoringPage() {
  return null;
}
