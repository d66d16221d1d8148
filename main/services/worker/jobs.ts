import type { SanitizeOutcome } from '../assets/svg-sanitize.js';
import type { RasterCache } from '../export/docx/images.js';
import type { Raster, RasterRequest } from '../export/docx/raster.js';
import type { LoadedLayout } from '../export/layout/load-layout.js';
import type { PrintDocument, PrintMetadata } from '../export/print/document.js';
import type { PdfRequest, RenderedPdf } from '../export/pdf/print-in-worker.js';
import type { FinishedVolume } from '../export/pdf/volume.js';
import type { PrintSheet } from '../export/sheet-input.js';
import type { VolumeRequest as VolumePlanRequest } from '../export/plan/volume.js';
import type { JobTable } from './protocol.js';

interface DocumentRequest {
  print: PrintSheet;
  loaded: LoadedLayout;
}

/**
 * Every job a worker process runs, by name. Each module is loaded on its first job only:
 * a worker that only cleans SVGs never loads docx.
 */
export const jobs = {
  /** An imported SVG, checked and cleaned (assets/svg-sanitize.ts): seconds of parsing for a large file. */
  'sanitize-svg': async (source: Uint8Array): Promise<SanitizeOutcome> =>
    (await import('../assets/svg-sanitize.js')).sanitizeOrRefuse(source),

  /** An SVG's PNG fallback for Word, by resvg: the job that may panic. */
  'rasterise-svg': async (request: RasterRequest): Promise<Raster> =>
    (await import('../export/docx/raster.js')).rasteriseSvg(request),

  /** A sheet as a .docx (XML, image hashing, zip). */
  'build-docx': async ({
    print,
    loaded,
    rasters,
  }: DocumentRequest & { rasters: RasterCache }): Promise<{ bytes: Uint8Array; warnings: string[] }> =>
    (await import('../export/docx/build.js')).buildDocx(print, loaded, rasters),

  /** The collection as one .docx (plan/volume.ts). */
  'build-volume-docx': async ({
    volume,
    loaded,
    rasters,
  }: {
    volume: VolumePlanRequest;
    loaded: LoadedLayout;
    rasters: RasterCache;
  }): Promise<{ bytes: Uint8Array; warnings: string[] }> => {
    const [{ docxFromPlan }, { planOfVolume }] = await Promise.all([
      import('../export/docx/build.js'),
      import('../export/plan/volume.js'),
    ]);
    return docxFromPlan(planOfVolume(volume, loaded), loaded, rasters);
  },

  /** The collection as one PDF, printed (a draft, then in full: pdf/volume.ts) by this worker's own headless Chromium. */
  'render-volume-pdf': async ({
    volume,
    loaded,
    printTimeoutMs,
  }: {
    volume: VolumePlanRequest;
    loaded: LoadedLayout;
    printTimeoutMs: number;
  }): Promise<RenderedPdf> => {
    const [{ printVolume }, { volumePrintDocument }, { headlessPrinter }] = await Promise.all([
      import('../export/pdf/volume.js'),
      import('../export/print/document.js'),
      import('../export/pdf/printer-choice.js'),
    ]);
    const document = await volumePrintDocument(volume, loaded);
    return printVolume(document, await headlessPrinter(), { timeoutMs: printTimeoutMs });
  },

  /** The collection's print HTML, for the host's PDF printer. */
  'build-volume-print-document': async ({
    volume,
    loaded,
  }: {
    volume: VolumePlanRequest;
    loaded: LoadedLayout;
  }): Promise<PrintDocument> =>
    (await import('../export/print/document.js')).volumePrintDocument(volume, loaded),

  /** Where each anchor of a volume's draft print stands (pdf/volume.ts). */
  'volume-pdf-pages': async (pdf: Uint8Array): Promise<Map<string, number>> =>
    (await import('../export/pdf/volume.js')).destinationPages(pdf),

  /** A volume's print finished, and where its anchors stand (pdf/volume.ts). */
  'finish-volume-pdf': async ({
    pdf,
    metadata,
  }: {
    pdf: Uint8Array;
    metadata: PrintMetadata;
  }): Promise<FinishedVolume> => (await import('../export/pdf/volume.js')).finishVolumePdf(pdf, metadata),

  /** A sheet's print HTML (hyphenation, images as data: URIs), for the host's PDF printer. */
  'build-print-document': async ({ print, loaded }: DocumentRequest): Promise<PrintDocument> =>
    (await import('../export/print/document.js')).buildPrintDocument(print, loaded),

  /** A sheet as a PDF, printed by this worker's own headless Chromium (hosts without a printer of their own). */
  'render-pdf': async (request: PdfRequest): Promise<RenderedPdf> =>
    (await import('../export/pdf/print-in-worker.js')).printInWorker(request),

  /** The printed PDF finished (soft hyphens out of its text, metadata in): pdf-lib parses and rewrites the whole file. */
  'finish-pdf': async ({
    pdf,
    metadata,
  }: {
    pdf: Uint8Array;
    metadata: PrintMetadata;
  }): Promise<Uint8Array> => (await import('../export/pdf/finish.js')).finishPdf(pdf, metadata),
} satisfies JobTable;

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
