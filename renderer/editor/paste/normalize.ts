import { neutraliseLinks, removeEmptyBlocks, removeNoise, stripAttributes } from './cleanup.js';
import { figuresAndTables, type FigureCounts } from './figures-and-tables.js';
import { mapHeadings, markSourceLines } from './headings-and-sources.js';

/**
 * Pasted HTML (Word, LibreOffice, a web page) reshaped into what the sheet's schema reads:
 * headings as sub-headings, « Source : » lines, tables and images as numbered blocks with
 * caption and source; styles, fonts, colours, hidden text, empty paragraphs and active
 * content gone. Runs on the inert DOM ProseMirror builds for a paste, just before its
 * parse. Word's lists and comments were dealt with before, on the text (word-html.ts).
 */
export type PasteReport = FigureCounts & { fromWord: boolean };

/** Word's clipboard HTML, recognised by its class names, its mso- styles or its <o:p>. */
export function isWordHtml(root: Element): boolean {
  return (
    root.querySelector('[class^="Mso"], [class*=" Mso"], [style*="mso-"]') !== null ||
    Array.from(root.getElementsByTagName('o:p')).length > 0
  );
}

export function normalizePastedDom(root: Element): PasteReport {
  const fromWord = isWordHtml(root);
  removeNoise(root);
  neutraliseLinks(root);
  mapHeadings(root, fromWord);
  markSourceLines(root);
  const counts = figuresAndTables(root);
  removeEmptyBlocks(root);
  stripAttributes(root);
  return { ...counts, fromWord };
}
