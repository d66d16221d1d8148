import { describe, expect, it } from 'vitest';
import { reduceAttributes } from './attributes.js';
import { cutAttributes } from './start-tags.js';

/** What the paste's parse rules read (PasteParser.readStyles). */
const READ = new Set(['font-weight', 'font-style', 'text-decoration']);
const reduce = (html: string) => reduceAttributes(html, READ);

describe('pasted attributes reduced to those the paste reads', () => {
  it('drops classes, ids, data and layout styles, and keeps links, cells, list starts and hidden text', () => {
    expect(
      reduce(
        '<div class="article" id="a1" data-tracking-id="blk-1" style="margin:0;color:#333">' +
          '<a href="https://a.fr/" class="link" target="_blank" rel="noopener">lien</a>' +
          '<table border="1"><tr><td colspan="2" class="c">x</td><th rowspan=2>y</th></tr></table>' +
          '<ol start="3" type="a" class="l"><li value="3">z</li></ol><p hidden data-x>caché</p>' +
          '<img src="data:image/png;base64,AA" alt="Carte" width="10" data-fiches-asset="f.png"></div>',
      ),
    ).toBe(
      '<div>' +
        '<a href="https://a.fr/">lien</a>' +
        '<table><tr><td colspan="2">x</td><th rowspan=2>y</th></tr></table>' +
        '<ol start="3" type="a"><li>z</li></ol><p hidden>caché</p>' +
        '<img src="data:image/png;base64,AA" alt="Carte" data-fiches-asset="f.png"></div>',
    );
  });

  it('keeps a style that can set what is read, longhand, shorthand or hidden, and drops the others', () => {
    const kept = [
      'font-weight:700',
      'COLOR: red; FONT-STYLE: italic',
      'font: bold 12px Arial',
      'text-decoration-line: underline',
      'display:none',
      'font-w\\65ight: bold',
      'font-weight/**/: bold',
      'font&#45;weight: bold',
    ];
    const dropped = [
      'margin:0 0 12px;color:#333',
      'font-family:&quot;Times New Roman&quot;;font-size:22px',
      'line-height:1.6',
    ];
    for (const style of kept)
      expect(reduce(`<span style="${style}">a</span>`)).toBe(`<span style="${style}">a</span>`);
    for (const style of dropped) expect(reduce(`<span style="${style}">a</span>`)).toBe('<span>a</span>');
  });

  it('leaves no handler, even one a browser reads without white space before it', () => {
    expect(reduce('<img src=x onerror=alert(1)><a href="https://a.fr"onclick="alert(1)">a</a>')).toBe(
      '<img src=x><a href="https://a.fr">a</a>',
    );
  });
});

describe('attributes cut out of HTML as the browser reads it', () => {
  const cutAll = (html: string) => cutAttributes(html, () => true);
  const cutClass = (html: string) => cutAttributes(html, (_element, name) => name === 'class');

  it('reads quoted values whole, unquoted ones to white space, and names in any case', () => {
    expect(cutAll('<p title="a > b" class=\'c "d"\' data-x=e/f>texte</p>')).toBe('<p>texte</p>');
    expect(cutClass('<P CLASS="a" Title="b">x</P>')).toBe('<P Title="b">x</P>');
    expect(cutClass('<p class="a"title="b">x</p><p title="b"class="a">y</p>')).toBe(
      '<p title="b">x</p><p title="b">y</p>',
    );
    expect(cutClass('<br class="a"/><br/class=a><br class=a/>')).toBe('<br/><br><br>');
    expect(cutClass('<p\nclass = "a"\ttitle="b">x</p>')).toBe('<p\ttitle="b">x</p>');
  });

  it('leaves comments, end tags, doctypes and the text of text-only elements as written', () => {
    const html = [
      '<!DOCTYPE html><!-- <p class="a"> --><!--><p class="b">1</p>',
      '<xmp><p class="c"></xmp><noembed><i class="d"></noembed><textarea><b class="e"></textarea>',
      '<script>"<p class=f>"</script></p class="g">',
    ].join('');
    expect(cutClass(html)).toBe(html.replace(' class="b"', ''));
    expect(cutClass('<plaintext><p class="a">')).toBe('<plaintext><p class="a">');
  });

  it('never cuts text: a tag left open at the end stays as it is, and so does text like an attribute', () => {
    expect(cutClass('<p>a class="b" <c</p><p class="d" title="e')).toBe(
      '<p>a class="b" <c</p><p class="d" title="e',
    );
    expect(cutClass('x < y class=z > w <3 <>')).toBe('x < y class=z > w <3 <>');
  });
});
