import { extensionOf } from '../../../../shared/content/assets.js';
import { AppFailure } from '../../../../shared/result.js';
import { runJob } from '../../worker/run-job.js';
import type { ExportDeadline } from '../deadline.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { figureImages, sheetDocs, type PrintSheet } from '../sheet-input.js';
import type { RasterCache } from './images.js';
import type { Raster } from './raster.js';
import { columnWidths } from './units.js';

/**
 * The Word format of the export registry (formats.ts), run from the host: every SVG's PNG
 * fallback is rendered in a job of its own (a renderer that panics on one image loses
 * that image only, which the document then shows as a frame), then the whole document is
 * built in a worker (seconds of XML, hashing and zipping off the host's event loop).
 * Both count against the export's deadline. The workers read the images themselves: only
 * their paths, and the PNGs back, cross between processes. An absent or damaged SVG gets
 * no fallback; the document shows it as a frame with the reason.
 */

/** Print resolution of the PNG fallback, and the largest side it may have. */
const FALLBACK_DPI = 300;
const FALLBACK_MAX_PX = 3000;

const pixelsAt300Dpi = (mm: number) => Math.min(FALLBACK_MAX_PX, (mm / 25.4) * FALLBACK_DPI);

function isDeadline(error: unknown): boolean {
  return error instanceof AppFailure && error.details?.reason === 'deadline';
}

function problemOf(error: unknown): string {
  if (error instanceof AppFailure && error.details?.reason === 'worker-crashed') {
    return 'le moteur de rendu SVG s’est arrêté sur cette image';
  }
  return `SVG illisible (${(error as Error).message.slice(0, 200)})`;
}

/** The PNG fallbacks of the sheet's SVGs, added to `rasters` (an image met before, in a volume's earlier sheet, is not rendered again). */
export async function renderFallbacks(
  print: PrintSheet,
  loaded: LoadedLayout,
  deadline: ExportDeadline,
  rasters = new Map<string, Raster | { problem: string }>(),
): Promise<RasterCache> {
  const widths = columnWidths(loaded.layout);
  const maxHeightPx = pixelsAt300Dpi(loaded.layout.figures.maxHeightMm);
  for (const { asset, full } of figureImages(sheetDocs(print))) {
    const file = print.assets.get(asset);
    if (extensionOf(asset) !== 'svg' || !file || rasters.has(asset)) continue;
    const request = {
      assetId: asset,
      file,
      maxWidthPx: pixelsAt300Dpi(full ? widths.full : widths.column),
      maxHeightPx,
      fontFiles: Object.values(loaded.fontFiles),
      fontFamily: loaded.layout.font.family,
    };
    try {
      rasters.set(asset, await runJob('rasterise-svg', request, deadline.limits('svg')));
    } catch (error) {
      if (isDeadline(error)) throw error;
      rasters.set(asset, { problem: problemOf(error) });
    }
  }
  return rasters;
}

export async function renderDocx(
  print: PrintSheet,
  loaded: LoadedLayout,
  deadline: ExportDeadline,
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const rasters = await renderFallbacks(print, loaded, deadline);
  const built = await runJob('build-docx', { print, loaded, rasters }, deadline.limits('docx'));
  const { bytes } = built;
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), warnings: built.warnings };
}
