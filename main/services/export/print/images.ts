import { assetIdSchema, mediaTypeOf } from '../../../../shared/content/assets.js';
import type { DocNode } from '../../../../shared/content/doc.js';

/**
 * The images of the print document travel inside it as data: URIs: the document has no
 * base URL and its policy lets it load nothing else, in headless Chromium as in Electron.
 */

function collectAssets(node: DocNode | undefined, into: Set<string>): void {
  if (!node) return;
  const asset = node.type === 'figure' ? node.attrs?.asset : undefined;
  if (typeof asset === 'string' && assetIdSchema.safeParse(asset).success) into.add(asset);
  for (const child of node.content ?? []) collectAssets(child, into);
}

/** Every asset the documents name, read once each; a missing file maps to null. */
export async function loadImages(
  docs: readonly (DocNode | undefined)[],
  readAsset: (assetId: string) => Promise<Buffer | null>,
): Promise<Map<string, string | null>> {
  const assets = new Set<string>();
  for (const doc of docs) collectAssets(doc, assets);
  const images = new Map<string, string | null>();
  for (const asset of assets) {
    const bytes = await readAsset(asset);
    images.set(asset, bytes ? `data:${mediaTypeOf(asset)};base64,${bytes.toString('base64')}` : null);
  }
  return images;
}
