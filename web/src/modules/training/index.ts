// What app/ may use of the training module.
export { CompetencePage } from './pages/CompetencePage';
export { EditRecordPage } from './pages/EditRecordPage';
export { EditTopicPage } from './pages/EditTopicPage';
export { ImportRecordsPage } from './pages/ImportRecordsPage';
export { NewRecordPage } from './pages/NewRecordPage';
export { NewTopicPage } from './pages/NewTopicPage';
export { RecordsPage } from './pages/RecordsPage';
export { TopicPage } from './pages/TopicPage';
export { TopicsPage } from './pages/TopicsPage';
export { TrainingMatrixPage } from './pages/TrainingMatrixPage';
