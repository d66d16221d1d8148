import type { AnyExtension } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { contentExtensions } from '../../shared/content/schema.js';
import { FrenchTypography } from './french-typography.js';
import { FichesShortcuts } from './shortcuts.js';

/** The shared node set, plus what only an editing view needs. */
export function editorExtensions(placeholder: string): AnyExtension[] {
  return [...contentExtensions(), Placeholder.configure({ placeholder }), FrenchTypography, FichesShortcuts];
}
