import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../services/sync/credentials.js';
import type { GitServer } from '../services/testing/git-server.js';
import type { Team } from '../services/testing/team-fixture.js';
import { teamPerTest } from '../services/testing/team-per-test.js';
import { CurrentRepository } from './current-repository.js';
import { joinAndOpen, joinProgress } from './join.js';

/** `sync:join` as both hosts answer it: clone, report how far it is, then open the copy. */
let server: GitServer;
let team: Team;

teamPerTest(
  (fixture) => {
    ({ server, team } = fixture);
  },
  () => {
    server.setChunkDelay(0);
  },
);

describe('joinAndOpen', () => {
  it('reports its progress while the remote is copied, then opens the copy in place of the current one', async () => {
    const current = await CurrentRepository.open(join(team.dir, 'premier-depart'));
    try {
      // The server answers slowly enough for the progress to be watched, as the dialog does.
      server.setChunkDelay(60);
      const seen: string[] = [];
      let done = false;
      const watching = (async () => {
        while (!done) {
          const now = joinProgress();
          if (now) seen.push(`${now.phase} ${now.loaded}/${now.total ?? '?'}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      const credentials = new MemoryCredentialStore();
      const folder = join(team.dir, 'chloe');
      const joined = await joinAndOpen(
        current,
        { remote: team.remote, folder, username: server.user, password: server.password },
        credentials,
      ).finally(() => (done = true));
      await watching;
      expect(joined).toEqual({ path: folder });
      expect(current.path).toBe(folder);
      expect((await current.handlers['sync:status']({})).label).toBe('À jour');
      // What the dialog showed: the connection, then the phases of the copy, with figures.
      expect(seen[0]).toMatch(/^Connexion/);
      expect(
        seen.some((line) => /^(Counting|Compressing|Receiving|Resolving) objects \d+\/\d+/.test(line)),
      ).toBe(true);
      // Nothing under way any more.
      expect(joinProgress()).toBeNull();
      // The credentials given are kept for the next syncs, by the host's store.
      expect(await credentials.get(team.remote)).toEqual({
        username: server.user,
        password: server.password,
      });
    } finally {
      await current.close();
    }
  });
});
