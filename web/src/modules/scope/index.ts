// What other modules and app/ may use of the scope module.
export { ScopeComparePage } from './pages/ScopeComparePage';
export { ScopePage } from './pages/ScopePage';
export { ScopeVersionPage } from './pages/ScopeVersionPage';
