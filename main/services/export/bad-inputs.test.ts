import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, figure, paragraph, tableFigure } from '../../../shared/content/builders.js';
import { buildDocx } from './docx/build.js';
import { loadLayout } from './layout/load-layout.js';
import { closeWorkers } from '../worker/run-job.js';
import { collectSheet } from './sheet-input.js';
import { plainText, readDocx } from './testing/docx-parts.js';
import { openSample, type SampleRepository } from './testing/sample.js';
import { RepositoryContext } from '../repository/context.js';
import { RepositoryLayout } from '../repository/layout.js';

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  await sample.dispose();
});
afterAll(() => closeWorkers());

const render = (request: { sheetId: string; revision?: number }) =>
  sample.session.handlers['export:render']({ format: 'docx', ...request });

async function documentText(request: { sheetId: string; revision?: number }) {
  const rendered = await render(request);
  const docx = readDocx(Buffer.from(rendered.base64, 'base64'));
  return { rendered, docx, text: plainText(docx.text('word/document.xml')) };
}

async function putAsset(bytes: Buffer, ext: string): Promise<string> {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  await writeFile(join(sample.repo, 'assets', name), bytes);
  return name;
}

async function setSection(section: string, content: ReturnType<typeof doc>) {
  await sample.session.handlers['sheets:update']({
    id: 'big-data',
    patch: { sections: { [section]: content } },
  });
}

describe('export of a sheet with bad inputs', () => {
  it('replaces a missing image with a visible placeholder and says so', async () => {
    const [first] = (await readdir(join(sample.repo, 'assets'))).sort();
    await rm(join(sample.repo, 'assets', first ?? ''));
    const { rendered, text } = await documentText({ sheetId: 'big-data' });
    expect(text).toContain(`Image manquante\u00a0: assets/${first}`);
    expect(
      rendered.warnings.some(
        (warning) => warning.includes('image introuvable') && warning.includes(first ?? ''),
      ),
    ).toBe(true);
    // The rest of the sheet is still there.
    expect(text).toContain('Quelle a été l’évolution passée de la variable');
  });

  it('renders an SVG-only figure with a PNG fallback, and a broken SVG as a placeholder', async () => {
    const svg = await putAsset(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200" fill="#1f5a8c"/><text x="20" y="100">Données</text></svg>',
      ),
      'svg',
    );
    const broken = await putAsset(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect'), 'svg');
    await setSection(
      'passe',
      doc(
        paragraph('Avant.'),
        figure('Vectoriel', 'Source A', { asset: svg }),
        figure('Cassé', 'Source B', { asset: broken }),
      ),
    );
    const { rendered, docx, text } = await documentText({ sheetId: 'big-data' });
    const pngs = docx.names.filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    const fallback = pngs
      .map((name) => Buffer.from(docx.bytes(name)))
      .find((png) => png.readUInt32BE(16) >= 900);
    expect(fallback, 'un PNG de repli rendu à la résolution d’impression').toBeDefined();
    expect(fallback?.subarray(1, 4).toString()).toBe('PNG');
    expect(text).toContain(`Image illisible\u00a0: assets/${broken}`);
    expect(rendered.warnings.some((warning) => warning.includes('image illisible'))).toBe(true);
  });

  it('reports a figure that never received its image and one without source', async () => {
    await setSection('passe', doc(figure('Sans image', '', { asset: null })));
    const { rendered, text } = await documentText({ sheetId: 'big-data' });
    expect(text).toContain('Image manquante\u00a0: Figure 1');
    expect(rendered.warnings).toContain('Figure 1 sans source.');
    expect(rendered.warnings.some((warning) => warning.includes('aucune image'))).toBe(true);
  });

  it('names the figures and tables whose caption is empty, in Word and in PDF', async () => {
    await setSection(
      'passe',
      doc(
        figure('Une légende', 'Source A'),
        figure(' \u00a0', 'Source B'),
        tableFigure('', 'Source C', [['Année'], ['2019']]),
        tableFigure('Adoption', '', [['Année'], ['2019']]),
      ),
    );
    for (const format of ['docx', 'pdf'] as const) {
      const { warnings } = await sample.session.handlers['export:render']({ sheetId: 'big-data', format });
      const about = warnings.filter((warning) => /^(Figure|Tableau) \d+ sans/.test(warning));
      expect(about, format).toEqual([
        'Figure 2 sans légende.',
        'Tableau 1 sans légende.',
        'Tableau 2 sans source.',
      ]);
    }
  });

  it('reports the empty sections of a new sheet and still exports it', async () => {
    await sample.session.handlers['sheets:create']({ variableId: 'cobotique' });
    const { rendered, text } = await documentText({ sheetId: 'cobotique' });
    expect(rendered.warnings).toContain('Section «\u00a0Trajectoire de la variable\u00a0» vide.');
    expect(rendered.warnings).toContain('Section «\u00a0Inflexions et ruptures\u00a0» vide.');
    expect(text).toContain('Cobotique');
  });

  it('handles a 10,000-character title and caption: the header stays one line', async () => {
    await setSection('passe', doc(figure('L'.repeat(10_000), 'Source longue')));
    const context = new RepositoryContext(new RepositoryLayout(sample.repo));
    const print = await collectSheet(context, 'big-data');
    const title = 'T'.repeat(10_000);
    const { bytes } = await buildDocx(
      { ...print, variable: { ...print.variable, name: title } },
      await loadLayout(),
    );
    const docx = readDocx(bytes);
    expect(plainText(docx.text('word/document.xml'))).toContain(title);
    expect(plainText(docx.text('word/document.xml'))).toContain('L'.repeat(10_000));
    const header = plainText(docx.text('word/header1.xml'));
    expect(header).toContain(`${'T'.repeat(89)}…`);
    expect(header.length).toBeLessThan(200);
    expect(docx.text('docProps/core.xml')).toContain(`<dc:title>${title}</dc:title>`);
  });

  it('refuses a damaged sheet and an unknown revision with a French message', async () => {
    await writeFile(join(sample.repo, 'sheets', 'big-data.json'), '{ "schemaVersion": 1, "id": ');
    await expect(render({ sheetId: 'big-data' })).rejects.toMatchObject({
      code: 'damaged',
      message: expect.stringContaining('big-data'),
    });
    await expect(render({ sheetId: 'cobotique' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('exports a past revision as it was, and says which in the footer', async () => {
    const { handlers } = sample.session;
    await setSection('passe', doc(paragraph('Texte du comité de mars.')));
    const version = await handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Comité de mars' });
    await setSection('passe', doc(paragraph('Texte réécrit après le comité.')));
    const past = await documentText({ sheetId: 'big-data', revision: version.seq });
    expect(past.rendered.fileName).toBe(`big-data-version-${version.id}.docx`);
    expect(past.text).toContain('Texte du comité de mars.');
    expect(past.text).not.toContain('Texte réécrit après le comité.');
    expect(plainText(past.docx.text('word/footer1.xml'))).toContain('Version du');
    expect(past.docx.text('docProps/core.xml')).toContain(`version n°\u00a0${version.seq}`);
    await expect(render({ sheetId: 'big-data', revision: 999 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('999'),
    });
  });
});
