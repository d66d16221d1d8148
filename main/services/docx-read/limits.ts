import { MAX_IMAGE_BYTES } from '../../../shared/content/assets.js';

/**
 * The bounds of reading one .docx: whatever the file claims, no more than this is ever
 * decompressed or held, so a zip bomb (a few kilobytes announcing gigabytes, or thousands of
 * entries sharing one compressed block) is refused in bounded memory and time.
 */
export interface DocxLimits {
  /** Entries of the zip's central directory. */
  maxEntries: number;
  /** One XML part (document.xml, styles.xml…), decompressed. */
  maxXmlPartBytes: number;
  /** One image: past this it is not read at all (the asset limit, so a larger one would be refused anyway). */
  maxMediaBytes: number;
  /** Everything decompressed from one file, parts and images together. */
  maxTotalBytes: number;
  /** Nesting of tables, text boxes and fields inside one another. */
  maxDepth: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 10_000,
  maxXmlPartBytes: 64 * 1024 * 1024,
  maxMediaBytes: MAX_IMAGE_BYTES,
  maxTotalBytes: 256 * 1024 * 1024,
  maxDepth: 32,
};

/** « 64 Mo » */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))}\u00a0Mo`;
}
