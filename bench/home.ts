import { rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openRepository } from '../main/services/index.js';
import { sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

const SHEETS = 300;

/** Home view data (every variable with its sheet's status and completeness) for 300 sheets. */
export async function benchHome(): Promise<void> {
  const { path, session } = await sampleRepository('home');
  const bigData = await session.handlers['sheets:get']({ id: 'big-data' });
  const overview = await session.handlers['repository:overview']({});
  const familyId = overview.families[0]?.id as string;
  let existing = overview.families.reduce((sum, family) => sum + family.variables.length, 0);
  for (let i = 0; existing < SHEETS; i += 1, existing += 1) {
    await session.handlers['variables:add']({ familyId, name: `Variable de charge ${i + 1}` });
  }
  const all = await session.handlers['repository:overview']({});
  for (const family of all.families) {
    for (const variable of family.variables) {
      if (variable.sheet) continue;
      await session.handlers['sheets:create']({ variableId: variable.id });
      await session.handlers['sheets:update']({
        id: variable.id,
        patch: { sections: bigData.sheet.sections, status: 'review' },
      });
    }
  }
  await session.close();

  try {
    // Cold: a new session with no summary cache on disk reads every sheet.
    await unlink(join(path, 'index.json')).catch(() => undefined);
    const cold = await openRepository(path, { create: 'never' });
    let start = performance.now();
    const cover = await cold.handlers['repository:overview']({});
    report('home-300-sheets-cold', performance.now() - start, 'ms', 'no summary cache: reads all 300 sheets');
    await cold.close();

    // A new session finds the cache written by the previous one: the usual case at start-up.
    const reopened = await openRepository(path, { create: 'never' });
    start = performance.now();
    await reopened.handlers['repository:overview']({});
    report('home-300-sheets-start', performance.now() - start, 'ms', 'target ≤ 100');
    const warm: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      start = performance.now();
      await reopened.handlers['repository:overview']({});
      warm.push(performance.now() - start);
    }
    report('home-300-sheets-p95', percentile(warm, 95), 'ms', 'returning to the home view');
    const count = cover.families.flatMap((family) => family.variables).filter((v) => v.sheet).length;
    if (count < SHEETS) throw new Error(`bench repository holds ${count} sheets, expected ${SHEETS}`);
    await reopened.close();
  } finally {
    await rm(dirname(path), { recursive: true, force: true });
  }
}
