import type * as ResvgModule from '@resvg/resvg-js';
import { ImageRun } from 'docx';
import { extensionOf } from '../../../../shared/content/assets.js';
import { rasterSize } from '../../assets/sniff.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { pixelsFromMm } from './units.js';

/**
 * A figure's image as a Word drawing, sized to its column or the page. Word shows SVG
 * only from 2016 on and needs a PNG beside it: the PNG is rendered here by resvg (a native
 * SVG renderer, no browser needed), with the layout's font for the chart's text.
 */

interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

/** One rendering per SVG and per document, however many times the figure appears. */
export type RasterCache = Map<string, Raster>;

/** Print resolution of the PNG fallback. */
const FALLBACK_DPI = 300;
const FALLBACK_MAX_PX = 3000;

/** Loaded on the first SVG only: a native addon most exports never need. */
let resvg: Promise<typeof ResvgModule> | undefined;

async function rasterise(svg: Buffer, widthMm: number, loaded: LoadedLayout): Promise<Raster> {
  resvg ??= import('@resvg/resvg-js');
  const { Resvg } = await resvg;
  const target = Math.min(FALLBACK_MAX_PX, Math.round((widthMm / 25.4) * FALLBACK_DPI));
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: target },
    font: {
      loadSystemFonts: false,
      fontFiles: Object.values(loaded.fontFiles),
      defaultFontFamily: loaded.layout.font.family,
      sansSerifFamily: loaded.layout.font.family,
    },
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** The drawing's size: the available width, less when the image would pass the layout's maximum height. */
function fit(width: number, height: number, widthMm: number, maxHeightMm: number) {
  const ratio = height / width;
  const drawnWidthMm = Math.min(widthMm, maxHeightMm / ratio);
  return {
    width: Math.round(pixelsFromMm(drawnWidthMm)),
    height: Math.round(pixelsFromMm(drawnWidthMm * ratio)),
  };
}

/**
 * The image run of an asset, or a reason it cannot be shown (in French) when its bytes are
 * not the image its name says.
 */
export async function imageRun(
  assetId: string,
  bytes: Buffer,
  widthMm: number,
  loaded: LoadedLayout,
  cache: RasterCache,
  altText: string,
): Promise<{ run: ImageRun } | { problem: string }> {
  const kind = extensionOf(assetId);
  const alt = { name: assetId, description: altText, title: altText };
  const maxHeightMm = loaded.layout.figures.maxHeightMm;
  if (kind === 'svg') {
    let raster = cache.get(assetId);
    if (!raster) {
      try {
        raster = await rasterise(bytes, widthMm, loaded);
      } catch (error) {
        return { problem: `SVG illisible (${(error as Error).message.slice(0, 200)})` };
      }
      cache.set(assetId, raster);
    }
    return {
      run: new ImageRun({
        type: 'svg',
        data: bytes,
        fallback: { type: 'png', data: raster.png },
        transformation: fit(raster.width, raster.height, widthMm, maxHeightMm),
        altText: alt,
      }),
    };
  }
  const size = rasterSize(bytes, kind);
  if (!size) return { problem: 'fichier endommagé ou format inattendu' };
  return {
    run: new ImageRun({
      type: kind,
      data: bytes,
      transformation: fit(size.width, size.height, widthMm, maxHeightMm),
      altText: alt,
    }),
  };
}
