import type { LoadedLayout } from '../layout/load-layout.js';
import { buildPrintDocument } from '../print/document.js';
import type { PrintSheet } from '../sheet-input.js';
import { finishPdf } from './finish.js';
import { headlessPrinter } from './printer-choice.js';

/**
 * A worker's side of the headless PDF export (pdf/render.ts sends it here): the print
 * document built, printed by the worker's own Chromium, finished (finish.ts).
 */

export interface PdfRequest {
  print: PrintSheet;
  loaded: LoadedLayout;
  printTimeoutMs: number;
}

export type RenderedPdf = { bytes: Uint8Array; warnings: string[] };

export async function printInWorker({ print, loaded, printTimeoutMs }: PdfRequest): Promise<RenderedPdf> {
  const document = await buildPrintDocument(print, loaded);
  const printed = await (await headlessPrinter()).print(document.html, printTimeoutMs);
  return { bytes: await finishPdf(printed, document.metadata), warnings: document.warnings };
}
