import { PDFDocument } from 'pdf-lib';
import type { PrintMetadata } from '../print/document.js';
import { writeMetadata } from './metadata.js';
import { removeSoftHyphens } from './text-layer.js';

/**
 * What Chromium printed, finished with pdf-lib: soft hyphens taken out of its text, its
 * metadata written in (loading and saving keeps every object: tags, outline, links). Runs
 * in a worker process: pdf-lib parses and rewrites the whole file.
 */
export async function finishPdf(printed: Uint8Array, metadata: PrintMetadata): Promise<Uint8Array> {
  return finishDocument(await PDFDocument.load(printed, { updateMetadata: false }), metadata);
}

/** The same, on a PDF already parsed (pdf/volume.ts reads its pages from it first). */
export async function finishDocument(pdf: PDFDocument, metadata: PrintMetadata): Promise<Uint8Array> {
  await removeSoftHyphens(pdf);
  writeMetadata(pdf, metadata);
  return pdf.save({ useObjectStreams: false });
}
