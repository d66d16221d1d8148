import { mediaTypeOf } from '../../../../shared/content/assets.js';
import type { AssetContent } from '../../assets/verified-read.js';

/**
 * The images of the print document travel inside it as data: URIs: the document has no
 * base URL and its policy lets it load nothing else, in headless Chromium as in Electron.
 */

/** An image as the document shows it, or why it cannot (its file is absent or damaged). */
export type PrintImage = { uri: string } | Extract<AssetContent, { missing: string }>;

/** Every asset of the sheet (read and checked against its hash), as the document shows it. */
export function printImages(assets: ReadonlyMap<string, AssetContent>): Map<string, PrintImage> {
  const images = new Map<string, PrintImage>();
  for (const [asset, content] of assets) {
    if ('missing' in content) images.set(asset, content);
    else {
      const { bytes } = content;
      const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
      images.set(asset, { uri: `data:${mediaTypeOf(asset)};base64,${base64}` });
    }
  }
  return images;
}
