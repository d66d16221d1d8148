import { invoke } from '../../api/client.js';

/**
 * Images of the repository as blob: URLs, fetched once per session through the contract
 * (no file:// or custom protocol to open). Assets never change (content-addressed), so a
 * URL is kept for as long as the page lives.
 */
export type AssetUrl = { ok: true; url: string } | { ok: false; reason: string };

const cache = new Map<string, Promise<AssetUrl>>();

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function fetchUrl(assetId: string): Promise<AssetUrl> {
  const result = await invoke('assets:read', { assetId });
  if (!result.ok) {
    // Not cached: the file may come back (restored, synced), a later view tries again.
    cache.delete(assetId);
    return { ok: false, reason: result.error.message };
  }
  const blob = new Blob([bytesOf(result.value.base64)], { type: result.value.mediaType });
  return { ok: true, url: URL.createObjectURL(blob) };
}

export function assetUrl(assetId: string): Promise<AssetUrl> {
  let pending = cache.get(assetId);
  if (!pending) {
    pending = fetchUrl(assetId);
    cache.set(assetId, pending);
  }
  return pending;
}
