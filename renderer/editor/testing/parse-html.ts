/// <reference lib="dom" />
import { getSchema } from '@tiptap/core';
import { DOMParser as PmDOMParser, type Node } from '@tiptap/pm/model';
import { contentExtensions } from '../../../shared/content/schema.js';

/** The sections' schema, for tests that build documents from HTML (in jsdom). */
export const contentSchema = getSchema(contentExtensions());

/** A document of the sections' schema, parsed from HTML as ProseMirror reads it. */
export function parseHtml(html: string): Node {
  const inert = document.implementation.createHTMLDocument('test');
  inert.body.innerHTML = html;
  return PmDOMParser.fromSchema(contentSchema).parse(inert.body);
}
