import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { ExportPlan } from '../plan/types.js';
import { printDocumentFromPlan } from '../print/document.js';
import type { PageNumbers } from '../print/volume.js';
import { finishPdf } from './finish.js';
import type { PdfPrinter } from './printer.js';

/**
 * A volume's PDF with exact page numbers in its table of contents and list of figures:
 * printed once, each entry's page read from the PDF's named destinations (Chromium writes
 * one for every link target), filled in, printed again. The entries' number column has a
 * fixed width, so filling it in moves no line; should a page still move, it is printed a
 * third time.
 */

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

/** The page (from 1) of each named destination of a PDF: the /Dests dictionary, or the /Names tree. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
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

const samePages = (a: PageNumbers | undefined, b: PageNumbers) =>
  a !== undefined && a.size === b.size && [...b].every(([anchor, page]) => a.get(anchor) === page);

export async function printVolume(
  plan: ExportPlan,
  loaded: LoadedLayout,
  printer: PdfPrinter,
  printTimeoutMs: number,
): Promise<{ bytes: Uint8Array; warnings: string[] }> {
  let pages: PageNumbers | undefined;
  for (let printing = 1; ; printing += 1) {
    const document = await printDocumentFromPlan(plan, loaded, pages);
    const printed = await printer.print(document.html, printTimeoutMs);
    const found = await destinationPages(printed);
    if (samePages(pages, found) || printing === MAX_PRINTINGS) {
      return { bytes: await finishPdf(printed, document.metadata), warnings: document.warnings };
    }
    pages = found;
  }
}
