import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './svg-sanitize.js';

/**
 * CSS inside an SVG (a style attribute, a <style> element, a presentation attribute such as
 * fill) is parsed, checked and written back from what the parser understood: a remote
 * address survives in no spelling, a reference inside the file (url(#grad)) does.
 */

const REMOTE = 'http://evil.test/x';

/** Ways to name a remote resource in a CSS value, as a browser reads them. */
const valueSpellings = [
  `url(${REMOTE})`,
  `url("${REMOTE}")`,
  `url('//evil.test/x')`,
  `URL(${REMOTE})`,
  `u\\72l(${REMOTE})`,
  `u\\000072l(${REMOTE})`,
  `\\75 rl(${REMOTE})`,
  `U\\52L(${REMOTE})`,
  `\\55\\52\\4c(${REMOTE})`,
  `url(\\68ttp://evil.test/x)`,
  `url(  ${REMOTE}  )`,
  `image-set("${REMOTE}" 1x)`,
  `image-set(url(${REMOTE}) 1x)`,
  `-webkit-image-set("${REMOTE}" 1x)`,
  `i\\6d age-set("${REMOTE}" 1x)`,
  `cross-fade(url(${REMOTE}), red 50%)`,
  `src("${REMOTE}")`,
  `image("${REMOTE}")`,
  `var(--remote)`,
  `expression(fetch("${REMOTE}"))`,
  `url(#ok) , url(${REMOTE})`,
];

/** Ways to pull a remote style sheet or font into a <style> element. */
const sheetSpellings = [
  `@import "${REMOTE}.css";`,
  `@import url(${REMOTE}.css);`,
  `@IMPORT '${REMOTE}.css';`,
  `@\\69mport "${REMOTE}.css";`,
  `@\\000069mport "${REMOTE}.css";`,
  `@im\\port url(${REMOTE}.css);`,
  `@font-face { font-family: F; src: url(${REMOTE}.woff); } text { font-family: F }`,
  `@namespace url(${REMOTE});`,
  `rect { --remote: url(${REMOTE}); fill: var(--remote) }`,
  `rect { b\\61ckground: u\\72l(${REMOTE}) }`,
  `@media all { rect { mask: url(${REMOTE}#m) } }`,
  `rect { fill: red; } }{ x { fill: url(${REMOTE}) }`,
  `rect { fill: red; <!-- --> filter: url(${REMOTE}#f) }`,
];

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" ${attributes}>${body}</svg>`;

function expectClean(stored: string): void {
  expect(stored).not.toMatch(/evil|\\|import|image-set|image\(|src\(|var\(|expression|cross-fade|--remote/i);
}

describe('CSS in an SVG', () => {
  it.each(valueSpellings)('drops %s from a style attribute, keeping the safe declarations', (value) => {
    const { svg: stored, removed } = sanitizeSvg(
      svg(
        `<rect width="10" height="10" style="stroke: url(#grad); fill: ${value.replaceAll('"', '&quot;')}; opacity: 0.5"/>`,
      ),
    );
    expectClean(stored);
    expect(stored).toContain('style="stroke:url(#grad);opacity:0.5"');
    expect(removed).toContain('style (référence externe ou script)');
  });

  it.each(valueSpellings)('drops %s from a presentation attribute', (value) => {
    const { svg: stored, removed } = sanitizeSvg(
      svg(`<rect width="10" height="10" fill="${value.replaceAll('"', '&quot;')}" stroke="url(#grad)"/>`),
    );
    expectClean(stored);
    expect(stored).toContain('<rect width="10" height="10" stroke="url(#grad)"/>');
    expect(removed).toContain('fill (référence externe ou script)');
  });

  it.each([...valueSpellings.map((value) => `rect { fill: ${value} }`), ...sheetSpellings])(
    'drops %s from a <style> element, keeping its safe rules',
    (sheet) => {
      const { svg: stored, removed } = sanitizeSvg(
        svg(`<style>circle { fill: url(#grad) } ${sheet} line { stroke: #1c5f9e }</style><rect/>`),
      );
      expectClean(stored);
      expect(removed.some((label) => label.startsWith('<style>'))).toBe(true);
      // A sheet the parser cannot read whole goes as a whole; otherwise the safe rules stay.
      if (stored.includes('<style>')) {
        expect(stored).toContain('circle{fill:url(#grad)}');
      }
    },
  );

  it('keeps an ordinary chart’s styles as the parser wrote them back', () => {
    const { svg: stored, removed } = sanitizeSvg(
      svg(
        `<style>.bar { fill: #1c5f9e; stroke: rgb(0 0 0 / 50%) } @media print { .bar { fill: black } } text { font-family: 'Source Sans 3', sans-serif; font-size: 12px }</style>` +
          `<g transform="translate(10, 20) rotate(3)"><rect class="bar" width="10" height="10" fill="url(#grad)" style="stroke-width: calc(1px + 2px)"/></g>`,
      ),
    );
    expect(removed).toEqual([]);
    expect(stored).toContain(
      '<style>.bar{fill:#1c5f9e;stroke:rgb(0 0 0/50%)}@media print{.bar{fill:black}}text{font-family:"Source Sans 3",sans-serif;font-size:12px}</style>',
    );
    expect(stored).toContain('transform="translate(10,20) rotate(3)"');
    expect(stored).toContain('fill="url(#grad)" style="stroke-width:calc(1px + 2px)"');
  });

  it('leaves attributes that are not CSS as they are, parentheses included', () => {
    const { svg: stored, removed } = sanitizeSvg(
      svg('<g id="calque" data-name="Calque 1 (copie)" aria-label="Part (en %)"><rect/></g>'),
    );
    expect(removed).toEqual([]);
    expect(stored).toContain('<g id="calque" data-name="Calque 1 (copie)" aria-label="Part (en %)">');
  });

  it('drops an xml:base that would send references inside the file elsewhere', () => {
    const { svg: stored } = sanitizeSvg(svg('<use href="#a"/>', `xml:base="${REMOTE}/"`));
    expect(stored).not.toContain('evil');
    expect(stored).toContain('<use href="#a"/>');
  });
});
