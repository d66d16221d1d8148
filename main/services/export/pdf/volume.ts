import type { PDFDocument } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { PrintDocument, PrintMetadata } from '../print/document.js';
import { draftScript, pageNumbersScript, type PageNumbers } from '../print/volume.js';
import { finishDocument, parsePrinted } from './finish.js';
import type { PdfPrinter, PrintLimits } from './printer.js';

/**
 * A volume's PDF with exact page numbers in its table of contents and list of figures.
 * The print document is loaded once and printed twice: first as a draft (nothing painted
 * but the link targets, so it costs a fraction of a print), each entry's page read from
 * the draft's named destinations (Chromium writes one for every link target); then, the
 * numbers written into the loaded page, in full. The entries' number column has a fixed
 * width, so writing them in moves no line; the full print's pages are checked all the same
 * (from the same parse that finishes it), and should one have moved, it is printed again.
 */

/** The draft, the volume, and the volume once more should a page have moved. */
const MAX_PRINTINGS = 3;

function pageOfDestination(value: unknown, pages: readonly PDFRef[]): number | undefined {
  const array =
    value instanceof PDFArray ? value : value instanceof PDFDict ? value.lookup(PDFName.of('D')) : undefined;
  if (!(array instanceof PDFArray)) return undefined;
  const ref = array.get(0);
  const index =
    ref instanceof PDFRef
      ? pages.findIndex((page) => page === ref || page.toString() === ref.toString())
      : -1;
  return index >= 0 ? index + 1 : undefined;
}

/** The page (from 1) of each named destination of a parsed PDF: the /Dests dictionary, or the /Names tree. */
function destinationPagesIn(document: PDFDocument): Map<string, number> {
  const pages = document.getPages().map((page) => page.ref);
  const found = new Map<string, number>();
  const dests = document.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [name, value] of dests.entries()) {
      const page = pageOfDestination(document.context.lookup(value), pages);
      if (page !== undefined) found.set(name.decodeText(), page);
    }
  }
  const names = document.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  const visit = (node: unknown) => {
    if (!(node instanceof PDFDict)) return;
    const leaves = node.lookup(PDFName.of('Names'));
    if (leaves instanceof PDFArray) {
      for (let i = 0; i + 1 < leaves.size(); i += 2) {
        const key = leaves.lookup(i);
        const page = pageOfDestination(document.context.lookup(leaves.get(i + 1)), pages);
        if ((key instanceof PDFString || key instanceof PDFHexString) && page !== undefined)
          found.set(key.decodeText(), page);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i += 1) visit(kids.lookup(i));
  };
  visit(tree);
  return found;
}

/** The page (from 1) of each named destination of a PDF. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  return destinationPagesIn(await parsePrinted(pdf));
}

export interface FinishedVolume {
  bytes: Uint8Array;
  /** Where each anchor stands in it. */
  pages: PageNumbers;
}

/** The printed volume finished (finish.ts), and where its anchors stand: one parse for both. */
export async function finishVolumePdf(pdf: Uint8Array, metadata: PrintMetadata): Promise<FinishedVolume> {
  const document = await parsePrinted(pdf);
  const pages = destinationPagesIn(document);
  return { bytes: await finishDocument(document, metadata), pages };
}

/**
 * What is done with what Chromium prints: here, in a worker that prints with its own
 * Chromium; through worker jobs when the host prints (volume/make.ts), so its event loop
 * never parses a PDF.
 */
export interface VolumePdfSteps {
  pagesOf(pdf: Uint8Array): Promise<PageNumbers>;
  finish(pdf: Uint8Array, metadata: PrintMetadata): Promise<FinishedVolume>;
}

export const volumePdfSteps: VolumePdfSteps = { pagesOf: destinationPages, finish: finishVolumePdf };

const samePages = (a: PageNumbers, b: PageNumbers) =>
  a.size === b.size && [...b].every(([anchor, page]) => a.get(anchor) === page);

export async function printVolume(
  document: PrintDocument,
  printer: PdfPrinter,
  limits: PrintLimits,
  steps: VolumePdfSteps = volumePdfSteps,
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  let pages: PageNumbers | undefined;
  let finished: FinishedVolume | undefined;
  let printings = 0;
  await printer.printPasses(document.html, limits, async (printed) => {
    if (!printed) return { draft: true, script: draftScript };
    printings += 1;
    if (!pages) pages = await steps.pagesOf(printed);
    else {
      finished = await steps.finish(printed, document.metadata);
      if (samePages(pages, finished.pages) || printings === MAX_PRINTINGS) return undefined;
      pages = finished.pages;
    }
    return { draft: false, script: pageNumbersScript(pages) };
  });
  if (!finished) throw new Error('a volume is printed in full at least once');
  return { bytes: finished.bytes, warnings: document.warnings };
}
