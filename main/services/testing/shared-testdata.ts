import { join } from 'node:path';
import { findAppRoot } from '../app-root.js';

/**
 * Third-party test files live beside the checkout, in `../shared/testdata/` (where CI puts
 * them too), with their licence: they are read from there, never copied into the project.
 */
export function sharedTestdata(...parts: string[]): string {
  return join(findAppRoot(), '..', 'shared', 'testdata', ...parts);
}

/** One of mammoth.js's test documents (BSD 2-Clause, ../shared/testdata/docx-mammoth/LICENSE). */
export function mammothDocx(name: string): string {
  return sharedTestdata('docx-mammoth', `${name}.docx`);
}
