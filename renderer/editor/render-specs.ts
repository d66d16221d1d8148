import { Extension } from '@tiptap/core';
import type { Attrs, DOMOutputSpec, Mark, MarkType, Node, NodeType, Schema } from '@tiptap/pm/model';

/**
 * ProseMirror's view asks a node's or a mark's type for its DOM spec (`toDOM`) every time it
 * draws one, and Tiptap's `toDOM` builds it anew each time: it filters the extensions'
 * attributes and merges them into fresh objects. For a 4 MB web page pasted (15,600 blocks,
 * 20,000 marks) that was a tenth of a second, and as much garbage to collect. Most of those
 * nodes and marks share their type's one attributes object (paste/tag-rules.ts), so the spec
 * is built once per attributes object and given again.
 *
 * Only for the types below, whose spec is a function of their attributes alone (not of their
 * content: a table's column widths come from its cells) and holds no DOM node (a DOM node
 * can be placed only once). A spec is never changed by the view, which only reads it.
 */
const SHARED_SPEC_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'hardBreak',
  'sourceLine',
  'bold',
  'italic',
  'underline',
  'link',
]);

/** Plain data only: strings, numbers, attribute objects and nested arrays of them. */
function isPlainSpec(spec: unknown): boolean {
  if (typeof spec === 'string' || typeof spec === 'number') return true;
  if (Array.isArray(spec)) return spec.every(isPlainSpec);
  if (spec === null || typeof spec !== 'object') return false;
  return Object.getPrototypeOf(spec) === Object.prototype || Object.getPrototypeOf(spec) === null;
}

/** A node type's `toDOM(node)` or a mark type's `toDOM(mark, inline)`. */
type ToDOM = (item: Node | Mark, inline?: boolean) => DOMOutputSpec;

function sharingSpecs(toDOM: ToDOM): ToDOM {
  // By attributes object, and for marks by whether they are drawn inline.
  const specs = [new WeakMap<Attrs, DOMOutputSpec>(), new WeakMap<Attrs, DOMOutputSpec>()];
  return (item, inline) => {
    const byAttrs = specs[inline ? 1 : 0] as WeakMap<Attrs, DOMOutputSpec>;
    let spec = byAttrs.get(item.attrs);
    if (spec === undefined) {
      spec = toDOM(item, inline);
      if (isPlainSpec(spec)) byAttrs.set(item.attrs, spec);
    }
    return spec;
  };
}

/** Makes the schema's text-flow types give one DOM spec per attributes object. */
export function shareRenderSpecs(schema: Schema): void {
  const types: (NodeType | MarkType)[] = [...Object.values(schema.nodes), ...Object.values(schema.marks)];
  for (const type of types) {
    const toDOM = type.spec.toDOM as ToDOM | undefined;
    if (toDOM && SHARED_SPEC_TYPES.has(type.name))
      (type.spec as { toDOM: ToDOM }).toDOM = sharingSpecs(toDOM);
  }
}

export const SharedRenderSpecs = Extension.create({
  name: 'sharedRenderSpecs',
  // Before the view is created, so it draws its first nodes with the shared specs already.
  onBeforeCreate() {
    shareRenderSpecs(this.editor.schema);
  },
});
