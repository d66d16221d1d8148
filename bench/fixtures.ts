import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import { syntheticSections, type SyntheticOptions } from '../main/services/export/testing/synthetic.js';
import { openRepository } from '../main/services/index.js';

/** A fresh repository created from the sample, in a temp folder of its own. */
export async function sampleRepository(label: string) {
  const folder = await mkdtemp(join(tmpdir(), `fiches-bench-${label}-`));
  const path = join(folder, 'depot');
  const session = await openRepository(path, { create: 'if-missing' });
  return { path, session };
}

/** A section of `count` paragraphs of ordinary French prose. */
export function longSection(count: number): DocNode {
  const sentence =
    'Le Big Data désigne un ensemble de données volumineux qui augmente de façon exponentielle avec le développement d’internet.';
  return {
    type: 'doc',
    content: Array.from({ length: count }, (_, index) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${index + 1}. ${sentence}` }],
    })),
  };
}

/** The variable whose sheet the long-sheet benchmarks fill. */
export const LONG_SHEET_ID = 'intelligence-artificielle';

/**
 * A fresh sample repository whose LONG_SHEET_ID sheet holds a synthetic long text with
 * figures and tables (returned too); `work` is the temp folder holding it, for outputs
 * and clean-up.
 */
export async function longSheetRepository(label: string, options: SyntheticOptions) {
  const { path, session } = await sampleRepository(label);
  const template = await session.handlers['template:get']({});
  const sections = await syntheticSections(path, template, options);
  await session.handlers['sheets:create']({ variableId: LONG_SHEET_ID });
  await session.handlers['sheets:update']({ id: LONG_SHEET_ID, patch: { sections } });
  return { path, session, work: dirname(path), template, sections };
}
