import { imageSize } from 'image-size';
import type { ImageExtension } from '../../../shared/content/assets.js';

/**
 * What an image really is, read from its first bytes: the name and the type a browser
 * announces come from the file's name and prove nothing.
 */

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** An SVG opens, after an optional BOM, XML declaration, processing instructions, comments and doctype, on <svg. */
const SVG_START =
  /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>/]/i;

export function sniffImage(bytes: Uint8Array): ImageExtension | undefined {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'gif';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 16_384));
  return SVG_START.test(head) ? 'svg' : undefined;
}

/**
 * Pixel size of a PNG, JPEG or GIF; undefined when the header is cut or broken, which is
 * how a damaged file (or one only dressed up with the right first bytes) shows.
 */
export function rasterSize(
  bytes: Uint8Array,
  kind: Exclude<ImageExtension, 'svg'>,
): { width: number; height: number } | undefined {
  try {
    const { width, height, type } = imageSize(bytes);
    return type === kind && width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
