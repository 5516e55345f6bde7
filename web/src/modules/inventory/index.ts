// What other modules and app/ may use of the AI system inventory module.
export { type AiSystem, inventoryKey, useAiSystem, useAiSystemSearch } from './hooks/useAiSystems';
export { EditAiSystemPage, NewAiSystemPage } from './pages/AiSystemFormPage';
export { AiSystemPage } from './pages/AiSystemPage';
export { ImportPage } from './pages/ImportPage';
export { InventoryPage } from './pages/InventoryPage';
