// The facts kit: what OpenAIMS already holds about an organization, keyed by
// the catalogue's `module` of each requirement ("inventory", "risk", ...), so
// any module can show them beside a requirement without importing the module
// that gathers them (the gap assessment gathers them; the internal audit's
// checklist shows them too, and the gap assessment in turn reads the audits).
// Providers register at import, like link kinds.
import type { Executor } from '../db/db.js';

export type FactsProvider = (db: Executor, orgId: string) => Promise<Record<string, string[]>>;

const providers: FactsProvider[] = [];

export function registerFactsProvider(provider: FactsProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** Every provider's facts, merged by module key (a key two providers give keeps both lists, in order). */
export async function gatherFacts(db: Executor, orgId: string): Promise<Record<string, string[]>> {
  const all = await Promise.all(providers.map((p) => p(db, orgId)));
  const out: Record<string, string[]> = {};
  for (const facts of all) for (const [key, lines] of Object.entries(facts)) out[key] = [...(out[key] ?? []), ...lines];
  return out;
}
