/**
 * Stores the sample's hand-drawn charts (scripts/sample-charts/*.svg) as the sample
 * repository's assets, exactly as importing them in the app would: cleaned by the same
 * sanitiser, named by the SHA-256 of what is stored. Prints each chart's asset name, to
 * reference from templates/sample-repository/sheets/*.json.
 *
 *   npx esbuild scripts/sample-assets.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=dist/scripts/sample-assets.mjs && node dist/scripts/sample-assets.mjs
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanInProcess, prepareImage } from '../main/services/assets/import.js';
import { findAppRoot } from '../main/services/app-root.js';

const root = findAppRoot();
const sources = join(root, 'scripts', 'sample-charts');
const target = join(root, 'templates', 'sample-repository', 'assets');

await mkdir(target, { recursive: true });
for (const name of (await readdir(sources)).filter((file) => file.endsWith('.svg')).sort()) {
  const { kind, stored, removed } = await prepareImage(
    name,
    await readFile(join(sources, name)),
    cleanInProcess,
  );
  if (removed.length > 0) throw new Error(`${name}: the sanitiser removed ${removed.join(', ')}`);
  const assetId = `${createHash('sha256').update(stored).digest('hex')}.${kind}`;
  await writeFile(join(target, assetId), stored);
  console.log(`${name} → ${assetId}`);
}
