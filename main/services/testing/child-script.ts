import { spawn, type SpawnOptions } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Tests that need another process (a crash, another user) run a small script against
 * the current sources, bundled by esbuild into one ESM file: no prior `npm run build`
 * needed, and no stale dist/ tested by mistake.
 */
export async function bundleScript(
  source: string,
  dir: string,
  name = 'child.mjs',
  /** Packages to load from a node_modules beside the script rather than bundle. */
  external: readonly string[] = [],
): Promise<string> {
  const entry = join(dir, `${name}.entry.ts`);
  await writeFile(entry, source);
  const outfile = join(dir, name);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // A native addon cannot be bundled; it is only loaded (dynamically) by exports of SVG figures.
    external: ['@resvg/resvg-js', ...external],
    // Bundled CommonJS dependencies may call require() on Node built-ins (named apart from the sources' own imports).
    banner: {
      js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);",
    },
  });
  return outfile;
}

export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], options: SpawnOptions = {}): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
