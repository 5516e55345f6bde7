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

export const EMPTY_SCOPE: ScopeContent = {
  boundaryStatement: '',
  aiSystems: [],
  productsAndServices: [],
  departments: [],
  siteIds: [],
  internalAiTools: { included: null, notes: '' },
  customerFacingAiFeatures: { included: null, notes: '' },
  thirdPartyAiSystems: { included: null, notes: '', vendors: [] },
  countriesOrBusinessUnits: [],
  exclusions: [],
  interestedParties: [],
  issues: [],
};

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
    aiSystems: keyed(content.aiSystems, previous?.aiSystems),
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
