import { describe, expect, it } from 'vitest';
import { withoutSoftHyphenText } from './text-layer.js';

/** Operators as Chromium's PDF backend (Skia) writes them around the glyphs of « si­gni­fie ». */
const glyphs = (hexes: string[]) => hexes.map((hex) => `5.2 0 Td <${hex}> Tj`).join('\n');
const span = (actualText: string, body: string) => `/Span<</ActualText <${actualText}> >> BDC\n${body}\nEMC`;

describe('the text layer without soft hyphens', () => {
  it('drops a soft hyphen’s invisible glyph and its marks, keeping the positioning', () => {
    const content = `BT\n${glyphs(['0031', '002a'])}\n${span('feff00ad', '3.1 0 Td <0001> Tj')}\n0 0 Td <002b> Tj\nET`;
    expect(withoutSoftHyphenText(content)).toBe(
      `BT\n${glyphs(['0031', '002a'])}\n\n3.1 0 Td \n\n0 0 Td <002b> Tj\nET`,
    );
  });

  it('drops an empty soft-hyphen span', () => {
    expect(withoutSoftHyphenText(`BT\n${span('FEFF00AD', '')}\nET`)).toBe('BT\n\n\n\nET');
  });

  it('keeps a ligature over a break point, reading as its letters', () => {
    // « f­f » drawn as the ff ligature and the invisible soft hyphen: the text becomes « ff ».
    const content = span('feff006600ad0066', '6.2 0 Td <02af> Tj\n7.3 0 Td <0001> Tj');
    expect(withoutSoftHyphenText(content)).toBe(
      span('feff00660066', '6.2 0 Td <02af> Tj\n7.3 0 Td <0001> Tj'),
    );
  });

  it('keeps the glyphs when a span holds more than glyphs, and empties its text', () => {
    const body = '/F4 9 Tf\n1 0 0 -1 10 20 Tm\n<0001> Tj';
    expect(withoutSoftHyphenText(span('feff00ad', body))).toBe(span('feff', body));
  });

  it('leaves every other text as it is: no-break spaces, the line-end hyphen, literal strings', () => {
    const content = [
      span('feff00a0', '2.6 0 Td <0001> Tj'),
      span('feff2010', '<0587> Tj'),
      '/Span<</ActualText (ff) >> BDC\n<02af> Tj\nEMC',
      '<00ad> Tj',
    ].join('\n');
    expect(withoutSoftHyphenText(content)).toBe(content);
  });
});
