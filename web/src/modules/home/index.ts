// What other modules and app/ may use of the home module: the organization's
// home page. Its data hook lives in app/journey (the sidebar reads the same).
export { HomePage } from './pages/HomePage';
