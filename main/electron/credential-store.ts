import { safeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import type { CredentialStore, Credentials } from '../services/sync/credentials.js';
import { makeDirectoryDurable, writeFileDurable } from '../services/storage/durable-write.js';

/**
 * The desktop app's credentials for shared repositories: encrypted by the operating
 * system's keychain (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the
 * Secret Service on Linux) and kept in the application's data folder, never in a
 * repository. Without a keychain (safeStorage unavailable), they are kept in memory for
 * this session only, never written in clear.
 */
type Stored = Record<string, string>;

export class SafeStorageCredentialStore implements CredentialStore {
  private readonly file: string;
  private readonly session = new Map<string, Credentials>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'credentials.json');
  }

  private async read(): Promise<Stored> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Stored) : {};
    } catch {
      return {};
    }
  }

  private async write(stored: Stored): Promise<void> {
    await makeDirectoryDurable(path.dirname(this.file));
    await writeFileDurable(this.file, `${JSON.stringify(stored, null, 2)}\n`);
  }

  async get(remote: string): Promise<Credentials | undefined> {
    const inSession = this.session.get(remote);
    if (inSession || !safeStorage.isEncryptionAvailable()) return inSession;
    const sealed = (await this.read())[remote];
    if (!sealed) return undefined;
    try {
      const parsed = JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64'))) as Credentials;
      return typeof parsed.username === 'string' && typeof parsed.password === 'string' ? parsed : undefined;
    } catch {
      // Sealed by another user or machine: as good as absent, the user is asked again.
      return undefined;
    }
  }

  async set(remote: string, credentials: Credentials): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) {
      this.session.set(remote, credentials);
      return;
    }
    const sealed = safeStorage.encryptString(JSON.stringify(credentials)).toString('base64');
    try {
      await this.write({ ...(await this.read()), [remote]: sealed });
    } catch (error) {
      throw new AppFailure(
        'io',
        fr`Les identifiants n’ont pas pu être enregistrés dans le trousseau : ${(error as Error).message}.`,
      );
    }
  }

  async delete(remote: string): Promise<void> {
    this.session.delete(remote);
    const stored = await this.read();
    if (!(remote in stored)) return;
    delete stored[remote];
    await this.write(stored);
  }
}
