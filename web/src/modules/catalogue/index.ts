// What other modules and app/ may use of the catalogue module.
export { RequirementGuide } from './components/RequirementGuide';
export { groupLabel, groupRequirements, type RequirementGroup } from './groups';
export { type Catalogue, type Requirement, useCatalogue, useCrosswalk } from './hooks/useCatalogue';
export { CataloguePage } from './pages/CataloguePage';
