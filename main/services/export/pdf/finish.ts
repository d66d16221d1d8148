import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { PrintMetadata } from '../print/document.js';
import { writeMetadata } from './metadata.js';
import { removeSoftHyphens } from './text-layer.js';

/**
 * What Chromium printed, finished with pdf-lib: soft hyphens taken out of its text, its
 * metadata written in (loading and saving keeps every object: tags, outline, links). Runs
 * in a worker process: pdf-lib parses and rewrites the whole file.
 */
export async function finishPdf(printed: Uint8Array, metadata: PrintMetadata): Promise<Uint8Array> {
  return finishDocument(await parsePrinted(printed), metadata);
}

/**
 * A printed PDF parsed whole, at once (and saved so: finishDocument): pdf-lib otherwise
 * waits for a timer tick every 50 or 100 objects, to spare an event loop that a worker does
 * not share, which on a loaded machine doubles the time of a volume's tens of thousands.
 */
export function parsePrinted(printed: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** The same, on a PDF already parsed (pdf/volume.ts reads its pages from it first). */
export async function finishDocument(pdf: PDFDocument, metadata: PrintMetadata): Promise<Uint8Array> {
  await removeSoftHyphens(pdf);
  writeMetadata(pdf, metadata);
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
