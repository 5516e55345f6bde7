// What app/ may use of the concerns module.
// Placeholder until its pages land: the sidebar link must not 404.
export function ConcernsPage() {
  return null;
}
