import { access } from 'node:fs/promises';
// The namespace, not a named import: scripts bundled for child processes declare their own createRequire.
import nodeModule from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { layoutSchema, type Layout } from '../../../../shared/model/layout.js';
import { AppFailure } from '../../../../shared/result.js';
import { findAppRoot, templatesDir } from '../../app-root.js';
import { fr } from '../../french.js';
import { LAYOUT_FILE, type RepositoryLayout } from '../../repository/layout.js';
import { InvalidFileError, loadJson } from '../../storage/json-store.js';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The layout with its font files made absolute, and where it was read from. */
export interface LoadedLayout {
  layout: Layout;
  /** « layout.json » (the repository's own) or « templates/layout.json » (the application's). */
  source: string;
  fontFiles: Record<FontFace, string>;
}

/** The layout shipped with the application. */
export function defaultLayoutFile(): string {
  return join(templatesDir(), LAYOUT_FILE);
}

/**
 * The repository's own layout.json when it has one (so an agency restyles its collection
 * without a release), else the application's. A file that fails validation stops the
 * export with a message naming the file and the field: never a silent fallback.
 */
export async function loadLayout(repository?: RepositoryLayout): Promise<LoadedLayout> {
  if (repository) {
    const own = await readLayout(repository.layoutFile, LAYOUT_FILE);
    if (own) return own;
  }
  const shipped = await readLayout(defaultLayoutFile(), 'templates/layout.json');
  if (!shipped) {
    throw new AppFailure(
      'internal',
      'La mise en page fournie avec Fiches (templates/layout.json) est introuvable.',
    );
  }
  return shipped;
}

async function readLayout(path: string, display: string): Promise<LoadedLayout | null> {
  let layout: Layout | null;
  try {
    layout = await loadJson(path, display, { schema: layoutSchema });
  } catch (error) {
    if (error instanceof InvalidFileError) {
      throw new AppFailure(
        'invalid-template',
        fr`La mise en page est invalide : ${error.reason}. Corrigez ce fichier ou supprimez-le pour revenir à la mise en page fournie avec Fiches.`,
        { file: display, reason: error.reason },
      );
    }
    throw error;
  }
  if (!layout) return null;
  const fontFiles = {} as Record<FontFace, string>;
  for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    fontFiles[face] = await fontPath(layout.font.files[face], dirname(path), display, face);
  }
  return { layout, source: display, fontFiles };
}

/** "./x.ttf" is next to the layout file (and stays inside its folder); anything else is a package path. */
async function fontPath(spec: string, layoutDir: string, display: string, face: FontFace): Promise<string> {
  let path: string | undefined;
  if (spec.startsWith('./')) {
    const candidate = resolve(layoutDir, spec);
    const rel = relative(layoutDir, candidate);
    if (!rel.startsWith('..') && !isAbsolute(rel)) path = candidate;
  } else if (!isAbsolute(spec) && !spec.includes('..')) {
    try {
      path = nodeModule.createRequire(join(findAppRoot(), 'package.json')).resolve(spec);
    } catch {
      path = undefined;
    }
  }
  if (path) {
    try {
      await access(path);
      return path;
    } catch {
      path = undefined;
    }
  }
  throw new AppFailure(
    'invalid-template',
    fr`La mise en page est invalide : ${display} : font.files.${face} : police introuvable « ${spec} ».`,
    { file: display, field: `font.files.${face}` },
  );
}
