import { runJob } from '../../worker/run-job.js';
import { ExportDeadline, type ExportStep } from '../deadline.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import type { RenderedPdf } from './print-in-worker.js';
import { hostPdfPrinter } from './printer-choice.js';
import type { PdfPrinter } from './printer.js';

/**
 * The PDF format of the export registry (formats.ts): the sheet's print document, printed,
 * then finished (soft hyphens out of its text, metadata in: finish.ts). None of it on the
 * host's event loop, and every step within the export's deadline:
 * - headless Chromium (browser host, CLI): the whole of it is one worker job, the worker
 *   printing with a Chromium of its own, so the print document (tens of MB for large
 *   images) never even crosses to the host;
 * - a printer of the host's (the desktop app's, Electron's own Chromium): the document is
 *   built in a worker, printed by the host, finished in a worker.
 * The warnings are those met while building the document (missing images); the registry
 * adds the content's own.
 */

/** A step that failed because the deadline passed says so, whatever the printer said. */
async function withinDeadline<T>(deadline: ExportDeadline, step: ExportStep, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (deadline.remainingMs() === 0) throw deadline.failure(step);
    throw error;
  }
}

async function printByHost(
  print: PrintSheet,
  loaded: LoadedLayout,
  printer: PdfPrinter,
  deadline: ExportDeadline,
): Promise<RenderedPdf> {
  const document = await runJob('build-print-document', { print, loaded }, deadline.limits('print-document'));
  const printed = await withinDeadline(deadline, 'print', () =>
    printer.print(document.html, deadline.remainingMs()),
  );
  const bytes = await runJob(
    'finish-pdf',
    { pdf: printed, metadata: document.metadata },
    deadline.limits('pdf-finish'),
  );
  return { bytes, warnings: document.warnings };
}

export async function renderPdf(
  print: PrintSheet,
  loaded: LoadedLayout,
  printer: PdfPrinter | undefined = hostPdfPrinter(),
  deadline = new ExportDeadline(),
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const rendered = printer
    ? await printByHost(print, loaded, printer, deadline)
    : await withinDeadline(deadline, 'pdf', () =>
        runJob(
          'render-pdf',
          { print, loaded, printTimeoutMs: deadline.remainingMs() },
          deadline.limits('pdf'),
        ),
      );
  const { bytes } = rendered;
  return {
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    warnings: rendered.warnings,
  };
}
