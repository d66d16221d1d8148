import { describe, expect, it } from 'vitest';
import { docOfParagraphs, textOf, wordCount, type DocNode } from './doc.js';
import { isSafeLinkHref } from './links.js';
import { contentSchema } from './schema.js';
import { contentProblem } from './validate.js';

const encadre: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'encadre',
      content: [
        { type: 'encadreTitle', content: [{ type: 'text', text: 'Le Health Data Hub' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Une plateforme.' }] },
      ],
    },
    { type: 'sourceLine', content: [{ type: 'text', text: '5septdirect' }] },
  ],
};

describe('content schema', () => {
  it('round-trips every block through ProseMirror JSON', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sous-titre' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
            {
              type: 'text',
              text: ' lien',
              marks: [{ type: 'link', attrs: { href: 'https://example.org' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cité' }] }] },
        ...(encadre.content ?? []),
      ],
    };
    expect(contentProblem(doc)).toBeUndefined();
    const node = contentSchema().nodeFromJSON(doc);
    expect(contentSchema().nodeFromJSON(node.toJSON()).eq(node)).toBe(true);
  });

  it('rejects unknown nodes and misplaced blocks with a French reason', () => {
    expect(contentProblem({ type: 'doc', content: [{ type: 'script' }] })).toMatch(/Contenu non conforme/);
    expect(
      contentProblem({ type: 'doc', content: [{ type: 'encadre', content: [{ type: 'paragraph' }] }] }),
    ).toMatch(/Contenu non conforme/);
  });

  it('counts French words', () => {
    expect(wordCount('L’évolution passée de la variable : porte-parole, 4.0 !')).toBe(7);
    expect(textOf(docOfParagraphs(['Un deux', 'trois']))).toBe('Un deux\ntrois');
    const withBreak: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'fin' }, { type: 'hardBreak' }, { type: 'text', text: 'début' }],
        },
      ],
    };
    expect(wordCount(textOf(withBreak))).toBe(2);
  });
});

describe('link safety', () => {
  it.each(['https://example.org', 'http://a.fr/x', 'mailto:a@b.fr'])('accepts %s', (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });
  it.each([
    ' JaVaScRiPt:alert(1)',
    'j\tavascript:alert(1)',
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '',
  ])('refuses %j', (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });
});
