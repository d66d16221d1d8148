import type * as ResvgModule from '@resvg/resvg-js';
import { loadVerifiedAssets } from '../../assets/verified-read.js';

/**
 * An SVG's PNG fallback for Word (which shows SVG only from 2016 on), rendered by resvg, a
 * native SVG renderer. It runs in a worker process (a job of its own per image): resvg can
 * panic on a hostile file, and a native panic aborts the whole process it runs in. The PNG
 * fits a box, so no image, however tall or wide it says it is, asks for a huge canvas.
 */

export interface RasterRequest {
  assetId: string;
  /** Its file, read here: 20 MB of SVG never cross from the host. */
  file: string;
  /** The box the PNG must fit, in pixels. */
  maxWidthPx: number;
  maxHeightPx: number;
  /** The layout's font files, for the chart's text; system fonts are never read. */
  fontFiles: string[];
  fontFamily: string;
}

export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Loaded on the first SVG only: a native addon most workers never need. */
let resvg: Promise<typeof ResvgModule> | undefined;

export async function rasteriseSvg(request: RasterRequest): Promise<Raster> {
  resvg ??= import('@resvg/resvg-js');
  const { Resvg } = await resvg;
  const font = {
    loadSystemFonts: false,
    fontFiles: request.fontFiles,
    defaultFontFamily: request.fontFamily,
    sansSerifFamily: request.fontFamily,
  };
  const content = loadVerifiedAssets(new Map([[request.assetId, request.file]])).get(request.assetId);
  if (!content || !('bytes' in content)) throw new Error(content?.short ?? 'fichier absent');
  const svg = content.bytes;
  const maxWidth = Math.max(1, Math.round(request.maxWidthPx));
  const maxHeight = Math.max(1, Math.round(request.maxHeightPx));
  // resvg reports the image's own size whatever it is asked to fit; the common case parses once.
  let renderer = new Resvg(svg, { fitTo: { mode: 'width', value: maxWidth }, font });
  const { width, height } = renderer;
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new Error('taille nulle ou illisible');
  }
  if ((maxWidth * height) / width > maxHeight) {
    if ((maxHeight * width) / height < 1) throw new Error('proportions extrêmes');
    renderer = new Resvg(svg, { fitTo: { mode: 'height', value: maxHeight }, font });
  }
  const rendered = renderer.render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
