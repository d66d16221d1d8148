import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../../shared/content/doc.js';
import { openRepository } from '../session.js';
import { bundleScript } from '../testing/child-script.js';
import { fixtureTemplate, tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import { sheetRevision } from '../testing/history-fixture.js';

/**
 * A process saving a sheet and recording revisions as fast as it can is killed with
 * SIGKILL at random moments, many times. Each time, the repository opens again with the
 * sheet whole, its history whole (no damaged line: a torn tail is cut, never reported),
 * every revision readable, and the last acknowledged save and named version there.
 */
const childSource = (module: string) => `
import { openRepository } from ${JSON.stringify(module)};
const [repo, preferencesFile, firstArg] = process.argv.slice(2);
const session = await openRepository(repo, { create: 'never', history: { preferencesFile } });
const h = session.handlers;
const paragraph = (text) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
process.stdout.write('ready\\n');
for (let n = Number(firstArg); ; n += 1) {
  await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: paragraph('Sauvegarde ' + n) } } });
  process.stdout.write('ack ' + n + '\\n');
  if (n % 3 === 0) {
    await h['history:recordVersion']({ sheetId: 'big-data', name: 'Version ' + n });
    process.stdout.write('named ' + n + '\\n');
  }
}
`;

let dir: string;
let repo: string;
let script: string;
let preferencesFile: string;

beforeAll(async () => {
  dir = await tempDir('fiches-history-crash-');
  // A revision at nearly every save, so kills land in the middle of recording them.
  repo = await writeFixtureRepository(join(dir, 'depot'), {
    template: { ...fixtureTemplate, revisionIntervalMinutes: 0.0001 },
  });
  preferencesFile = join(dir, 'preferences.json');
  const session = await openRepository(repo, { create: 'never', history: { preferencesFile } });
  await session.handlers['sheets:create']({ variableId: 'big-data' });
  await session.close();
  const module = fileURLToPath(new URL('../session.ts', import.meta.url));
  script = await bundleScript(childSource(module), dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Acknowledged {
  save: number;
  named: number;
}

function runAndKill(first: number, afterMs: number): Promise<Acknowledged> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, repo, preferencesFile, String(first)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: Acknowledged = { save: -1, named: -1 };
    let pending = '';
    child.on('error', reject);
    child.on('exit', () => resolve(acked));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs);
        const [what, n] = line.split(' ');
        if (what === 'ack') acked.save = Number(n);
        if (what === 'named') acked.named = Number(n);
      }
    });
  });
}

describe('history under SIGKILL', () => {
  it('keeps the sheet and its history whole, with the last acknowledged save', async () => {
    let next = 1;
    let revisionsSeen = 0;
    for (let round = 0; round < 12; round += 1) {
      const acked = await runAndKill(next, 40 + Math.floor(Math.random() * 160));
      const session = await openRepository(repo, { create: 'never', history: { preferencesFile } });
      try {
        const h = session.handlers;
        const sheet = (await h['sheets:get']({ id: 'big-data' })).sheet;
        const saved = Number(
          /^Sauvegarde (\d+)$/.exec(textOf(sheet.sections['passe'] ?? { type: 'doc' }))?.[1] ?? 0,
        );
        // The save acknowledged last is there (or the one after it, done but not yet acknowledged).
        expect(saved).toBeGreaterThanOrEqual(acked.save);

        const { revisions, problems } = await h['history:list']({ sheetId: 'big-data' });
        expect(problems).toEqual([]);
        expect(revisions.filter((revision) => revision.damaged)).toEqual([]);
        expect(revisions.length).toBeGreaterThanOrEqual(revisionsSeen);
        revisionsSeen = revisions.length;
        if (acked.named > 0) expect(revisions.map((r) => r.name)).toContain(`Version ${acked.named}`);
        // Every revision of this round reads back whole.
        for (const revision of revisions.slice(0, 12)) {
          const { sheet: old } = await sheetRevision(h, 'big-data', revision.seq);
          expect(textOf(old.sections['passe'] ?? { type: 'doc' })).toMatch(/^(Sauvegarde \d+)?$/);
        }
        next = saved + 1;
      } finally {
        await session.close();
      }
    }
    expect(revisionsSeen).toBeGreaterThan(12);
  }, 120_000);
});
