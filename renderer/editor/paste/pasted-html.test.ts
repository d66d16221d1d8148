// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { transformPastedHtml } from './pasted-html.js';

/** What the paste's parse rules read (PasteParser.readStyles). */
const READ = new Set(['font-weight', 'font-style', 'text-decoration']);
const HOSTILE =
  '<base href="javascript:alert(1)//"><img src=x onerror=alert(1)><p onclick="alert(2)">texte</p>';

describe('pasted HTML before the browser reads it', () => {
  it.each([
    ['a web page', `<div class="a" id="b">${HOSTILE}</div>`],
    [
      'a web page whose stylesheet applies',
      `<style>.a { font-weight: 700 }</style><div class="a">${HOSTILE}</div>`,
    ],
    ['Word’s HTML', `<p class="MsoNormal">Word</p>${HOSTILE}`],
    ['ProseMirror’s own HTML', `<p data-pm-slice="1 1 []">Fiches</p>${HOSTILE}`],
  ])('holds no event handler and no <base> address, from %s', (_source, html) => {
    const prepared = transformPastedHtml(html, READ);
    expect(prepared).not.toMatch(/\son\w+\s*=|<base[^>]*href/i);
    expect(prepared).toContain('texte');
  });

  it('keeps the text after a web page’s attribute value that reads like a handler', () => {
    // Defusing with a regular expression cut into the quoted value: the browser then read
    // the rest of the page as part of the attribute.
    expect(transformPastedHtml(`<p title="x'onclick='a()">apostrophes</p><p>suite</p>`, READ)).toBe(
      '<p>apostrophes</p><p>suite</p>',
    );
  });

  it('keeps only the attributes a web page’s paste reads, and all those of HTML that reads more', () => {
    expect(transformPastedHtml('<p class="a" id="b" style="color:red">x</p>', READ)).toBe('<p>x</p>');
    for (const html of [
      '<p class="MsoNormal" id="x">Word</p>',
      '<span style="mso-spacerun:yes" id="x">Word</span>',
      '<p data-pm-slice="1 1 []" class="x">Fiches</p>',
      '<style>.a { font-weight: 700 }</style><p class="a" id="b">x</p>',
    ]) {
      expect(transformPastedHtml(html, READ)).toBe(html);
    }
  });
});
