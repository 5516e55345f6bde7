import { useRegisterFilters } from '../../../shared/register';
import { LIFECYCLE_LABELS, MISSING_LABELS, type Sort } from '../labels';
import type { AiSystemListQuery } from './useAiSystems';

// The inventory's filters, read from the address (the register kit keeps them
// there). Values the API would reject are dropped rather than sent.

export type InventoryFilters = Omit<AiSystemListQuery, 'cursor' | 'limit'>;
export type FilterKey = keyof InventoryFilters;

const SORTS: Sort[] = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'riskLevel', '-riskLevel'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function read(params: URLSearchParams): InventoryFilters {
  const f: InventoryFilters = {};
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const sort = get('sort');
  if (sort && (SORTS as string[]).includes(sort)) f.sort = sort as Sort;
  const q = get('q');
  if (q) f.q = q.slice(0, 200);
  const risk = get('riskLevel');
  if (risk) f.riskLevel = risk.slice(0, 50);
  const stage = get('lifecycleStage');
  if (stage && stage in LIFECYCLE_LABELS) f.lifecycleStage = stage as InventoryFilters['lifecycleStage'];
  const owner = get('owner');
  if (owner) f.owner = owner.slice(0, 200);
  const supplierId = get('supplierId');
  if (supplierId && UUID.test(supplierId)) f.supplierId = supplierId;
  const inScope = get('inScope');
  if (inScope === 'true' || inScope === 'false' || inScope === 'undecided') f.inScope = inScope;
  const missing = get('missing');
  if (missing && missing in MISSING_LABELS) f.missing = missing as InventoryFilters['missing'];
  const tag = get('tag');
  if (tag) f.tag = tag.slice(0, 50);
  if (get('includeArchived') === 'true') f.includeArchived = 'true';
  return f;
}

export function useInventoryFilters() {
  return useRegisterFilters(read);
}
