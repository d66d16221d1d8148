import { runJob } from '../../worker/run-job.js';
import { ExportDeadline } from '../deadline.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { pdfPrinter } from './printer-choice.js';
import type { PdfPrinter } from './printer.js';

/**
 * The PDF format of the export registry (formats.ts): the sheet's print document, built in
 * a worker, printed by the host's printer, its metadata written in a worker again (pdf-lib
 * parses and rewrites the whole file). Every step counts against the export's deadline.
 * The warnings are those met while building the document (missing images); the registry
 * adds the content's own.
 */
export async function renderPdf(
  print: PrintSheet,
  layout: LoadedLayout,
  printer: PdfPrinter = pdfPrinter(),
  deadline = new ExportDeadline(),
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const document = await runJob(
    'build-print-document',
    { print, loaded: layout },
    deadline.limits('print-document'),
  );
  let printed: Uint8Array;
  try {
    printed = await printer.print(document.html, deadline.remainingMs());
  } catch (error) {
    // The printer says it was abandoned after what was left; the export says why.
    if (deadline.remainingMs() === 0) throw deadline.failure('print');
    throw error;
  }
  const bytes = await runJob(
    'pdf-metadata',
    { pdf: printed, metadata: document.metadata },
    deadline.limits('pdf-metadata'),
  );
  return {
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    warnings: document.warnings,
  };
}
