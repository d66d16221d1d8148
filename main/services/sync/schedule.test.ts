import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openRepository } from '../session.js';
import { paragraphs, plain, type Team } from '../testing/team-fixture.js';
import { teamPerTest } from '../testing/team-per-test.js';

/** The interactive hosts sync on a schedule and when the repository closes, per the copy's settings. */
let team: Team;

teamPerTest(
  (fixture) => {
    ({ team } = fixture);
  },
  () => {
    vi.restoreAllMocks();
  },
);

const openInBackground = (repo: string, name: string) =>
  openRepository(repo, {
    create: 'never',
    history: { preferencesFile: join(team.dir, `${name}-preferences.json`) },
    sync: { credentials: team.bruno.credentials, background: true },
  });

describe('background syncs', () => {
  it('syncs when the repository closes, unless the settings say not to', async () => {
    const { bruno, anne } = team;
    await bruno.close();
    const session = await openInBackground(bruno.repo, 'Bruno');
    await session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Fermé par Bruno.') } },
    });
    await session.close();
    await anne.h['sync:run']({});
    expect(plain((await anne.h['sheets:get']({ id: 'big-data' })).sheet.sections.passe)).toBe(
      'Fermé par Bruno.',
    );

    const quiet = await openInBackground(bruno.repo, 'Bruno');
    await quiet.handlers['sync:settings']({ auto: false, intervalMinutes: 5, onClose: false });
    await quiet.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Resté chez Bruno.') } },
    });
    await quiet.close();
    await anne.h['sync:run']({});
    expect(plain((await anne.h['sheets:get']({ id: 'big-data' })).sheet.sections.passe)).toBe(
      'Fermé par Bruno.',
    );
    await bruno.reopen();
  });

  it('syncs every few minutes while open, at the interval of the settings', async () => {
    const { bruno, anne } = team;
    await bruno.close();
    const timers: { callback: () => void; ms: number }[] = [];
    const realSetInterval = globalThis.setInterval;
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((callback: () => void, ms: number) => {
      if (ms >= 60_000) {
        timers.push({ callback, ms });
        return { unref() {} } as unknown as ReturnType<typeof setInterval>;
      }
      return realSetInterval(callback, ms);
    }) as typeof setInterval);
    const session = await openInBackground(bruno.repo, 'Bruno');
    try {
      await session.handlers['sync:settings']({ auto: true, intervalMinutes: 3, onClose: false });
      await vi.waitFor(() => expect(timers.at(-1)?.ms).toBe(3 * 60_000));
      await session.handlers['sheets:update']({
        id: 'big-data',
        patch: { sections: { passe: paragraphs('À l’heure.') } },
      });
      timers.at(-1)?.callback();
      await vi.waitFor(async () => expect((await session.handlers['sync:status']({})).label).toBe('À jour'), {
        timeout: 20_000,
      });
      await anne.h['sync:run']({});
      expect(plain((await anne.h['sheets:get']({ id: 'big-data' })).sheet.sections.passe)).toBe('À l’heure.');
    } finally {
      await session.close();
      await bruno.reopen();
    }
  });
});
