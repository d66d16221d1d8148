import { spawn } from 'node:child_process';
import path from 'node:path';
import { fr } from '../services/french.js';
import { findAppRoot } from '../services/index.js';
import { downloadElectronBinary, findElectronBinary, mayDownloadElectron } from './electron-binary.js';
import { serve } from './serve.js';

export const ELECTRON_DOWNLOAD_LINE = fr`Première ouverture : téléchargement d’Electron, l’application de bureau de Fiches…`;

export const ELECTRON_MISSING_LINE = fr`Electron n’est pas installé sur cette machine (téléchargement bloqué) : Fiches s’ouvre dans le navigateur à l’adresse ci-dessous.`;

function runElectron(binary: string, appRoot: string, repo: string | undefined): Promise<number> {
  const env = { ...process.env };
  // Inherited from a parent Electron process, it would turn ours into a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [appRoot, ...(repo === undefined ? [] : ['--repo', path.resolve(repo)])];
  const child = spawn(binary, args, { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 1);
    });
  });
}

/**
 * `fiches start`: the desktop app when Electron is there (fetched on first start, as the
 * npm package no longer downloads it at install); otherwise the same app in the browser,
 * so a machine where the download is blocked still gets a working Fiches.
 */
export async function start(options: {
  repo: string | undefined;
  port: number | undefined;
}): Promise<number> {
  let binary = findElectronBinary();
  if (binary === undefined && mayDownloadElectron()) {
    process.stdout.write(`${ELECTRON_DOWNLOAD_LINE}\n`);
    if (await downloadElectronBinary()) binary = findElectronBinary();
  }
  if (binary !== undefined) return runElectron(binary, findAppRoot(), options.repo);
  process.stdout.write(`${ELECTRON_MISSING_LINE}\n`);
  return serve(options);
}
