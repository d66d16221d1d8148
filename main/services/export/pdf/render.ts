import type { LoadedLayout } from '../layout/load-layout.js';
import { buildPrintDocument } from '../print/document.js';
import type { PrintSheet } from '../sheet-input.js';
import { withMetadata } from './metadata.js';
import { pdfPrinter } from './printer-choice.js';
import { DEFAULT_PRINT_TIMEOUT_MS, type PdfPrinter } from './printer.js';

/**
 * The PDF format of the export registry (formats.ts): the sheet's print document, printed,
 * with its metadata written in. The warnings are those met while building the document
 * (missing images); the registry adds the content's own.
 */
export async function renderPdf(
  print: PrintSheet,
  layout: LoadedLayout,
  printer: PdfPrinter = pdfPrinter(),
  timeoutMs = DEFAULT_PRINT_TIMEOUT_MS,
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const document = await buildPrintDocument(print, layout);
  const printed = await printer.print(document.html, timeoutMs);
  return { bytes: Buffer.from(await withMetadata(printed, document.metadata)), warnings: document.warnings };
}
