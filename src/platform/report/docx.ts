import type { Report } from './model.js';

// The docx library takes a few hundred milliseconds to load: the renderer
// (docx-render.ts) is loaded with the first Word report, not at start-up.

export async function renderDocx(report: Report): Promise<Buffer> {
  return (await import('./docx-render.js')).renderDocx(report);
}
