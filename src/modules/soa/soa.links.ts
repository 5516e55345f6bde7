import type { Executor } from '../../platform/db/db.js';
import type { LinkedRisk } from './soa.schemas.js';

// The risks whose treatment relies on each control, from the risk register.
// Until the risk register exists, no control has a linked risk.
export async function linkedRisksByControl(_db: Executor, _orgId: string): Promise<ReadonlyMap<string, readonly LinkedRisk[]>> {
  return new Map();
}
