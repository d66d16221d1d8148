import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application's folder (the one whose package.json is Fiches'), found from this
 * module's own location so it works from the sources (vitest), from dist/ after tsc, and
 * inside a packaged app, whatever the current directory.
 */
const APP_NAME = 'fiches';

let appRoot: string | undefined;

function isAppFolder(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === APP_NAME;
  } catch {
    return false;
  }
}

export function findAppRoot(): string {
  if (appRoot) return appRoot;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (isAppFolder(dir)) {
      appRoot = dir;
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(
        `Dossier de l’application introuvable : aucun package.json « ${APP_NAME} » au-dessus de ${start}.`,
      );
    }
  }
}

/** templates/: the sheet template and the sample repository shipped with the application. */
export function templatesDir(): string {
  return join(findAppRoot(), 'templates');
}
