import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '../app-root.js';
import type { ServiceHandlers } from '../session.js';
import type { GitServer } from '../testing/git-server.js';
import { sheetRevision } from '../testing/history-fixture.js';
import { paragraphs, plain, type Colleague, type Team } from '../testing/team-fixture.js';
import { teamPerTest } from '../testing/team-per-test.js';

/**
 * Two colleagues share one repository through a real git server (git http-backend) and
 * work offline on the same sheet, then sync in either order. After every scenario the
 * server's repository passes `git fsck`.
 */
let server: GitServer;
let team: Team;

teamPerTest((fixture) => {
  ({ server, team } = fixture);
});

const TRAJECTOIRE = ['Le Big Data désigne des données massives.', 'Il transforme l’industrie.'];
const PASSE = ['Avant 2000, peu de données.', 'Après 2000, le web.', 'Depuis 2010, les capteurs.'];

const save = (person: Colleague, sections: Record<string, string[]>) =>
  person.h['sheets:update']({
    id: 'big-data',
    patch: {
      sections: Object.fromEntries(Object.entries(sections).map(([id, texts]) => [id, paragraphs(...texts)])),
    },
  });
const sheetOf = async (h: ServiceHandlers) => (await h['sheets:get']({ id: 'big-data' })).sheet;
const words = (text: string) => text.split(/[\s,.’]+/).filter(Boolean);

/** Both orders of syncing: the first to sync sends, the second merges, the first receives. */
const orders = [
  ['Anne first', (t: Team) => [t.anne, t.bruno] as const],
  ['Bruno first', (t: Team) => [t.bruno, t.anne] as const],
] as const;

describe('two colleagues, one sheet, offline', () => {
  it.each(orders)('keeps both edits of different sections (%s)', async (_, order) => {
    const { anne, bruno } = team;
    await save(anne, {
      trajectoire: ['Le Big Data désigne des données massives, selon Anne.', TRAJECTOIRE[1]!],
    });
    await save(bruno, { passe: [PASSE[0]!, PASSE[1]!, 'Depuis 2010, les capteurs de Bruno.'] });
    const [first, second] = order(team);
    expect(await first.h['sync:run']({})).toMatchObject({ sent: ['big-data'], pushed: true });
    expect(await second.h['sync:run']({})).toMatchObject({
      merged: ['big-data'],
      conflicts: [],
      pushed: true,
    });
    // The first receives the merge (and sends back the revision that records it).
    expect(await first.h['sync:run']({})).toMatchObject({ received: ['big-data'] });
    for (const person of [anne, bruno]) {
      const sheet = await sheetOf(person.h);
      expect(plain(sheet.sections.trajectoire)).toContain('selon Anne');
      expect(plain(sheet.sections.passe)).toContain('les capteurs de Bruno');
      expect(sheet.conflicts).toBeUndefined();
      expect((await person.h['sync:status']({})).label).toBe('À jour');
    }
  });

  it.each(orders)(
    'keeps both edits of different paragraphs of one section, and both authors’ revisions (%s)',
    async (_, order) => {
      const { anne, bruno } = team;
      await save(anne, { passe: ['Avant 2000, peu de données, écrit Anne.', PASSE[1]!, PASSE[2]!] });
      await anne.h['history:recordVersion']({ sheetId: 'big-data', name: 'Version d’Anne' });
      await save(bruno, { passe: [PASSE[0]!, 'Après 2000, le web, écrit Bruno.', PASSE[2]!] });
      await bruno.h['history:recordVersion']({ sheetId: 'big-data', name: 'Version de Bruno' });
      const [first, second] = order(team);
      await first.h['sync:run']({});
      await second.h['sync:run']({});
      await first.h['sync:run']({});
      // The revision the first recorded on receiving the merge reaches the second too.
      await second.h['sync:run']({});
      const expected = [
        'Avant 2000, peu de données, écrit Anne.',
        'Après 2000, le web, écrit Bruno.',
        PASSE[2]!,
      ];
      for (const person of [anne, bruno]) {
        const sheet = await sheetOf(person.h);
        expect(plain(sheet.sections.passe)).toBe(expected.join('\n'));
        // 0 words lost: every word either wrote is there.
        const kept = new Set(words(plain(sheet.sections.passe)));
        for (const word of words(expected.join(' '))) expect(kept).toContain(word);
        const { revisions } = await person.h['history:list']({ sheetId: 'big-data' });
        const named = revisions.filter((r) => r.kind === 'named').map((r) => `${r.name} (${r.author})`);
        expect(named).toHaveLength(2);
        expect(named).toEqual(expect.arrayContaining(['Version d’Anne (Anne)', 'Version de Bruno (Bruno)']));
        // Each named version is still restorable, on either copy.
        const bruno1 = revisions.find((r) => r.name === 'Version de Bruno');
        const got = await sheetRevision(person.h, 'big-data', bruno1!.id);
        expect(plain(got.sheet.sections.passe)).toContain('écrit Bruno');
        expect(plain(got.sheet.sections.passe)).not.toContain('écrit Anne');
      }
      // The same list, the same numbers, on both copies.
      const listed = async (person: Colleague) =>
        (await person.h['history:list']({ sheetId: 'big-data' })).revisions.map(({ id, seq }) => ({
          id,
          seq,
        }));
      expect(await listed(anne)).toEqual(await listed(bruno));
    },
  );

  it.each(orders)(
    'records the state before a sync against this copy’s own history: it never undoes the colleague’s work (%s)',
    async (_, order) => {
      const { anne, bruno } = team;
      // Both start from the same recorded state.
      await anne.h['history:recordVersion']({ sheetId: 'big-data', name: 'Départ' });
      await anne.h['sync:run']({});
      await bruno.h['sync:run']({});
      await save(bruno, { passe: [PASSE[0]!, 'Après 2000, le web selon Bruno.', PASSE[2]!] });
      await bruno.h['history:recordVersion']({ sheetId: 'big-data', name: 'Version de Bruno' });
      // Anne's edit is saved but in no revision yet: her sync records it first (pre-sync).
      await save(anne, { trajectoire: ['Le Big Data selon Anne.', TRAJECTOIRE[1]!] });
      const [first, second] = order(team);
      await first.h['sync:run']({});
      await second.h['sync:run']({});
      await first.h['sync:run']({});
      for (const person of [anne, bruno]) {
        const listed = (await person.h['history:list']({ sheetId: 'big-data' })).revisions;
        const start = listed.find((r) => r.name === 'Départ')?.seq ?? 0;
        const revisions = listed.filter((r) => r.seq > start);
        // Only a sync's merge brings one's work into the other's revisions.
        const own = (author: string, part: string) =>
          revisions.filter((r) => r.author === author && r.kind !== 'sync' && r.changed.includes(part));
        expect(own('Anne', 'section/passe')).toEqual([]);
        expect(own('Bruno', 'section/trajectoire')).toEqual([]);
        // Anne's state before her sync, when she had to record it: her edit only.
        for (const r of revisions.filter((candidate) => candidate.kind === 'pre-sync')) {
          expect([r.author, r.changed]).toEqual(['Anne', ['section/trajectoire']]);
        }
      }
    },
  );

  it('keeps both versions of a paragraph edited on both sides, shows the same conflict to a third colleague, and resolves it', async () => {
    const { anne, bruno } = team;
    await save(anne, { passe: [PASSE[0]!, 'Après 2000, le web selon Anne.', PASSE[2]!] });
    await save(bruno, { passe: [PASSE[0]!, 'Après 2000, le web selon Bruno.', PASSE[2]!] });
    await anne.h['sync:run']({});
    const merging = await bruno.h['sync:run']({});
    expect(merging).toMatchObject({ conflicts: ['big-data'], pushed: true });
    const inConflict = await sheetOf(bruno.h);
    // Bruno's version in the sheet, Anne's whole in the conflict: no marker, no word lost.
    expect(plain(inConflict.sections.passe)).toContain('selon Bruno');
    expect(JSON.stringify(inConflict)).not.toMatch(/<<<<<<<|>>>>>>>|=======/);
    expect(inConflict.conflicts).toMatchObject([
      { part: 'section/passe', author: 'Anne', currentAuthor: 'Bruno' },
    ]);
    expect(plain(inConflict.conflicts![0]!.value as never)).toContain('selon Anne');
    expect((await bruno.h['sync:status']({})).label).toBe('Conflit à résoudre dans 1\u00a0fiche');

    // Anne, and Chloé who joins now, see the same conflict before it is resolved.
    await anne.h['sync:run']({});
    const chloe = await team.join('Chloé');
    try {
      for (const h of [anne.h, chloe.h]) expect((await sheetOf(h)).conflicts).toEqual(inConflict.conflicts);
      expect((await chloe.h['repository:overview']({})).families[0]?.variables[0]?.sheet?.conflicts).toBe(1);
    } finally {
      await chloe.close();
    }

    // Anne resolves it by editing the two together; the resolution is a revision, and reaches Bruno.
    const id = inConflict.conflicts![0]!.id;
    const revision = await anne.h['conflicts:resolve']({
      sheetId: 'big-data',
      conflictId: id,
      choice: 'edited',
      value: paragraphs(PASSE[0]!, 'Après 2000, le web selon Anne et Bruno.', PASSE[2]!),
    });
    expect(revision).toMatchObject({ kind: 'resolve', author: 'Anne' });
    expect((await sheetOf(anne.h)).conflicts).toBeUndefined();
    await anne.h['sync:run']({});
    await bruno.h['sync:run']({});
    const resolved = await sheetOf(bruno.h);
    expect(resolved.conflicts).toBeUndefined();
    expect(plain(resolved.sections.passe)).toContain('selon Anne et Bruno');
    await expect(
      bruno.h['conflicts:resolve']({ sheetId: 'big-data', conflictId: id, choice: 'other' }),
    ).rejects.toThrow(/déjà résolu/);
  });

  it('brings back a sheet deleted on one side and edited on the other, and says so (deleted here)', async () => {
    const { anne, bruno } = team;
    await anne.h['sheets:delete']({ id: 'big-data' });
    await save(bruno, { passe: [PASSE[0]!, 'Après 2000, Bruno continue.', PASSE[2]!] });
    await bruno.h['sync:run']({});
    const report = await anne.h['sync:run']({});
    const note = /«\u00a0Big Data\u00a0», supprimée ici, a été modifiée par Bruno\u00a0: elle revient/;
    expect(report.notes.join('\n')).toMatch(note);
    // The status says it too, for the interface (a scheduled sync has no one to answer).
    expect((await anne.h['sync:status']({})).lastSync?.notes?.join('\n')).toMatch(note);
    expect(plain((await sheetOf(anne.h)).sections.passe)).toContain('Bruno continue');
    await bruno.h['sync:run']({});
    expect(plain((await sheetOf(bruno.h)).sections.passe)).toContain('Bruno continue');
  });

  it('keeps a sheet deleted on one side and edited on the other, and says so (edited here)', async () => {
    const { anne, bruno } = team;
    await anne.h['sheets:delete']({ id: 'big-data' });
    await anne.h['sync:run']({});
    await save(bruno, { passe: [PASSE[0]!, 'Après 2000, Bruno continue.', PASSE[2]!] });
    const report = await bruno.h['sync:run']({});
    expect(report.notes.join('\n')).toMatch(
      /«\u00a0Big Data\u00a0», supprimée par Anne, a été modifiée ici\u00a0: elle est gardée/,
    );
    expect(plain((await sheetOf(bruno.h)).sections.passe)).toContain('Bruno continue');
    await anne.h['sync:run']({});
    expect(plain((await sheetOf(anne.h)).sections.passe)).toContain('Bruno continue');
  });

  it('keeps the variables both added to the system, and merges the family’s shared content', async () => {
    const { anne, bruno } = team;
    await anne.h['variables:add']({ familyId: 'technologies', name: 'Robotique' });
    await bruno.h['variables:add']({ familyId: 'technologies', name: 'Impression 3D' });
    await anne.h['families:update']({
      familyId: 'technologies',
      patch: { note: paragraphs('Note d’Anne.') },
    });
    await anne.h['sync:run']({});
    await bruno.h['sync:run']({});
    await anne.h['sync:run']({});
    const variables = async (person: Colleague) =>
      (await person.h['repository:overview']({})).families
        .find((family) => family.id === 'technologies')
        ?.variables.map((v) => v.id);
    // Both added at the end: both kept, in the same order on both copies.
    expect(await variables(anne)).toEqual(await variables(bruno));
    expect(await variables(anne)).toEqual(['big-data', 'cobotique', 'impression-3d', 'robotique']);
    expect(plain((await bruno.h['sheets:get']({ id: 'big-data' })).familyShared.note)).toBe('Note d’Anne.');
  });
});

describe('the state shown beside « Synchroniser »', () => {
  it('counts the sheets changed here, then says « À jour » once sent', async () => {
    const { anne } = team;
    const others = (await anne.h['repository:overview']({})).families
      .flatMap((family) => family.variables.map((variable) => variable.id))
      .filter((id) => id !== 'big-data')
      .slice(0, 2);
    for (const id of others) await anne.h['sheets:create']({ variableId: id });
    expect((await anne.h['sync:status']({})).label).toBe('2\u00a0fiches modifiées à envoyer');
    await save(anne, { passe: ['Encore.'] });
    expect(await anne.h['sync:status']({})).toMatchObject({
      state: 'to-send',
      toSend: 3,
      label: '3\u00a0fiches modifiées à envoyer',
    });
    await anne.h['sync:run']({});
    expect((await anne.h['sync:status']({})).label).toBe('À jour');
  });
});

describe('the settings files', () => {
  it('merges template.json and layout.json field by field', async () => {
    const { anne, bruno } = team;
    const edit = async (repo: string, file: string, change: (json: Record<string, unknown>) => void) => {
      const json = JSON.parse(await readFile(join(repo, file), 'utf8')) as Record<string, unknown>;
      change(json);
      await writeFile(join(repo, file), `${JSON.stringify(json, null, 2)}\n`);
    };
    // The agency's print layout joins the shared repository.
    await copyFile(join(templatesDir(), 'layout.json'), join(anne.repo, 'layout.json'));
    await anne.h['sync:run']({});
    await bruno.h['sync:run']({});
    await edit(anne.repo, 'template.json', (t) => (t.name = 'Gabarit revu par Anne'));
    await edit(anne.repo, 'layout.json', (l) => ((l.columns as { gapMm: number }).gapMm = 9));
    await edit(bruno.repo, 'template.json', (t) => (t.revisionIntervalMinutes = 7));
    await edit(bruno.repo, 'layout.json', (l) => ((l.hyphenation as { zoneMm: number }).zoneMm = 5));
    await anne.h['sync:run']({});
    expect(await bruno.h['sync:run']({})).toMatchObject({ notes: [], pushed: true });
    await anne.h['sync:run']({});
    for (const person of [anne, bruno]) {
      const template = JSON.parse(await readFile(join(person.repo, 'template.json'), 'utf8'));
      expect(template).toMatchObject({ name: 'Gabarit revu par Anne', revisionIntervalMinutes: 7 });
      const layout = JSON.parse(await readFile(join(person.repo, 'layout.json'), 'utf8'));
      expect(layout).toMatchObject({ columns: { gapMm: 9 }, hyphenation: { zoneMm: 5 } });
    }
  });
});

describe('what a merge fetches', () => {
  /** The commits of the packs `person`'s copy received since `before` (the packs then). */
  async function commitsReceived(person: Colleague, before: string[]): Promise<number> {
    const folder = join(person.repo, '.git', 'objects', 'pack');
    const packs = (await readdir(folder)).filter((name) => name.endsWith('.pack') && !before.includes(name));
    let commits = 0;
    for (const pack of packs) {
      const listing = await server.git(['verify-pack', '-v', join(folder, pack)]);
      commits += listing.split('\n').filter((line) => / commit /.test(line)).length;
    }
    return commits;
  }

  it('receives the colleague’s new commit only, not the whole history again', async () => {
    const { anne, bruno } = team;
    for (let n = 1; n <= 12; n += 1) {
      await save(anne, { passe: [`Version ${n} du passé.`] });
      await anne.h['sync:run']({});
    }
    await bruno.h['sync:run']({});
    await save(anne, { trajectoire: ['Trajectoire selon Anne.'] });
    await anne.h['sync:run']({});
    // Bruno's own change, committed before he fetches: a commit the remote does not know.
    await save(bruno, { passe: ['Version 12 du passé, relue par Bruno.'] });
    const packs = await readdir(join(bruno.repo, '.git', 'objects', 'pack'));
    const seen = (
      await readFile(join(bruno.repo, '.git', 'refs', 'remotes', 'origin', 'main'), 'utf8')
    ).trim();
    // Anne's commit, and her merge with what Bruno's last sync sent.
    const news = Number(
      await server.git(
        ['rev-list', '--count', `${seen}..main`],
        server.pathOf(new URL(team.remote).pathname),
      ),
    );
    expect(news).toBeGreaterThan(0);
    const report = await bruno.h['sync:run']({});
    expect(report.merged).toEqual(['big-data']);
    expect(await commitsReceived(bruno, packs)).toBe(news);
    const sheet = await sheetOf(bruno.h);
    expect(plain(sheet.sections.trajectoire)).toBe('Trajectoire selon Anne.');
    expect(plain(sheet.sections.passe)).toBe('Version 12 du passé, relue par Bruno.');
  });
});

describe('interoperable with git', () => {
  it('a plain git clone shows ordinary files, and git log tells the sheet’s story', async () => {
    const { anne, bruno } = team;
    // The e-mail is optional: Anne gives one (history panel), Bruno does not.
    await anne.h['preferences:set']({ authorName: 'Anne', authorEmail: 'anne@agence.fr' });
    await save(anne, { passe: [PASSE[0]!, 'Après 2000, Anne.', PASSE[2]!] });
    await anne.h['sync:run']({});
    await bruno.h['sync:run']({});
    await save(bruno, { trajectoire: ['Définition de Bruno.', TRAJECTOIRE[1]!] });
    await bruno.h['sync:run']({});
    const clone = join(team.dir, 'clone-git');
    await promisify(execFile)('git', [
      'clone',
      '--quiet',
      team.remote.replace('//', `//${server.user}:${encodeURIComponent(server.password)}@`),
      clone,
    ]);
    const files = await readdir(clone);
    expect(files).toEqual(
      expect.arrayContaining(['repository.json', 'template.json', 'sheets', 'history', '.gitignore']),
    );
    expect(files).not.toContain('.fiches.lock');
    expect(files).not.toContain('index.json');
    expect(files).not.toContain('.fiches-local.json');
    const sheet = JSON.parse(await readFile(join(clone, 'sheets', 'big-data.json'), 'utf8'));
    expect(plain(sheet.sections.trajectoire)).toContain('Définition de Bruno');
    const log = await server.git(['log', '--format=%an|%s', '--', 'sheets/big-data.json'], clone);
    const lines = log.trim().split('\n');
    expect(lines[0]).toBe('Bruno|Big Data\u00a0: Trajectoire de la variable');
    expect(lines).toContain('Anne|Big Data\u00a0: Évolution passée');
    // (The sharing commit came before Anne gave her e-mail.)
    const emails = (await server.git(['log', '--format=%an <%ae>'], clone)).trim().split('\n');
    expect(emails).toEqual(expect.arrayContaining(['Bruno <>', 'Anne <anne@agence.fr>']));
    expect(lines[lines.length - 1]).toMatch(/^Anne\|Partage du dépôt/);
  });
});
