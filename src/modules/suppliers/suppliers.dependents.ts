import type { Executor } from '../../platform/db/db.js';

// Which AI systems depend on a supplier is the inventory's knowledge (it owns
// the links), and the inventory already depends on this module. So the
// inventory provides the answer here at start-up instead of this module
// importing it back, which would make a cycle.

export interface SupplierDependent {
  id: string;
  name: string;
  riskLevel: string | null;
  dependency: string;
}

export interface SupplierDependents {
  /** active AI systems per supplier, for a page of suppliers in one query */
  count(db: Executor, orgId: string, supplierIds: string[]): Promise<Map<string, number>>;
  /** the active AI systems of one supplier */
  list(db: Executor, orgId: string, supplierId: string): Promise<SupplierDependent[]>;
}

let provider: SupplierDependents = {
  count: async () => new Map(),
  list: async () => [],
};

export function provideSupplierDependents(p: SupplierDependents) {
  provider = p;
}

export const supplierDependents = (): SupplierDependents => provider;
