import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import { openRepository } from '../session.js';
import { tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import { MemoryCredentialStore } from './credentials.js';
import { checkedRemoteUrl } from './remote-url.js';
import { failure } from '../testing/failure.js';

/** Only http(s) remotes, no credentials in an address, and certificates always verified. */
const run = promisify(execFile);

describe('only http(s), TLS verified', () => {
  it.each([
    'file:///tmp/depot.git',
    'ssh://git@serveur/depot.git',
    'git://serveur/depot.git',
    'ext::sh -c touch% /tmp/pirate',
    'https://anne:secret@serveur/depot.git',
    '/tmp/depot.git',
    'serveur:depot.git',
  ])('refuses %s', (url) => {
    expect(() => checkedRemoteUrl(url)).toThrow(AppFailure);
    try {
      checkedRemoteUrl(url);
    } catch (error) {
      expect((error as AppFailure).message).not.toContain('secret');
    }
  });

  it.each([
    'http://git.example.org/depot.git',
    'http://8.8.8.8/depot.git',
    'http://172.32.0.1/depot.git',
    'http://[2001:db8::1]/depot.git',
  ])('refuses plain http beyond the local network: %s', (url) => {
    expect(() => checkedRemoteUrl(url)).toThrow(/http n’est accepté que sur un réseau local/);
  });

  it.each([
    'http://127.0.0.1:8080/depot.git',
    'http://localhost/depot.git',
    'http://192.168.1.20/equipe/depot.git',
    'http://10.0.0.5/depot.git',
    'http://172.20.0.1/depot.git',
    'http://169.254.10.1/depot.git',
    'http://[::1]:3000/depot.git',
    'http://[fd12:3456::1]/depot.git',
    'http://gitea/depot.git',
    'http://gitea.agence.local/depot.git',
    'http://forge.home.arpa/depot.git',
    'https://git.example.org/depot.git',
  ])('accepts %s', (url) => {
    expect(checkedRemoteUrl(url)).toBe(new URL(url).href);
  });

  it('refuses a server whose certificate is not trusted, before sending anything', async () => {
    const dir = await tempDir();
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    const requests: string[] = [];
    const https = createHttpsServer(
      { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
      (request, response) => {
        requests.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
        response.writeHead(404).end();
      },
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const { port } = https.address() as AddressInfo;
    const session = await openRepository(await writeFixtureRepository(join(dir, 'depot')), {
      create: 'never',
      sync: { credentials: new MemoryCredentialStore() },
    });
    try {
      const refused = await failure(
        session.handlers['sync:share']({
          remote: `https://127.0.0.1:${port}/depot.git`,
          username: 'anne',
          password: 'secret',
        }),
      );
      expect(refused.code).toBe('remote');
      expect(refused.message).toContain('certificat');
      expect(requests).toEqual([]);
    } finally {
      await session.close();
      https.closeAllConnections();
      await new Promise<void>((resolve) => https.close(() => resolve()));
    }
  });
});
