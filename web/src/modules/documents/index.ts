// What other modules and app/ may use of the documents module.
export { documentsKey } from './hooks/useDocuments';
export { DocumentPage } from './pages/DocumentPage';
export { DocumentsPage } from './pages/DocumentsPage';
