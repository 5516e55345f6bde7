import { newKey } from '../../../shared/keys';
import type { ScopeContent } from '../hooks/useScope';

// The scope content as the form edits it: every list item carries a client
// key so React keeps inputs (and focus) stable while items are added and
// removed. toContent strips the keys and gives exactly the API's ScopeContent.

type Keyed<T> = T & { key: string };

export type AiSystemDraft = Keyed<ScopeContent['aiSystems'][number]>;
export type NamedDraft = Keyed<ScopeContent['productsAndServices'][number]>;
export type ExclusionDraft = Keyed<ScopeContent['exclusions'][number]>;
export type PartyDraft = Keyed<ScopeContent['interestedParties'][number]>;
export type IssueDraft = Keyed<ScopeContent['issues'][number]>;

export interface ScopeDraft
  extends Omit<
    ScopeContent,
    'aiSystems' | 'productsAndServices' | 'departments' | 'exclusions' | 'interestedParties' | 'issues'
  > {
  aiSystems: AiSystemDraft[];
  productsAndServices: NamedDraft[];
  departments: NamedDraft[];
  exclusions: ExclusionDraft[];
  interestedParties: PartyDraft[];
  issues: IssueDraft[];
}

export type InclusionField = 'internalAiTools' | 'customerFacingAiFeatures' | 'thirdPartyAiSystems';

/** Keys are reused by position so a save that comes back unchanged keeps focus where it was. */
function keyed<T extends object>(items: T[], previous?: { key: string }[]): Keyed<T>[] {
  return items.map((item, i) => ({ ...item, key: previous?.[i]?.key ?? newKey() }));
}

function strip<T extends { key: string }>(items: T[]): Omit<T, 'key'>[] {
  return items.map(({ key: _key, ...rest }) => rest);
}

export function toDraft(content: ScopeContent, previous?: ScopeDraft): ScopeDraft {
  return {
    ...content,
    // the inventory link is always sent (the API requires the key, null when unlinked)
    aiSystems: keyed(
      content.aiSystems.map((a) => ({ ...a, aiSystemId: a.aiSystemId ?? null })),
      previous?.aiSystems,
    ),
    productsAndServices: keyed(content.productsAndServices, previous?.productsAndServices),
    departments: keyed(content.departments, previous?.departments),
    exclusions: keyed(content.exclusions, previous?.exclusions),
    interestedParties: keyed(content.interestedParties, previous?.interestedParties),
    issues: keyed(content.issues, previous?.issues),
  };
}

export function toContent(d: ScopeDraft): ScopeContent {
  return {
    boundaryStatement: d.boundaryStatement,
    aiSystems: strip(d.aiSystems),
    productsAndServices: strip(d.productsAndServices),
    departments: strip(d.departments),
    siteIds: d.siteIds,
    internalAiTools: d.internalAiTools,
    customerFacingAiFeatures: d.customerFacingAiFeatures,
    thirdPartyAiSystems: d.thirdPartyAiSystems,
    countriesOrBusinessUnits: d.countriesOrBusinessUnits,
    exclusions: strip(d.exclusions),
    interestedParties: strip(d.interestedParties),
    issues: strip(d.issues),
  };
}

export function sameContent(a: ScopeContent, b: ScopeContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const newAiSystem = (): AiSystemDraft => ({ key: newKey(), name: '', description: '', aiSystemId: null });
export const newNamed = (): NamedDraft => ({ key: newKey(), name: '', description: '' });
export const newExclusion = (): ExclusionDraft => ({ key: newKey(), item: '', justification: '' });
export const newParty = (): PartyDraft => ({
  key: newKey(),
  name: '',
  kind: 'external',
  requirements: '',
  addressedByAims: null,
});
export const newIssue = (): IssueDraft => ({ key: newKey(), kind: 'external', description: '', effect: '' });

/** The most AI systems a scope lists (the API's limit). */
export const MAX_AI_SYSTEMS = 500;
const MAX_DESCRIPTION = 2000;

/** The fields of an inventory record a scope entry takes over. */
export interface InventoryRecord {
  id: string;
  name: string;
  purpose: string;
}

/** A name as the server compares scope entries with inventory records: no case, accents or punctuation. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Links an entry to an inventory record (or unlinks it with null). What the
 * person already wrote is kept; only an empty name or description is filled
 * from the record.
 */
export function linkEntry(entry: AiSystemDraft, record: InventoryRecord | null): AiSystemDraft {
  if (!record) return { ...entry, aiSystemId: null };
  return {
    ...entry,
    name: entry.name.trim() ? entry.name : record.name,
    description: entry.description.trim() ? entry.description : record.purpose.trim().slice(0, MAX_DESCRIPTION),
    aiSystemId: record.id,
  };
}

/**
 * Brings inventory records into the list so scope and inventory agree: a
 * record already linked is skipped, an unlinked entry of the same name gets
 * linked rather than listed twice, any other record is appended (up to the
 * API's limit; `left` counts those that did not fit).
 */
export function mergeInventoryRecords(items: AiSystemDraft[], records: InventoryRecord[]) {
  const linkedIds = new Set(items.map((i) => i.aiSystemId).filter((id): id is string => !!id));
  const next = [...items];
  let linked = 0;
  let added = 0;
  let left = 0;
  for (const record of records) {
    if (linkedIds.has(record.id)) continue;
    linkedIds.add(record.id);
    const key = nameKey(record.name);
    const same = key ? next.findIndex((e) => !e.aiSystemId && nameKey(e.name) === key) : -1;
    if (same >= 0) {
      next[same] = linkEntry(next[same], record);
      linked += 1;
    } else if (next.length < MAX_AI_SYSTEMS) {
      next.push(linkEntry(newAiSystem(), record));
      added += 1;
    } else {
      left += 1;
    }
  }
  return { items: next, linked, added, left };
}
