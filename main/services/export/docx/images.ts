import { ImageRun } from 'docx';
import { extensionOf } from '../../../../shared/content/assets.js';
import { rasterSize } from '../../assets/sniff.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { Raster } from './raster.js';
import type { Revision, TrackedKind } from './review.js';
import { pixelsFromMm } from './units.js';

/**
 * A figure's image as a Word drawing, sized to its column or the page. An SVG goes with
 * its PNG fallback, rendered beforehand (svg-fallbacks.ts) since its renderer runs apart.
 */

/** Each SVG's PNG fallback, or why there is none (« SVG illisible (…) »), by asset. */
export type RasterCache = ReadonlyMap<string, Raster | { problem: string }>;

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
export function imageRun(
  assetId: string,
  bytes: Uint8Array,
  widthMm: number,
  loaded: LoadedLayout,
  rasters: RasterCache,
  altText: string,
  /** The figure added or removed whole (tracked changes). */
  change?: { kind: TrackedKind; revision: Revision },
): { run: ImageRun } | { problem: string } {
  const tracked = change ? { [change.kind]: change.revision } : {};
  const kind = extensionOf(assetId);
  const alt = { name: assetId, description: altText, title: altText };
  const maxHeightMm = loaded.layout.figures.maxHeightMm;
  if (kind === 'svg') {
    const raster = rasters.get(assetId) ?? { problem: 'image SVG non rendue' };
    if ('problem' in raster) return raster;
    return {
      run: new ImageRun({
        type: 'svg',
        data: bytes,
        fallback: { type: 'png', data: raster.png },
        transformation: fit(raster.width, raster.height, widthMm, maxHeightMm),
        altText: alt,
        ...tracked,
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
      ...tracked,
    }),
  };
}
