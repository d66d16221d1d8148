import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../services/testing/fixtures.js';

/** Electron replaced at the module boundary: safeStorage seals with a reversible stand-in. */
const keychain = vi.hoisted(() => ({ available: true }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    encryptString: (text: string) => Buffer.from(`scellé:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('scellé:')) throw new Error('not ours');
      return Buffer.from(text.slice('scellé:'.length), 'hex').toString();
    },
  },
}));

const { SafeStorageCredentialStore } = await import('./credential-store.js');

let dir: string;
beforeEach(async () => {
  dir = await tempDir('fiches-credentials-');
  keychain.available = true;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const remote = 'https://git.agence.fr/prospective/industrie.git';
const login = { username: 'anne', password: 'mot-de-passe-très-secret' };

describe('SafeStorageCredentialStore', () => {
  it('keeps credentials sealed by the keychain in the app’s data folder, never in clear', async () => {
    const store = new SafeStorageCredentialStore(dir);
    await store.set(remote, login);
    const file = await readFile(join(dir, 'credentials.json'), 'utf8');
    expect(file).not.toContain(login.password);
    expect(file).not.toContain(Buffer.from(login.password).toString('base64'));
    // Another run of the app reads them back.
    expect(await new SafeStorageCredentialStore(dir).get(remote)).toEqual(login);
    await store.delete(remote);
    expect(await new SafeStorageCredentialStore(dir).get(remote)).toBeUndefined();
  });

  it('keeps them for this session only when the system has no keychain', async () => {
    keychain.available = false;
    const store = new SafeStorageCredentialStore(dir);
    await store.set(remote, login);
    expect(await store.get(remote)).toEqual(login);
    await expect(readFile(join(dir, 'credentials.json'))).rejects.toThrow();
    expect(await new SafeStorageCredentialStore(dir).get(remote)).toBeUndefined();
  });
});
