import type { Executor } from '../../platform/db/db.js';
import { risksByControl } from '../risks/index.js';
import type { LinkedRisk } from './soa.schemas.js';

// The risks whose treatment actions rely on each control (Annex A id or own
// control id), from the risk register: one query for the whole SoA.
export async function linkedRisksByControl(db: Executor, orgId: string): Promise<ReadonlyMap<string, readonly LinkedRisk[]>> {
  return risksByControl(db, orgId);
}
