// @vitest-environment jsdom
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { docJson } from './doc-json.js';
import { parseHtml } from './testing/parse-html.js';

const sheet = [
  '<h3>Titre</h3><p>Un <strong>mot</strong>, <em>un autre</em>, <a href="https://a.fr">un lien</a>.<br>Ligne « citée ».</p>',
  '<p data-source-line="">INSEE</p><ol start="2"><li><p>deux</p><ol><li><p>a</p></li></ol></li></ol>',
  '<blockquote><p>cité \\ "guillemets" \u2028 fin</p></blockquote>',
  '<figure data-table-figure=""><figcaption>Tableau</figcaption><table>',
  '<tr><th colwidth="120">a</th><td>b</td></tr></table><p data-source-line="">Source</p></figure>',
].join('');

describe('the JSON text of a section, for its save', () => {
  it('is exactly what JSON.stringify writes of the editor’s JSON, whatever the section holds', () => {
    for (const doc of [parseHtml(sheet), parseHtml('<p></p>'), parseHtml('<p>Un seul paragraphe.</p>')]) {
      expect(docJson(doc)).toBe(JSON.stringify(doc.toJSON()));
    }
  });

  it('stays exact after edits, the blocks left alone taken as they were written', () => {
    let state = EditorState.create({ doc: parseHtml(sheet) });
    expect(docJson(state.doc)).toBe(JSON.stringify(state.doc.toJSON()));
    const unchanged = state.doc.child(2);
    // Typing in the first paragraph after its first word, then deleting the heading.
    const inFirstParagraph = state.doc.child(0).nodeSize + 4;
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, inFirstParagraph)).insertText(' ajouté'),
    );
    expect(docJson(state.doc)).toBe(JSON.stringify(state.doc.toJSON()));
    expect(state.doc.child(2)).toBe(unchanged);
    state = state.apply(state.tr.delete(0, state.doc.child(0).nodeSize));
    expect(docJson(state.doc)).toBe(JSON.stringify(state.doc.toJSON()));
    expect(JSON.parse(docJson(state.doc))).toEqual(state.doc.toJSON());
  });
});
