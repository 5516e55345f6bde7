// What other modules and app/ may use of the SoA module.
export { SoaPage } from './pages/SoaPage';
