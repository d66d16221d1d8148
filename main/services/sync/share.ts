import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';
import { ensureWriter } from '../repository/local-state.js';
import type { CredentialStore } from './credentials.js';
import { runSync, type SyncHooks, type SyncReport } from './engine.js';
import { writeGitignore } from './gitignore.js';
import { isGitRepository, type Author, type GitRepository } from './repo.js';

/**
 * « Partager ce dépôt… »: the repository becomes a git working tree, its content the first
 * commit, pushed to an empty remote. A remote that already holds something is refused with
 * the reason (joining it is « Rejoindre un dépôt partagé… »), and so is a repository
 * already shared elsewhere. Sharing again with the same remote (after a failed first push,
 * say) simply syncs.
 */
export interface ShareOptions {
  remote: string;
  credentials: CredentialStore;
  author: Author;
  hooks?: SyncHooks;
}

export async function shareRepository(
  context: RepositoryContext,
  repo: GitRepository,
  options: ShareOptions,
): Promise<SyncReport> {
  const { remote, credentials, author } = options;
  const already = (await isGitRepository(context.layout.root)) ? await repo.remoteUrl() : undefined;
  if (already !== undefined && already !== remote) {
    throw new AppFailure(
      'already-exists',
      fr`Ce dépôt est déjà partagé avec ${already} : il ne peut pas l’être avec une autre adresse.`,
      { remote: already },
    );
  }
  if (already === undefined) {
    const refs = await repo.remoteRefs(remote, credentials);
    if (refs.length > 0) {
      throw new AppFailure(
        'remote',
        fr`Le dépôt distant ${remote} n’est pas vide (il contient déjà ${refs.length} branche${refs.length > 1 ? 's' : ''}) : Fiches ne partage un dépôt que vers un dépôt distant vide. Pour travailler sur un dépôt déjà partagé, utilisez « Rejoindre un dépôt partagé… ».`,
        { remote, refs: refs.length },
      );
    }
    await repo.init();
    await writeGitignore(context.layout.root);
    await repo.setRemote(remote);
    // From now on this copy's revisions go to its own history files (history/writer-logs.ts).
    historyOf(context).useWriter(await ensureWriter(context.layout));
    const { name } = await context.repository();
    await repo.commitWorkingTree(fr`Partage du dépôt « ${name} »\n`, author);
  }
  return runSync({
    context,
    repo,
    remote,
    credentials,
    author,
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
}
