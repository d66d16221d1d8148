import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from '../testing/child-script.js';
import { tempDir } from '../testing/fixtures.js';
import type { GitServer } from '../testing/git-server.js';
import { paragraphs, plain, type Team } from '../testing/team-fixture.js';
import { teamPerTest } from '../testing/team-per-test.js';

/**
 * A sync killed with SIGKILL in each of its phases (commit, fetch, merge, push): Anne's
 * sync runs in a child process, stopped at a phase by a hook (or, for the network phases,
 * while its request is with the server). Each time the repository opens again, nothing
 * she or Bruno wrote is lost, the next sync completes, and the remote passes git fsck.
 */
const childSource = (session: string, credentials: string) => `
import { openRepository } from ${JSON.stringify(session)};
import { MemoryCredentialStore } from ${JSON.stringify(credentials)};
const [repo, preferencesFile, stopAt, user, password] = process.argv.slice(2);
const store = new MemoryCredentialStore({ username: user, password });
const hooks = {
  at: async (point, detail) => {
    const here = detail ? point + ':' + detail : point;
    if (here !== stopAt && point !== stopAt) return;
    process.stdout.write('stopped ' + here + '\\n');
    await new Promise(() => {});
  },
};
const session = await openRepository(repo, { create: 'never', history: { preferencesFile }, sync: { credentials: store, hooks } });
process.stdout.write('ready\\n');
await session.handlers['sync:run']({});
process.stdout.write('done\\n');
await session.close();
`;

let server: GitServer;
let team: Team;
let script: string;

beforeAll(async () => {
  const dir = await tempDir('fiches-sync-crash-');
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  script = await bundleScript(childSource(here('../session.ts'), here('./credentials.ts')), dir);
}, 120_000);
teamPerTest(async (fixture) => {
  ({ server, team } = fixture);
  // Bruno sent an edit of one section; Anne edited another, offline: her sync must merge.
  await team.bruno.h['sheets:update']({
    id: 'big-data',
    patch: { sections: { passe: paragraphs('Avant 2000, peu de données.', 'Bruno a écrit ceci.') } },
  });
  await team.bruno.h['sync:run']({});
  await team.anne.h['sheets:update']({
    id: 'big-data',
    patch: { sections: { trajectoire: paragraphs('Anne a écrit cela.', 'Il transforme l’industrie.') } },
  });
  await team.anne.close();
});

function startChild(stopAt: string): {
  child: ChildProcess;
  output: Promise<string>;
  line: (text: string) => Promise<void>;
} {
  const child = spawn(
    process.execPath,
    [script, team.anne.repo, join(team.dir, 'Anne-preferences.json'), stopAt, server.user, server.password],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const waiter of waiters.filter((w) => out.includes(w.text))) waiter.resolve();
  });
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const output = new Promise<string>((resolve) => child.on('close', () => resolve(out)));
  return {
    child,
    output,
    line: (text) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        child.on('close', () => reject(new Error(`child ended without « ${text} »: ${out}`)));
      }),
  };
}

async function killWhenServerSees(run: ReturnType<typeof startChild>, request: RegExp): Promise<void> {
  await run.line('ready');
  const seen = server.requests.length;
  for (let i = 0; i < 2000 && !server.requests.slice(seen).some((r) => request.test(r)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(server.requests.slice(seen).some((r) => request.test(r))).toBe(true);
  run.child.kill('SIGKILL');
}

async function recoversEverything(): Promise<void> {
  const { anne, bruno } = team;
  await anne.reopen();
  // Nothing lost on Anne's copy, whatever was half-done.
  const before = (await anne.h['sheets:get']({ id: 'big-data' })).sheet;
  expect(plain(before.sections.trajectoire)).toContain('Anne a écrit cela.');
  // The next sync completes and brings Bruno's words; Bruno gets Anne's.
  await anne.h['sync:run']({});
  await bruno.h['sync:run']({});
  for (const person of [anne, bruno]) {
    const { sheet } = await person.h['sheets:get']({ id: 'big-data' });
    expect(plain(sheet.sections.trajectoire)).toContain('Anne a écrit cela.');
    expect(plain(sheet.sections.passe)).toContain('Bruno a écrit ceci.');
    expect(sheet.conflicts).toBeUndefined();
    expect((await person.h['history:list']({ sheetId: 'big-data' })).problems).toEqual([]);
  }
  expect((await anne.h['sync:status']({})).label).toBe('À jour');
}

describe('kill -9 during a sync', () => {
  it.each(['commit', 'commit:staged', 'fetch', 'merge', 'apply:sheets/big-data.json', 'push'])(
    'stopped at %s, the repository reopens, nothing is lost, the next sync completes',
    async (point) => {
      const run = startChild(point);
      await run.line(`stopped ${point}`);
      run.child.kill('SIGKILL');
      await run.output;
      await recoversEverything();
    },
  );

  it.each([
    ['while fetching', /^POST .*git-upload-pack/],
    ['while pushing', /^POST .*git-receive-pack/],
  ])('killed %s, the repository reopens, nothing is lost, the next sync completes', async (_, request) => {
    const run = startChild('never');
    await killWhenServerSees(run, request);
    await run.output;
    await recoversEverything();
  });
});
