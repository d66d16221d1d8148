import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import { sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

/** Durable save (temp, fsync, rename, fsync folder) of the Big Data sheet, one section changed each time. */
export async function benchSave(): Promise<void> {
  const { path, session } = await sampleRepository('save');
  try {
    const view = await session.handlers['sheets:get']({ id: 'big-data' });
    const base = view.sheet.sections['passe'] as DocNode;
    const timings: number[] = [];
    for (let i = 0; i < 220; i += 1) {
      const section: DocNode = {
        ...base,
        content: [
          ...(base.content ?? []),
          { type: 'paragraph', content: [{ type: 'text', text: `Ajout ${i}` }] },
        ],
      };
      const start = performance.now();
      await session.handlers['sheets:update']({ id: 'big-data', patch: { sections: { passe: section } } });
      if (i >= 20) timings.push(performance.now() - start);
    }
    report('save-big-data-p50', percentile(timings, 50), 'ms', 'with fsync, 200 saves');
    report('save-big-data-p95', percentile(timings, 95), 'ms', 'target ≤ 50');
  } finally {
    await session.close();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
