/**
 * Credentials for a remote: a user name and a password or access token. They live in a
 * store the host gives (the operating system's keychain through Electron's safeStorage in
 * the desktop app; this process's memory, filled from the environment or a prompt, in the
 * CLI and the browser host), keyed by the remote's address. Never in the repository, never
 * in an address written to disk, never in a message or a log line.
 */
export interface Credentials {
  username: string;
  password: string;
}

export interface CredentialStore {
  get(remote: string): Promise<Credentials | undefined>;
  set(remote: string, credentials: Credentials): Promise<void>;
  delete(remote: string): Promise<void>;
}

/** Held in memory for as long as the process runs. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly byRemote = new Map<string, Credentials>();

  constructor(private readonly fallback?: Credentials) {}

  async get(remote: string): Promise<Credentials | undefined> {
    return this.byRemote.get(remote) ?? this.fallback;
  }

  async set(remote: string, credentials: Credentials): Promise<void> {
    this.byRemote.set(remote, credentials);
  }

  async delete(remote: string): Promise<void> {
    this.byRemote.delete(remote);
  }
}

/** FICHES_GIT_USERNAME and FICHES_GIT_PASSWORD, for scripts and the first set-up by IT. */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const username = env.FICHES_GIT_USERNAME;
  const password = env.FICHES_GIT_PASSWORD;
  return username && password ? { username, password } : undefined;
}
