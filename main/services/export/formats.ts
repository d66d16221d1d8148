import type { ExportFormat } from '../../../shared/api/export-contract.js';
import type { ExportDeadline } from './deadline.js';
import type { LoadedLayout } from './layout/load-layout.js';
import type { PrintSheet } from './sheet-input.js';

/**
 * The export formats, keyed by the contract's format ids: a format added to the contract
 * without an entry here is a compile error. Each renders one sheet in memory; writing files
 * and reporting are shared (render.ts, export-sheets.ts). Renderers are imported on first
 * use: they are large (docx, a PDF printer) and most sessions never export. Each keeps to
 * the export's deadline, step by step.
 */
export interface FormatRenderer {
  mediaType: string;
  render(
    print: PrintSheet,
    layout: LoadedLayout,
    deadline: ExportDeadline,
  ): Promise<{ bytes: Buffer; warnings: string[] }>;
}

export const formatRenderers: Record<ExportFormat, FormatRenderer> = {
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (print, layout, deadline) =>
      (await import('./docx/render.js')).renderDocx(print, layout, deadline),
  },
  pdf: {
    mediaType: 'application/pdf',
    render: async (print, layout, deadline) =>
      (await import('./pdf/render.js')).renderPdf(print, layout, undefined, deadline),
  },
};
