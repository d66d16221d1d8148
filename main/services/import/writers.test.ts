import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../../../shared/content/doc.js';
import type { ImportResult } from '../../../shared/api/import-contract.js';
import { openSample, type SampleRepository } from '../export/testing/sample.js';
import { pngImage } from '../testing/images.js';
import { mammothDocx } from '../testing/shared-testdata.js';
import { libreOfficeConvert, pandocDocx } from '../testing/writers.js';
import { importFile } from './testing/import-file.js';

/**
 * Word sheets written by others than Fiches: LibreOffice (from an HTML page made here),
 * pandoc (from markdown), and Word itself (mammoth's test documents). Each is imported
 * and the sheet checked block by block.
 */

let sample: SampleRepository;
beforeAll(async () => {
  sample = await openSample();
});
afterAll(async () => {
  await sample.dispose();
});

/** A section as [type, text] pairs; figures and tables with their caption and source. */
function outline(doc: DocNode | undefined): unknown[] {
  return (doc?.content ?? []).map((node) => {
    const child = (type: string) => textOf(node.content?.find((inner) => inner.type === type) ?? { type });
    if (node.type === 'figure')
      return [
        'figure',
        child('caption'),
        child('sourceLine'),
        node.attrs?.['asset'] ? 'image' : 'sans image',
      ];
    if (node.type === 'tableFigure') {
      const table = node.content?.find((inner) => inner.type === 'table');
      const rows = (table?.content ?? []).map((row) =>
        (row.content ?? []).map((cell) => `${cell.type === 'tableHeader' ? '#' : ''}${textOf(cell)}`),
      );
      return ['tableFigure', child('caption'), rows, child('sourceLine')];
    }
    if (node.type === 'bulletList' || node.type === 'orderedList')
      return [node.type, JSON.stringify(node.content?.map((item) => textOf(item)))];
    return [node.type, textOf(node)];
  });
}

async function sheet(id: string) {
  return (await sample.session.handlers['sheets:get']({ id })).sheet;
}

async function importNew(name: string, bytes: Buffer, variable: string): Promise<ImportResult> {
  const { result } = await importFile(sample.session.handlers, name, bytes, () => ({
    variable: { kind: 'new', familyId: 'evolutions-societales', name: variable },
  }));
  return result;
}

describe('documents written by LibreOffice', () => {
  it('keeps headings, marks, links, nested lists, tables, quotations and figures with their caption and source', async () => {
    const png = pngImage(40, 20).toString('base64');
    const html = join(sample.dir, 'monnaie.html');
    await writeFile(
      html,
      `<html><head><meta charset="utf-8"><title>Monnaie</title></head><body>
      <h1>Monnaie</h1>
      <h2>Quelle a été l’évolution passée de la variable&nbsp;?</h2>
      <p>Un <b>euro</b> <i>fort</i>, <u>stable</u> (<a href="https://www.banque-france.fr/">Banque de France</a>).</p>
      <ul><li>Avant 2002<ul><li>le franc</li></ul></li><li>Après 2002</li></ul>
      <ol><li>Premier</li><li>Second</li></ol>
      <p><img src="data:image/png;base64,${png}" width="80" height="40"></p>
      <p>Figure 1&nbsp;: Le cours de l’euro</p>
      <p>Source&nbsp;: Banque de France</p>
      <h2>Quelles sont les dynamiques à l’œuvre&nbsp;?</h2>
      <p>Tableau 1&nbsp;: Les taux</p>
      <table border="1"><thead><tr><th>Année</th><th>Taux</th></tr></thead>
      <tbody><tr><td colspan="2">Zone euro</td></tr><tr><td>2024</td><td>4&nbsp;%</td></tr></tbody></table>
      <p>Source&nbsp;: BCE</p>
      <blockquote><p>Une citation.</p></blockquote>
      </body></html>`,
    );
    const docx = await libreOfficeConvert(html, 'docx');
    const { proposal, result } = await importFile(
      sample.session.handlers,
      'monnaie.docx',
      await readFile(docx),
    );
    expect(proposal.variableId).toBe('monnaie');
    expect(result.warnings).toEqual([expect.stringContaining('cellules fusionnées sont séparées')]);
    const { sections } = await sheet('monnaie');
    expect(outline(sections['passe'])).toEqual([
      ['paragraph', 'Un euro fort, stable (Banque de France).'],
      ['bulletList', JSON.stringify(['Avant 2002\nle franc', 'Après 2002'])],
      ['orderedList', JSON.stringify(['Premier', 'Second'])],
      ['figure', 'Le cours de l’euro', 'Banque de France', 'image'],
    ]);
    const marks = sections['passe']?.content?.[0]?.content?.map((node) => [
      node.text,
      (node.marks ?? []).map((mark) => mark.type),
    ]);
    expect(marks).toEqual([
      ['Un ', []],
      ['euro', ['bold']],
      [' ', []],
      ['fort', ['italic']],
      [', ', []],
      ['stable', ['underline']],
      [' (', []],
      ['Banque de France', ['link']],
      [').', []],
    ]);
    expect(outline(sections['present-dynamiques'])).toEqual([
      [
        'tableFigure',
        'Les taux',
        [
          ['#Année', '#Taux'],
          ['Zone euro', ''],
          ['2024', '4\u00a0%'],
        ],
        'BCE',
      ],
      ['blockquote', 'Une citation.'],
    ]);
  });

  it('puts a placeholder where LibreOffice left an image linked to a file outside the document', async () => {
    const html = join(sample.dir, 'export-lie.html');
    await writeFile(
      html,
      '<html><body><h1>Export</h1><p><img src="carte.png" width="80" height="40"></p><p>Figure 1 : Carte</p></body></html>',
    );
    await writeFile(join(sample.dir, 'carte.png'), pngImage(8, 4));
    const docx = await libreOfficeConvert(html, 'docx');
    const { result } = await importFile(sample.session.handlers, 'export.docx', await readFile(docx));
    expect(result.warnings.join('\n')).toContain('liée à un fichier extérieur au document');
    expect(outline((await sheet('export')).sections['trajectoire'])).toEqual([
      ['figure', 'Carte', '', 'sans image'],
    ]);
  });
});

describe('documents written by pandoc', () => {
  it('keeps footnotes as text, captions above figures, table captions, quotations and nested lists', async () => {
    await writeFile(join(sample.dir, 'graphique.png'), pngImage(30, 15));
    const markdown = join(sample.dir, 'capital.md');
    await writeFile(
      markdown,
      [
        '---',
        'title: Capital humain',
        '---',
        '',
        '# Trajectoire de la variable',
        '',
        'Des **compétences** et des *métiers*[^1].',
        '',
        '- Former',
        '    - les jeunes',
        '- Recruter',
        '',
        '> Une citation de l’enquête.',
        '',
        'Figure 1 : Les emplois',
        '',
        '![](graphique.png)',
        '',
        'Source : Insee, 2023',
        '',
        '| Métier | Postes |',
        '|--------|--------|',
        '| Soudeur | 120 |',
        '',
        ': Tableau 1 : Les postes ouverts',
        '',
        '[^1]: Selon le baromètre régional.',
        '',
      ].join('\n'),
    );
    const docx = await pandocDocx(markdown);
    const { proposal, result } = await importFile(
      sample.session.handlers,
      'capital.docx',
      await readFile(docx),
    );
    expect(proposal).toMatchObject({ title: 'Capital humain', variableId: 'capital-humain' });
    expect(result.warnings).toContain(
      '1\u00a0note de bas de page ou de fin de document\u00a0: leur texte est placé entre parenthèses à la fin de leur paragraphe.',
    );
    expect(outline((await sheet('capital-humain')).sections['trajectoire'])).toEqual([
      ['paragraph', 'Des compétences et des métiers. (note\u00a0: Selon le baromètre régional.)'],
      ['bulletList', JSON.stringify(['Former\nles jeunes', 'Recruter'])],
      ['blockquote', 'Une citation de l’enquête.'],
      ['figure', 'Les emplois', 'Insee, 2023', 'image'],
      [
        'tableFigure',
        'Les postes ouverts',
        [
          ['#Métier', '#Postes'],
          ['Soudeur', '120'],
        ],
        '',
      ],
    ]);
  });
});

describe('documents written by Word (mammoth’s test documents)', () => {
  it('imports tables, lists, pictures, text boxes, footnotes, strict files and empty documents', async () => {
    const imported = async (name: string, variable: string) => {
      const result = await importNew(`${name}.docx`, await readFile(mammothDocx(name)), variable);
      return { result, sections: (await sheet(result.sheetId)).sections };
    };
    const tables = await imported('tables', 'Tableaux Word');
    expect(outline(tables.sections['trajectoire'])).toEqual([
      ['paragraph', 'Above'],
      [
        'tableFigure',
        '',
        [
          ['Top left', 'Top right'],
          ['Bottom left', 'Bottom right'],
        ],
        '',
      ],
      ['paragraph', 'Below'],
    ]);
    expect(tables.result.warnings.join('\n')).toContain('importé sans légende');

    const list = await imported('simple-list', 'Liste Word');
    expect(outline(list.sections['trajectoire'])).toEqual([
      ['bulletList', JSON.stringify(['Apple', 'Banana'])],
    ]);

    const picture = await imported('tiny-picture', 'Image Word');
    expect(outline(picture.sections['trajectoire'])).toEqual([['figure', '', '', 'image']]);

    const box = await imported('text-box', 'Zone de texte Word');
    expect(outline(box.sections['trajectoire'])).toEqual([['paragraph', 'Datum plane']]);
    expect(box.result.warnings.join('\n')).toContain('zone de texte sans titre en gras');

    const notes = await imported('footnotes', 'Notes Word');
    expect(textOf(notes.sections['trajectoire'] ?? { type: 'doc' })).toContain(
      '(note\u00a0: A tachyon walks into a bar.)',
    );

    const strict = await imported('strict-format', 'Strict Word');
    expect(outline(strict.sections['trajectoire'])).toEqual([['paragraph', 'Test']]);

    const empty = await imported('empty', 'Vide Word');
    expect(empty.result.placements).toEqual([]);
    expect(outline(empty.sections['trajectoire'])).toEqual([['paragraph', '']]);
  });
});
