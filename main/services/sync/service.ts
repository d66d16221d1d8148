import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';
import { readSyncSettings, saveSyncSettings, type SyncSettings } from '../repository/local-state.js';
import {
  environmentCredentials,
  MemoryCredentialStore,
  type CredentialStore,
  type Credentials,
} from './credentials.js';
import { runSync, type SyncHooks, type SyncReport } from './engine.js';
import { checkedRemoteUrl } from './remote-url.js';
import { GitRepository, isGitRepository, type Author } from './repo.js';
import { shareRepository } from './share.js';
import { computeStatus, type SyncStatus } from './status.js';

/**
 * The sync side of one open repository: one sync at a time (a second request waits for the
 * one running), the outcome of the last one (offline, credentials refused…) for the status,
 * a schedule while the repository is open, and one last sync when it closes, both per the
 * copy's settings. Attached to the repository's context, as the history is.
 */
export interface SyncOptions {
  /** Where credentials live; this process's memory (and the environment) by default. */
  credentials?: CredentialStore;
  /** Sync on a schedule and on close (the interactive hosts); never in one-shot CLI commands. */
  background?: boolean;
  hooks?: SyncHooks;
  /** The repository was just made from the sample (first start): joining is offered first. */
  newSample?: boolean;
}

export interface LastSync {
  at: string;
  ok: boolean;
  report?: SyncReport;
  /** The failure's code and message (offline, unauthorized, remote…). */
  error?: { code: string; message: string };
}

const CLOSE_DEADLINE_MS = 20_000;

export class SyncService {
  readonly credentials: CredentialStore;
  readonly repo: GitRepository;
  /** Bumped each time a sync changed files here: open views read them again. */
  generation = 0;
  last: LastSync | undefined;
  private running: Promise<SyncReport> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly context: RepositoryContext,
    private readonly options: SyncOptions,
  ) {
    this.credentials = options.credentials ?? new MemoryCredentialStore(environmentCredentials());
    this.repo = new GitRepository(context.layout.root);
  }

  /** Just made from the sample and never shared: the home view offers to join a team's repository. */
  get newSample(): boolean {
    return this.options.newSample === true;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  async remote(): Promise<string | undefined> {
    if (!(await isGitRepository(this.context.layout.root))) return undefined;
    return this.repo.remoteUrl();
  }

  private async author(): Promise<Author> {
    const { authorName, authorEmail } = await historyOf(this.context).preferences.author();
    return { name: authorName, email: authorEmail ?? '' };
  }

  /** Runs `work` as the one sync of this repository, remembering how it ended. */
  private exclusive(work: () => Promise<SyncReport>): Promise<SyncReport> {
    if (this.running) return this.running;
    const running = (async () => {
      try {
        const report = await work();
        this.last = { at: new Date().toISOString(), ok: true, report };
        if (report.received.length + report.merged.length + report.conflicts.length > 0) this.generation += 1;
        return report;
      } catch (error) {
        const failure = error instanceof AppFailure ? error : undefined;
        this.last = {
          at: new Date().toISOString(),
          ok: false,
          error: {
            code: failure?.code ?? 'internal',
            message: failure?.message ?? String((error as Error)?.message ?? error),
          },
        };
        // Files may have changed before the failure: views read them again.
        this.generation += 1;
        throw error;
      } finally {
        this.running = undefined;
      }
    })();
    this.running = running;
    return running;
  }

  async sync(): Promise<SyncReport> {
    const remote = await this.remote();
    if (!remote) {
      throw new AppFailure(
        'invalid-request',
        fr`Ce dépôt n’est pas partagé : partagez-le d’abord (« Partager ce dépôt… »).`,
      );
    }
    return this.exclusive(async () =>
      runSync({
        context: this.context,
        repo: this.repo,
        remote,
        credentials: this.credentials,
        author: await this.author(),
        ...(this.options.hooks ? { hooks: this.options.hooks } : {}),
      }),
    );
  }

  async share(url: string, credentials?: Credentials): Promise<SyncReport> {
    const remote = checkedRemoteUrl(url);
    if (credentials) await this.credentials.set(remote, credentials);
    const report = await this.exclusive(async () =>
      shareRepository(this.context, this.repo, {
        remote,
        credentials: this.credentials,
        author: await this.author(),
        ...(this.options.hooks ? { hooks: this.options.hooks } : {}),
      }),
    );
    this.startSchedule();
    return report;
  }

  /** Credentials given after the server asked for them (or refused the last ones). */
  async setCredentials(credentials: Credentials): Promise<void> {
    const remote = await this.remote();
    if (!remote) throw new AppFailure('invalid-request', fr`Ce dépôt n’est pas partagé.`);
    await this.credentials.set(remote, credentials);
  }

  async status(): Promise<SyncStatus> {
    return computeStatus(this, await this.settings());
  }

  settings(): Promise<SyncSettings> {
    return readSyncSettings(this.context.layout);
  }

  async setSettings(settings: SyncSettings): Promise<SyncSettings> {
    const saved = await saveSyncSettings(this.context.layout, settings);
    this.startSchedule();
    return saved;
  }

  /** The schedule of the interactive hosts: every few minutes while the repository is open. */
  startSchedule(): void {
    if (!this.options.background) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    void this.settings().then(async (settings) => {
      if (!settings.auto || !(await this.remote())) return;
      this.timer = setInterval(() => {
        // A failed scheduled sync (offline…) is in the status; the next tick tries again.
        this.sync().catch(() => undefined);
      }, settings.intervalMinutes * 60_000);
      this.timer.unref();
    });
  }

  /** The repository is closing: stop the schedule, and sync one last time if the settings say so. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.running) await this.running.catch(() => undefined);
    if (!this.options.background || !(await this.remote()) || !(await this.settings()).onClose) return;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => (timeout = setTimeout(resolve, CLOSE_DEADLINE_MS)));
    await Promise.race([this.sync().catch(() => undefined), deadline]);
    clearTimeout(timeout);
  }
}

const services = new WeakMap<RepositoryContext, SyncService>();

export function attachSync(context: RepositoryContext, options: SyncOptions = {}): SyncService {
  const service = new SyncService(context, options);
  services.set(context, service);
  return service;
}

export function syncOf(context: RepositoryContext): SyncService {
  return services.get(context) ?? attachSync(context);
}
