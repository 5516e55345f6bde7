// What app/ may use of the evidence module.
export { CoveragePage } from './pages/CoveragePage';
export { EvidenceItemPage } from './pages/EvidenceItemPage';
export { EvidencePage } from './pages/EvidencePage';
export { NewEvidencePage } from './pages/NewEvidencePage';
