// What app/ may use of the evidence module.
export { CoveragePage } from './pages/CoveragePage';
export { EditEvidencePage } from './pages/EditEvidencePage';
export { EvidenceItemPage } from './pages/EvidenceItemPage';
export { EvidencePage } from './pages/EvidencePage';
export { NewEvidencePage } from './pages/NewEvidencePage';
