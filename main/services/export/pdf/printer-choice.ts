import type { ChromiumPrinter } from './chromium-printer.js';
import type { PdfPrinter } from './printer.js';

/**
 * Who prints. The desktop app sets Electron's own printer at start (it needs no other
 * browser), and prints in its main process. Elsewhere (browser host, CLI) printing is done
 * inside a worker process, by a headless Chromium that worker starts on its first print and
 * that ends with it: the host never loads Playwright nor holds the print document.
 */
let chosen: PdfPrinter | undefined;

/** `undefined` goes back to printing in workers (for tests). */
export function usePdfPrinter(printer: PdfPrinter | undefined): void {
  chosen = printer;
}

/** The printer the host chose, if any. */
export function hostPdfPrinter(): PdfPrinter | undefined {
  return chosen;
}

let headless: Promise<ChromiumPrinter> | undefined;

/** A worker's headless Chromium, kept for the worker's next prints. */
export function headlessPrinter(): Promise<PdfPrinter> {
  headless ??= import('./chromium-printer.js').then(({ ChromiumPrinter }) => new ChromiumPrinter());
  return headless;
}
