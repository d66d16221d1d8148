import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { CellSelection } from '@tiptap/pm/tables';
import type { EditorView } from '@tiptap/pm/view';
import { notAnImageMessage } from '../../../shared/content/assets.js';
import { deleteTableFigure } from '../table/table-commands.js';
import { TableFigureView } from '../table/TableFigureView.js';
import { notify } from '../notices/notices.js';
import { currentBlock, enterInBlock, moveBlock } from './block-commands.js';
import { FigureView } from './FigureView.js';
import { insertFigures } from './insert.js';
import './blocks.css';

/**
 * What the editor adds to the shared figure and table nodes: their views, their keys,
 * and images arriving by drag and drop or as copied image files.
 */

const IMAGE_TYPE = /^image\//;

function imageFilesOf(files: FileList | undefined | null): { images: File[]; others: File[] } {
  const all = Array.from(files ?? []);
  return {
    images: all.filter((file) => IMAGE_TYPE.test(file.type)),
    others: all.filter((f) => !IMAGE_TYPE.test(f.type)),
  };
}

/** Files that are not images are refused by name; the images go on to be checked by content. */
function takeFiles(editor: Editor, files: FileList | undefined | null, at?: number): boolean {
  const { images, others } = imageFilesOf(files);
  for (const file of others) notify('error', notAnImageMessage(file.name || 'fichier déposé'));
  if (images.length > 0) void insertFigures(editor, images, at);
  return images.length + others.length > 0;
}

/** A copied image arrives as a file, often with HTML that only points at it: the file wins. */
function isOnlyAnImage(html: string): boolean {
  if (html === '') return true;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim() === '' && doc.body.querySelector('table') === null;
}

function dropPosition(view: EditorView, event: DragEvent): number | undefined {
  return view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
}

export const FigureEditing = Extension.create({
  name: 'figureEditing',
  // Before the table's own keys: Backspace on a fully selected table removes the whole block.
  priority: 200,

  addKeyboardShortcuts() {
    const moveCurrent = (direction: -1 | 1) => () => {
      const block = currentBlock(this.editor.state);
      return block ? moveBlock(this.editor.state, block.pos, direction, this.editor.view.dispatch) : false;
    };
    const deleteWholeTable = () => {
      const { selection } = this.editor.state;
      const allCells =
        selection instanceof CellSelection && selection.isColSelection() && selection.isRowSelection();
      return allCells ? deleteTableFigure(this.editor) : false;
    };
    return {
      Enter: () => enterInBlock(this.editor.state, this.editor.view.dispatch),
      'Alt-ArrowUp': moveCurrent(-1),
      'Alt-ArrowDown': moveCurrent(1),
      Backspace: deleteWholeTable,
      Delete: deleteWholeTable,
    };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('figureEditing'),
        props: {
          nodeViews: {
            figure: (node, view, getPos) => new FigureView(node, view, getPos),
            tableFigure: (node, view, getPos) => new TableFigureView(node, view, getPos),
          },
          handleDrop: (view, event) => {
            if (!event.dataTransfer?.files.length) return false;
            event.preventDefault();
            return takeFiles(editor, event.dataTransfer.files, dropPosition(view, event));
          },
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            if (!data?.files.length || !isOnlyAnImage(data.getData('text/html'))) return false;
            event.preventDefault();
            return takeFiles(editor, data.files);
          },
        },
      }),
    ];
  },
});
