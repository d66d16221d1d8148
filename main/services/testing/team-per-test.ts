import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startGitServer, type GitServer } from './git-server.js';
import { teamFixture, type Team } from './team-fixture.js';

export interface TeamPerTest {
  /** The git server of the calling file, started once for all its tests. */
  server: GitServer;
  team: Team;
}

/**
 * Gives every test of the calling file a new team (Anne shared, Bruno joined) on one git
 * server started for the file; `onReady` receives them (to keep them in the file's
 * variables, or to add to them). After each test `afterTest` runs, then the remote must pass
 * `git fsck`, and the team's folders are removed even when it does not.
 */
export function teamPerTest(
  onReady: (fixture: TeamPerTest) => void | Promise<void>,
  afterTest?: (fixture: TeamPerTest) => void | Promise<void>,
): void {
  let server: GitServer | undefined;
  let current: TeamPerTest | undefined;
  beforeAll(async () => {
    server = await startGitServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    current = { server: server!, team: await teamFixture({ server: server! }) };
    await onReady(current);
  });
  afterEach(async () => {
    if (!current) return;
    const { team } = current;
    try {
      await afterTest?.(current);
      await team.fsck();
    } finally {
      await team.dispose();
      current = undefined;
    }
  });
}
