import type { Editor } from '@tiptap/core';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import { nearPos } from '../far-blocks/far-blocks-rules.js';
import type { ImportedAsset } from '../../../shared/content/assets.js';
import { notify, withProgress } from '../notices/notices.js';
import { importImage, pickImageFiles } from './import-images.js';

/**
 * A new figure (or table) goes after the top-level block the cursor (or `at`) is in, or
 * replaces it when it is an empty paragraph: never inside a list, a quotation or another
 * figure. `doc` has no run of far blocks around there (nearPos).
 */
export function insertionRange(doc: PmNode, selection: Selection, at?: number): { from: number; to: number } {
  const $pos = at === undefined ? selection.$from : doc.resolve(at);
  if (at === undefined && selection instanceof NodeSelection && $pos.depth === 0) {
    return { from: selection.to, to: selection.to };
  }
  if ($pos.depth === 0) return { from: $pos.pos, to: $pos.pos };
  const top = $pos.node(1);
  const before = $pos.before(1);
  if (top.type.name === 'paragraph' && top.content.size === 0)
    return { from: before, to: before + top.nodeSize };
  return { from: $pos.after(1), to: $pos.after(1) };
}

export function figureNode(schema: Schema, asset: string | null, caption = ''): PmNode | undefined {
  const { figure, caption: captionType, sourceLine } = schema.nodes;
  if (!figure || !captionType || !sourceLine) return undefined;
  return figure.create({ asset }, [
    captionType.create(null, caption ? schema.text(caption) : null),
    sourceLine.create(),
  ]);
}

/** Inserts blocks and puts the cursor in the first one's caption, for the user to type it. */
export function insertBlocks(editor: Editor, blocks: PmNode[], at?: number): boolean {
  if (blocks.length === 0) return false;
  const { state, view } = editor;
  // A drop position may be stale once the images are imported: the document can have shrunk.
  // A drop into a run of far blocks: the run back at the top level first.
  const near =
    at === undefined
      ? { tr: state.tr, pos: undefined }
      : nearPos(state, Math.min(at, state.doc.content.size));
  const { tr } = near;
  const { from, to } = insertionRange(tr.doc, tr.selection, near.pos);
  tr.replaceWith(from, to, blocks);
  tr.setSelection(TextSelection.create(tr.doc, from + 2)).scrollIntoView();
  view.dispatch(tr);
  view.focus();
  return true;
}

/** Imports the files one by one (each refused file says why), then inserts a figure per image. */
export async function importFiles(files: readonly File[]): Promise<ImportedAsset[]> {
  const imported: ImportedAsset[] = [];
  for (const file of files) {
    const name = file.name || 'image collée';
    const result = await withProgress(`Import de l’image «\u00a0${name}\u00a0»…`, () =>
      importImage(file, name),
    );
    if (!result.ok) {
      notify('error', result.error.message);
      continue;
    }
    imported.push(result.value);
    if (result.value.removed.length > 0) {
      notify(
        'info',
        `Image SVG «\u00a0${name}\u00a0» nettoyée\u00a0: ${result.value.removed.join(', ')} retiré(s), car ils pourraient exécuter du code ou charger un autre fichier.`,
      );
    }
  }
  return imported;
}

export async function insertFigures(editor: Editor, files: readonly File[], at?: number): Promise<boolean> {
  const imported = await importFiles(files);
  if (editor.isDestroyed) return false;
  const blocks = imported.flatMap((asset) => figureNode(editor.schema, asset.assetId) ?? []);
  return insertBlocks(editor, blocks, at);
}

/** The toolbar's « Figure »: pick images, import them, insert their figures. */
export async function pickAndInsertFigures(editor: Editor): Promise<void> {
  const files = await pickImageFiles();
  if (files.length > 0) await insertFigures(editor, files);
}
