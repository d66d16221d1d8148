// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { contentExtensions } from '../../../shared/content/schema.js';
import { FichesPaste } from './paste-extension.js';

/**
 * Pasted addresses through the editor's own paste handling: a paste event as the browser
 * sends it, HTML from a web page or from an editor of Fiches (ProseMirror's own, with its
 * data-pm-slice).
 */
let editor: Editor | undefined;

afterEach(() => editor?.destroy());

function paste(target: Editor, html: string): void {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  const data = { getData: (type: string) => (type === 'text/html' ? html : ''), types: ['text/html'] };
  Object.defineProperty(event, 'clipboardData', { value: data });
  target.view.dom.dispatchEvent(event);
}

function links(target: Editor): { text: string; href: unknown }[] {
  const found: { text: string; href: unknown }[] = [];
  target.state.doc.descendants((node) => {
    const link = node.marks.find((mark) => mark.type.name === 'link');
    if (node.isText && link) found.push({ text: node.text ?? '', href: link.attrs['href'] });
  });
  return found;
}

describe('addresses pasted into the editor', () => {
  it('become links when pasted from a page, and stay as they were when copied within Fiches', () => {
    editor = new Editor({
      element: document.createElement('div'),
      extensions: [...contentExtensions(), FichesPaste],
    });
    paste(editor, '<p>Voir www.exemple.fr pour la suite.</p>');
    expect(links(editor)).toEqual([{ text: 'www.exemple.fr', href: 'https://www.exemple.fr' }]);

    editor.commands.setContent('<p>Avant.</p>');
    paste(editor, '<p data-pm-slice="1 1 []">Une adresse laissée sans lien : www.autre.fr</p>');
    expect(editor.getText()).toContain('www.autre.fr');
    expect(links(editor)).toEqual([]);
  });
});
