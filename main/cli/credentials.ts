import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { fr } from '../services/french.js';
import {
  environmentCredentials,
  type CredentialStore,
  type Credentials,
} from '../services/sync/credentials.js';

/**
 * The CLI's credentials: FICHES_GIT_USERNAME and FICHES_GIT_PASSWORD, else asked on the
 * terminal (the password without echo), kept in memory for this command only. Without a
 * terminal and without the variables there is nothing to give: the server's refusal says so.
 */
async function ask(remote: string): Promise<Credentials | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const host = new URL(remote).host;
    const username = (await prompt.question(fr`Nom d’utilisateur pour ${host} : `)).trim();
    process.stderr.write(fr`Mot de passe (ou jeton d’accès) : `);
    muted = true;
    const password = await prompt.question('');
    muted = false;
    process.stderr.write('\n');
    return username && password ? { username, password } : undefined;
  } finally {
    prompt.close();
  }
}

export class TerminalCredentialStore implements CredentialStore {
  private readonly known = new Map<string, Credentials>();
  private asked = new Set<string>();

  async get(remote: string): Promise<Credentials | undefined> {
    const known = this.known.get(remote) ?? environmentCredentials();
    if (known) return known;
    // Asked once per command: refused credentials end the command, they are not asked in a loop.
    if (this.asked.has(remote)) return undefined;
    this.asked.add(remote);
    const given = await ask(remote);
    if (given) this.known.set(remote, given);
    return given;
  }

  async set(remote: string, credentials: Credentials): Promise<void> {
    this.known.set(remote, credentials);
  }

  async delete(remote: string): Promise<void> {
    this.known.delete(remote);
  }
}
