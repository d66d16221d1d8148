import { getSchema, mergeAttributes, Node, type AnyExtension } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { Caption, Figure } from './figure.js';
import { isSafeLinkHref } from './links.js';
import { REVIEW_MARKS, reviewMarkExtensions } from './review-marks.js';
import { SectionDocument } from './sheet-blocks.js';
import { tableExtensions } from './table.js';

/**
 * The node and mark set of a section's content, defined once and used everywhere: the
 * renderer builds its editors from it, main validates saved content against it and
 * builds exports from it. No React here: views for custom nodes live in renderer/editor.
 */

/** "Source : …" line under a paragraph, quotation, figure or table. Text only, the prefix is the layout's. */
export const SourceLine = Node.create({
  name: 'sourceLine',
  group: 'block',
  content: 'inline*',
  marks: `bold italic underline link ${REVIEW_MARKS}`,
  defining: true,
  // Above the paragraph's own rule (`p`, priority 50), or a pasted source line would read as a paragraph.
  parseHTML: () => [{ tag: 'p[data-source-line]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'p',
    mergeAttributes(HTMLAttributes, { 'data-source-line': '', class: 'source-line' }),
    0,
  ],
});

/** The title of an encadré: its first child, edited as text like any heading. */
export const EncadreTitle = Node.create({
  name: 'encadreTitle',
  content: 'text*',
  marks: `bold italic ${REVIEW_MARKS}`,
  defining: true,
  parseHTML: () => [{ tag: 'p[data-encadre-title]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'p',
    mergeAttributes(HTMLAttributes, { 'data-encadre-title': '', class: 'encadre-title' }),
    0,
  ],
});

/** A boxed inset with its own title and rich text (the Health Data Hub box). */
export const Encadre = Node.create({
  name: 'encadre',
  group: 'block',
  content: 'encadreTitle (paragraph | heading | bulletList | orderedList | blockquote | sourceLine)+',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'aside[data-encadre]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'aside',
    mergeAttributes(HTMLAttributes, { 'data-encadre': '', class: 'encadre' }),
    0,
  ],
});

/**
 * Tiptap's Link without its paste rule: the editor links the addresses of pasted text itself,
 * on the pasted slice (renderer/editor/paste/pasted-addresses.ts). Tiptap's checked the
 * address's text, which refused « www.exemple.fr » and e-mail addresses, and ran linkifyjs
 * over every pasted text block and text node.
 */
const FichesLink = Link.extend({
  addPasteRules() {
    return [];
  },
});

/** Sub-headings inside a section: the section title itself is the layout's. */
export const HEADING_LEVELS = [3, 4] as const;

export function contentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Replaced by SectionDocument, which also admits figures and tables.
      document: false,
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: false,
    }),
    FichesLink.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      // No `protocols`: linkifyjs knows mailto: already, and registering a scheme again
      // for every editor made it warn « already initialized » once per editor.
      isAllowedUri: (url) => isSafeLinkHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    SectionDocument,
    SourceLine,
    EncadreTitle,
    Encadre,
    Caption,
    Figure,
    ...tableExtensions(),
    ...reviewMarkExtensions(),
  ];
}

let cachedSchema: ReturnType<typeof getSchema> | undefined;

/** The ProseMirror schema of section content (built once). */
export function contentSchema(): ReturnType<typeof getSchema> {
  cachedSchema ??= getSchema(contentExtensions());
  return cachedSchema;
}
