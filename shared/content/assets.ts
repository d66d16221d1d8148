import { z } from 'zod';

/**
 * Images of a repository: stored once in assets/<sha256>.<ext>, referenced from figures by
 * that name. The rules live here so the renderer can refuse a file before sending it and
 * main refuses it again, with the same words.
 */

export const imageKinds = {
  png: { mediaType: 'image/png', label: 'PNG' },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG' },
  gif: { mediaType: 'image/gif', label: 'GIF' },
  svg: { mediaType: 'image/svg+xml', label: 'SVG' },
} as const;

export type ImageExtension = keyof typeof imageKinds;
export type ImageMediaType = (typeof imageKinds)[ImageExtension]['mediaType'];

export const imageExtensions = Object.keys(imageKinds) as ImageExtension[];

/**
 * 20 MiB: a print-quality photo fits, and its base64 (a third larger) still fits the browser
 * host's 32 MiB request limit. Larger files are refused with a message saying how to shrink them.
 */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * An image this many times wider than high (or higher than wide) shows as a line in a
 * figure; beyond, it is refused. 1 × 1,000,000 once made the SVG renderer abort.
 */
export const MAX_ASPECT_RATIO = 50;

/**
 * 50 million pixels: a 45-megapixel camera's photo passes; a file of a few kilobytes that
 * would take gigabytes once decoded (for Word, for the PDF printer) does not.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Elements of an SVG: a detailed map passes (a region's 3,800 communes are 3,800 paths);
 * 560,000 shapes took the export minutes to draw. Nesting past 100 levels is no drawing.
 */
export const MAX_SVG_ELEMENTS = 100_000;
export const MAX_SVG_DEPTH = 100;

/** « 1 000 000 », « 0,5 » (thin no-break space between thousands, as French typesets them). */
export function formatNumber(value: number): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

export function proportionsMessage(name: string, width: number, height: number): string {
  const shape = height > width ? 'plus haute que large' : 'plus large que haute';
  return `L’image «\u00a0${name}\u00a0» est refusée\u00a0: ses proportions sont extrêmes (${formatNumber(width)} × ${formatNumber(height)})\u00a0: une figure peut être au plus ${MAX_ASPECT_RATIO}\u00a0fois ${shape}. Recadrez-la, puis réessayez.`;
}

export function pixelsMessage(name: string, width: number, height: number): string {
  const millions = formatNumber(Math.round((width * height) / 1_000_000));
  return `L’image «\u00a0${name}\u00a0» est refusée\u00a0: elle compte ${millions}\u00a0millions de pixels (${formatNumber(width)} × ${formatNumber(height)})\u00a0: la limite est de ${MAX_IMAGE_PIXELS / 1_000_000}\u00a0millions. Réduisez ses dimensions, puis réessayez.`;
}

/** What a file picker offers; the content is still checked, the type announced is never trusted. */
export const ACCEPTED_IMAGE_TYPES = imageExtensions.map((ext) => imageKinds[ext].mediaType).join(',');

export const assetIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}\.(?:png|jpg|gif|svg)$/, { message: 'identifiant d’image invalide' });

export function extensionOf(assetId: string): ImageExtension {
  return assetId.slice(assetId.lastIndexOf('.') + 1) as ImageExtension;
}

export function mediaTypeOf(assetId: string): ImageMediaType {
  return imageKinds[extensionOf(assetId)].mediaType;
}

/** « 12,4 Mo » */
export function formatMegabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}\u00a0Mo`;
}

export function tooLargeMessage(name: string, bytes: number): string {
  return `L’image «\u00a0${name}\u00a0» pèse ${formatMegabytes(bytes)}\u00a0: la limite est de ${MAX_IMAGE_BYTES / (1024 * 1024)}\u00a0Mo. Réduisez-la (export en JPEG, dimensions plus petites) puis réessayez.`;
}

export function notAnImageMessage(name: string): string {
  return `Le fichier «\u00a0${name}\u00a0» n’est pas une image acceptée\u00a0: seules les images PNG, JPEG, GIF et SVG peuvent entrer dans une figure (son contenu est vérifié, pas seulement son nom).`;
}

/** The description of an image once imported. */
export const importedAssetSchema = z.object({
  assetId: assetIdSchema,
  mediaType: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Intrinsic size in pixels (SVG: from its width/height or viewBox), when known. */
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
  /** What sanitising took out of an SVG (« script », « onload »…), empty otherwise. */
  removed: z.array(z.string()),
});

export type ImportedAsset = z.infer<typeof importedAssetSchema>;
