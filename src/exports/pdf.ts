// TRANSITIONAL, delete when gap.routes.ts renders through the report kit:
// PDFs are printed by the kit's pooled browser (src/platform/report/pdf.ts).
export { chromiumPath, htmlToPdf } from '../platform/report/pdf.js';
