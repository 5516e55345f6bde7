// What app/ may use of the incidents module.
// Placeholder until its pages land: the sidebar link must not 404.
export function IncidentsPage() {
  return null;
}
