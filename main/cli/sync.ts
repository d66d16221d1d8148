import path from 'node:path';
import type { SyncReportView } from '../../shared/api/sync-contract.js';
import { fr } from '../services/french.js';
import { defaultRepositoryPath, openRepository, type RepositorySession } from '../services/index.js';
import { joinRepository } from '../services/sync/join.js';
import { checkedRemoteUrl } from '../services/sync/remote-url.js';
import { TerminalCredentialStore } from './credentials.js';
import { UsageError } from './options.js';

/**
 * `fiches share`, `fiches join` and `fiches sync`, for scripts and for the first set-up by
 * IT: one line per sheet sent, received, merged or in conflict, then a summary; exit 1 with
 * one stderr line on failure (run.ts prints it). Credentials from FICHES_GIT_USERNAME and
 * FICHES_GIT_PASSWORD, or asked on the terminal.
 */
function printReport(report: SyncReportView, remote: string): void {
  const lines: [string[], string][] = [
    [report.sent, 'envoyée'],
    [report.received, 'reçue'],
    [report.merged, 'fusionnée'],
    [report.conflicts, 'en conflit : à résoudre dans Fiches'],
  ];
  for (const [ids, what] of lines) for (const id of ids) process.stdout.write(fr`${id} : ${what}\n`);
  for (const note of report.notes) process.stdout.write(`${note}\n`);
  const count = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  process.stdout.write(
    fr`Synchronisé avec ${remote} : ${count(report.sent.length, 'fiche')} ${report.sent.length > 1 ? 'envoyées' : 'envoyée'}, ${count(report.received.length, 'reçue')}, ${count(report.merged.length, 'fusionnée')}, ${report.conflicts.length} en conflit.\n`,
  );
}

async function withRepository<T>(
  repo: string | undefined,
  work: (session: RepositorySession) => Promise<T>,
): Promise<T> {
  const session = await openRepository(path.resolve(repo ?? defaultRepositoryPath()), {
    create: 'never',
    sync: { credentials: new TerminalCredentialStore() },
  });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

export async function shareCommand(options: {
  repo: string | undefined;
  remote: string | undefined;
}): Promise<number> {
  if (options.remote === undefined)
    throw new UsageError('--remote est obligatoire (l’adresse https d’un dépôt distant vide)');
  const remote = checkedRemoteUrl(options.remote);
  return withRepository(options.repo, async (session) => {
    const report = await session.handlers['sync:share']({ remote });
    printReport(report, remote);
    process.stdout.write(fr`Dépôt partagé avec ${remote}.\n`);
    return 0;
  });
}

export async function joinCommand(options: { urls: string[]; repo: string | undefined }): Promise<number> {
  const [url, extra] = options.urls;
  if (url === undefined)
    throw new UsageError('l’adresse du dépôt partagé est obligatoire (fiches join URL --repo DOSSIER)');
  if (extra !== undefined) throw new UsageError(fr`argument inattendu « ${extra} »`);
  if (options.repo === undefined)
    throw new UsageError('--repo est obligatoire (le dossier, nouveau ou vide, du dépôt rejoint)');
  const remote = checkedRemoteUrl(url);
  const folder = await joinRepository({
    remote,
    folder: options.repo,
    credentials: new TerminalCredentialStore(),
  });
  const count = await withRepository(
    folder,
    async (session) =>
      (await session.handlers['repository:overview']({})).families
        .flatMap((family) => family.variables)
        .filter((variable) => variable.sheet).length,
  );
  process.stdout.write(fr`Dépôt rejoint dans ${folder} (${count} fiche${count > 1 ? 's' : ''}).\n`);
  return 0;
}

export async function syncCommand(options: { repo: string | undefined }): Promise<number> {
  return withRepository(options.repo, async (session) => {
    const report = await session.handlers['sync:run']({});
    const status = await session.handlers['sync:status']({});
    printReport(report, status.remote ?? '');
    return 0;
  });
}
