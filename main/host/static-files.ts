import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The built renderer's files, as both hosts serve them: the browser host over HTTP, the
 * desktop app through its own `app:` scheme. A request names a file inside the folder, or
 * nothing: no path can lead out of it, once decoded or through a link.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** Module scripts and workers need a JavaScript type: Chromium refuses them otherwise. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a raw request path to path segments, refusing anything that could name a file
 * outside the folder once decoded: dot segments (plain or percent-encoded), encoded
 * slashes, backslashes and null bytes. Undefined means "refuse".
 */
export function safeSegments(rawPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || segment.includes(':')) {
      return undefined;
    }
    if (segment !== '') segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The regular file `segments` name inside `root`, or undefined (missing, a folder, or outside). */
export async function fileIn(
  root: string,
  segments: string[],
): Promise<{ file: string; size: number } | undefined> {
  try {
    const realRoot = await realpath(root);
    // Symbolic links inside the folder must not lead out of it either.
    const file = await realpath(path.join(realRoot, ...segments));
    if (!isInside(realRoot, file)) return undefined;
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
