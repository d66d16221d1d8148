import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { controlBar, moveAndDeleteButtons } from '../figure/block-controls.js';

/**
 * A table with its caption and source: the buttons that move or delete the whole block,
 * then the editable caption, table and source. Rows and columns are the toolbar's.
 */
export class TableFigureView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor(
    private node: PmNode,
    view: EditorView,
    getPos: () => number | undefined,
  ) {
    this.dom = document.createElement('figure');
    this.dom.className = 'table-figure';
    this.dom.dataset['testid'] = 'table-figure';
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'table-figure-content';
    this.dom.append(controlBar(moveAndDeleteButtons(view, getPos, 'le tableau')), this.contentDOM);
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target instanceof HTMLElement && event.target.closest('.block-controls') !== null;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}
