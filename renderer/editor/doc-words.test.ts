// @vitest-environment jsdom
import { getText, getTextSerializersFromSchema } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../shared/content/doc.js';
import { docWordCount } from './doc-words.js';
import { contentSchema, parseHtml } from './testing/parse-html.js';

/** The count as the outline made it before: the words of Tiptap's getText of the whole section. */
const wholeCount = (doc: Node) =>
  wordCount(
    getText(doc, { blockSeparator: '\n', textSerializers: getTextSerializersFromSchema(contentSchema) }),
  );

const sheet = [
  '<h3>Dynamiques à l’œuvre</h3><p>L’évolution du <strong>porte-parole</strong>, 3,5 % en 2019.<br>fin<br>début</p>',
  '<p data-source-line="">INSEE</p><ol><li><p>un</p><ol><li><p>deux mots</p></li></ol></li></ol>',
  '<blockquote><p>cité</p><p>encore</p></blockquote>',
  '<figure data-table-figure=""><figcaption>Tableau des emplois</figcaption><table>',
  '<tr><th>Année</th><td>2012</td></tr></table><p data-source-line="">Source Insee</p></figure>',
].join('');

describe('the word count of a section', () => {
  it('is the count of the whole section’s text, whatever it holds', () => {
    for (const doc of [parseHtml(sheet), parseHtml('<p></p>'), parseHtml('<p>fin<br>début</p><p>mot</p>')]) {
      expect(docWordCount(doc)).toBe(wholeCount(doc));
    }
    expect(docWordCount(parseHtml('<p>fin<br>début</p><p>mot</p>'))).toBe(3);
  });

  it('stays exact after edits, the blocks left alone counted as before', () => {
    let state = EditorState.create({ doc: parseHtml(sheet) });
    expect(docWordCount(state.doc)).toBe(wholeCount(state.doc));
    state = state.apply(
      state.tr
        .setSelection(TextSelection.create(state.doc, state.doc.child(0).nodeSize + 3))
        .insertText(' trois mots ajoutés'),
    );
    expect(docWordCount(state.doc)).toBe(wholeCount(state.doc));
    state = state.apply(state.tr.delete(0, state.doc.child(0).nodeSize));
    expect(docWordCount(state.doc)).toBe(wholeCount(state.doc));
  });
});
