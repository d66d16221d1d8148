import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, tableFigure } from '../../../../shared/content/builders.js';
import { sampleRepository, type SampleRepository } from '../../testing/print-sheet.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { readDocx, type DocxParts } from '../testing/docx-parts.js';
import { buildDocx } from './build.js';
import { STYLES } from './styles.js';

/**
 * Word hyphenates every paragraph of a hyphenated document unless told not to: the print
 * layout hyphenates body text only (LAYOUT.md), so titles, labels, table headers and
 * addresses must say so.
 */

let sample: SampleRepository;
let docx: DocxParts;

function styleXml(styles: string, id: string): string {
  const match = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!match) throw new Error(`style ${id} absent`);
  return match[0];
}

beforeAll(async () => {
  sample = await sampleRepository();
  const bigData: PrintSheet = await sample.bigData();
  const loaded: LoadedLayout = await loadLayout();
  const section = Object.keys(bigData.sheet.sections)[0] as string;
  const print: PrintSheet = {
    ...bigData,
    sheet: {
      ...bigData.sheet,
      sections: {
        ...bigData.sheet.sections,
        [section]: doc(
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'Voir https://www.observatoire-regional.example/transformations-industrielles et ',
              },
              {
                type: 'text',
                text: 'le rapport',
                marks: [{ type: 'link', attrs: { href: 'https://example.org/rapport' } }],
              },
            ],
          },
          tableFigure('Indicateurs', 'Insee', [
            ['Transformations', 'Caractéristiques'],
            ['a', 'b'],
          ]),
        ),
      },
    },
  };
  docx = readDocx((await buildDocx(print, loaded)).bytes);
});
afterAll(() => sample.dispose());

describe('Word hyphenation', () => {
  it('hyphenates body text and leaves titles, labels, captions and table headers whole', () => {
    const styles = docx.text('word/styles.xml');
    for (const role of [
      'title',
      'displayTitle',
      'question',
      'heading3',
      'heading4',
      'caption',
      'tableHeader',
    ] as const) {
      expect(styleXml(styles, STYLES[role].id), role).toContain('<w:suppressAutoHyphens/>');
    }
    expect(styleXml(styles, STYLES.body.id)).not.toContain('suppressAutoHyphens');
    expect(docx.text('word/settings.xml')).toContain('<w:autoHyphenation/>');
  });

  it('never hyphenates an address, written or linked', () => {
    const document = docx.text('word/document.xml');
    const runOf = (text: string) => {
      const run = [...document.matchAll(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g)].find((match) =>
        match[0].includes(text),
      );
      if (!run) throw new Error(`run « ${text} » absent`);
      return run[0];
    };
    expect(runOf('https://www.observatoire-regional.example/transformations-industrielles')).toContain(
      '<w:noProof/>',
    );
    expect(runOf('le rapport')).toContain('<w:noProof/>');
    expect(runOf('Voir ')).not.toContain('<w:noProof/>');
  });
});
