import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
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
