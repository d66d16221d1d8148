import { readFile } from 'node:fs/promises';
import type { Layout } from '../../../../shared/model/layout.js';
import type { FontFace } from '../layout/load-layout.js';
import { ioFailure } from '../../storage/io-errors.js';
import { cssString } from './escape.js';

/**
 * The shipped font, inside the document as data: URIs: the print document loads nothing
 * from the machine, so every PDF embeds the same font whatever is installed, and Chromium
 * never synthesises a bold or an italic (which it would print as Type 3 glyphs).
 */

const FACES: Record<FontFace, { weight: number; style: 'normal' | 'italic' }> = {
  regular: { weight: 400, style: 'normal' },
  bold: { weight: 700, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  boldItalic: { weight: 700, style: 'italic' },
};

/** Font files are read once per process: they ship with the application and do not change under it. */
const cache = new Map<string, Promise<string>>();

function base64Of(path: string): Promise<string> {
  let pending = cache.get(path);
  if (!pending) {
    pending = readFile(path).then(
      (bytes) => bytes.toString('base64'),
      (error: unknown) => {
        cache.delete(path);
        throw ioFailure(error, 'lire', path);
      },
    );
    cache.set(path, pending);
  }
  return pending;
}

function formatOf(path: string): string {
  if (/\.woff2$/i.test(path)) return 'font/woff2';
  if (/\.woff$/i.test(path)) return 'font/woff';
  if (/\.otf$/i.test(path)) return 'font/otf';
  return 'font/ttf';
}

export async function fontFaceRules(layout: Layout, files: Record<FontFace, string>): Promise<string> {
  const rules = await Promise.all(
    (Object.keys(FACES) as FontFace[]).map(async (face) => {
      const path = files[face];
      const { weight, style } = FACES[face];
      return `@font-face { font-family: ${cssString(layout.font.family)}; font-weight: ${weight}; font-style: ${style}; src: url(data:${formatOf(path)};base64,${await base64Of(path)}); }`;
    }),
  );
  return rules.join('\n');
}
