import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '../testing/git-server.js';
import { paragraphs, plain, teamFixture, type Team } from '../testing/team-fixture.js';

let server: GitServer;
let team: Team;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  team = await teamFixture({ server });
});
afterEach(async () => {
  await team.fsck();
  await team.dispose();
});

describe('two colleagues, one sheet', () => {
  it('keeps both edits of different sections made offline, whichever syncs first', async () => {
    const { anne, bruno } = team;
    await anne.h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: {
          trajectoire: paragraphs(
            'Le Big Data désigne des données massives, selon Anne.',
            'Il transforme l’industrie.',
          ),
        },
      },
    });
    await bruno.h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: {
          passe: paragraphs(
            'Avant 2000, peu de données.',
            'Après 2000, le web.',
            'Depuis 2010, les capteurs de Bruno.',
          ),
        },
      },
    });
    const first = await bruno.h['sync:run']({});
    expect(first).toMatchObject({ sent: ['big-data'], pushed: true });
    const second = await anne.h['sync:run']({});
    expect(second).toMatchObject({ merged: ['big-data'], conflicts: [], pushed: true });
    await bruno.h['sync:run']({});
    for (const person of [anne, bruno]) {
      const { sheet } = await person.h['sheets:get']({ id: 'big-data' });
      expect(plain(sheet.sections.trajectoire)).toContain('selon Anne');
      expect(plain(sheet.sections.passe)).toContain('les capteurs de Bruno');
      expect(sheet.conflicts).toBeUndefined();
    }
    expect((await anne.h['sync:status']({})).label).toBe('À jour');
  });
});
