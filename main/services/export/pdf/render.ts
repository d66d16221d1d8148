import { PDFDocument } from 'pdf-lib';
import type { LoadedLayout } from '../layout/load-layout.js';
import { buildPrintDocument } from '../print/document.js';
import type { PrintSheet } from '../sheet-input.js';
import { writeMetadata } from './metadata.js';
import { pdfPrinter } from './printer-choice.js';
import { DEFAULT_PRINT_TIMEOUT_MS, type PdfPrinter } from './printer.js';
import { removeSoftHyphens } from './text-layer.js';

/**
 * The PDF format of the export registry (formats.ts): the sheet's print document, printed,
 * then finished with pdf-lib: soft hyphens taken out of its text, its metadata written in
 * (loading and saving keeps every object: tags, outline, links). The warnings are those
 * met while building the document (missing images); the registry adds the content's own.
 */
export async function renderPdf(
  print: PrintSheet,
  layout: LoadedLayout,
  printer: PdfPrinter = pdfPrinter(),
  timeoutMs = DEFAULT_PRINT_TIMEOUT_MS,
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const document = await buildPrintDocument(print, layout);
  const pdf = await PDFDocument.load(await printer.print(document.html, timeoutMs), {
    updateMetadata: false,
  });
  await removeSoftHyphens(pdf);
  writeMetadata(pdf, document.metadata);
  return { bytes: Buffer.from(await pdf.save({ useObjectStreams: false })), warnings: document.warnings };
}
