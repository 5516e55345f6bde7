/** A scope with every field present and nothing answered. */
export function emptyContent() {
  return {
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
}
