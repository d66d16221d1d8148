import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../../shared/content/doc.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { paragraphs } from '../testing/team-fixture.js';

/**
 * An editor saves a section it started editing before a sync changed it: the save carries
 * the value it started from, and the section is merged, not replaced, so the colleague's
 * words stay.
 */
let h: ServiceHandlers;
let repo: string;
openFixturePerTest((fixture) => {
  h = fixture.h;
  repo = fixture.repo;
});

/** What a sync does to the file while the editor is open. */
async function colleagueWrites(section: string, texts: string[]): Promise<void> {
  const path = join(repo, 'sheets', 'big-data.json');
  const sheet = JSON.parse(await readFile(path, 'utf8'));
  sheet.sections[section] = paragraphs(...texts);
  await writeFile(path, JSON.stringify(sheet));
}

describe('sheets:update with the value the editor started from', () => {
  it('merges a section a sync changed meanwhile: both edits kept, the parts to read again named', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.', 'Second.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    await colleagueWrites('passe', ['Premier, revu par Bruno.', 'Second.']);
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: paragraphs('Premier.', 'Second, revu par Anne.') },
        base: { sections: { passe: start } },
      },
    });
    expect(summary.merged).toEqual(['section/passe']);
    const { sheet } = await h['sheets:get']({ id: 'big-data' });
    expect(textOf(sheet.sections.passe!)).toBe('Premier, revu par Bruno.\nSecond, revu par Anne.');
    expect(sheet.conflicts).toBeUndefined();
  });

  it('keeps both versions of a paragraph both changed, in a conflict', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    await colleagueWrites('passe', ['Premier, selon Bruno.']);
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: paragraphs('Premier, selon Anne.') },
        base: { sections: { passe: start } },
      },
    });
    expect(summary).toMatchObject({ merged: ['section/passe'], conflicts: 1 });
    const { sheet } = await h['sheets:get']({ id: 'big-data' });
    expect(textOf(sheet.sections.passe!)).toBe('Premier, selon Anne.');
    expect(textOf(sheet.conflicts![0]!.value as never)).toBe('Premier, selon Bruno.');
  });

  it('replaces as before when the file still holds what the editor started from, or no base is sent', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    const same = await h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Autre.') }, base: { sections: { passe: start } } },
    });
    expect(same.merged).toBeUndefined();
    await colleagueWrites('passe', ['Bruno.']);
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: paragraphs('Anne.') } } });
    expect(textOf((await h['sheets:get']({ id: 'big-data' })).sheet.sections.passe!)).toBe('Anne.');
  });
});
