import { ChromiumPrinter } from './chromium-printer.js';
import type { PdfPrinter } from './printer.js';

/**
 * The printer of this process. Headless Chromium unless the host chose another: the
 * desktop app sets Electron's own at start, so it needs no other browser.
 */
let chosen: PdfPrinter | undefined;

export function usePdfPrinter(printer: PdfPrinter): void {
  chosen = printer;
}

export function pdfPrinter(): PdfPrinter {
  chosen ??= new ChromiumPrinter();
  return chosen;
}

/** For the hosts and the CLI when they stop: an open browser would keep the process alive. */
export async function closePdfPrinter(): Promise<void> {
  await chosen?.close();
}
