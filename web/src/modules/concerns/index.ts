// What app/ may use of the concerns module.
export { ConcernPage } from './pages/ConcernPage';
export { ConcernsPage } from './pages/ConcernsPage';
