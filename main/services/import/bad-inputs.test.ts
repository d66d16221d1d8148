import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES } from '../../../shared/content/assets.js';
import { textOf } from '../../../shared/content/doc.js';
import { AppFailure } from '../../../shared/result.js';
import { UNREADABLE_FILES } from '../docx-read/testing/unreadable-files.js';
import { openSample, type SampleRepository } from '../export/testing/sample.js';
import { snapshot } from '../testing/fixtures.js';
import { heavyPng } from '../testing/images.js';
import { mammothDocx } from '../testing/shared-testdata.js';
import { importFile } from './testing/import-file.js';

/**
 * Bad input, through the import's operations as the interface calls them: a clear French
 * message, and the repository folder byte for byte as it was; or, for what can still be
 * imported (linked or huge images, strict files, comments and tracked changes), the
 * import with a warning saying what was done.
 */

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  await sample.dispose();
});

async function refused(name: string, bytes: Buffer): Promise<{ reason: unknown; message: string }> {
  const before = await snapshot(sample.repo);
  const h = sample.session.handlers;
  // Thunks, run one after the other: a second call started early would reject unobserved.
  const attempts = [
    () => h['import:analyse']({ name, base64: bytes.toString('base64') }),
    () =>
      h['import:apply']({
        name,
        base64: bytes.toString('base64'),
        choices: {
          fingerprint: '0'.repeat(64),
          variable: { kind: 'existing', variableId: 'monnaie' },
          replaceExisting: false,
          targets: {},
          unplacedSection: 'trajectoire',
        },
      }),
  ];
  const failures: AppFailure[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
    } catch (error) {
      if (error instanceof AppFailure) failures.push(error);
      else throw error;
    }
  }
  expect(failures).toHaveLength(2);
  expect(failures[1]?.message).toBe(failures[0]?.message);
  expect(await snapshot(sample.repo), 'le dépôt, octet pour octet').toEqual(before);
  return { reason: failures[0]?.details?.['reason'], message: failures[0]?.message ?? '' };
}

describe('refused, with nothing written', () => {
  it.each(UNREADABLE_FILES)('%s', async (name, bytes, reason, words) => {
    const failure = await refused(name, bytes());
    expect(failure.reason).toBe(reason);
    expect(failure.message).toContain(words);
  });

  it('a zip that is not a Word document', async () => {
    const { writeZip } = await import('../docx-read/testing/zip-writer.js');
    const failure = await refused(
      'photos.docx',
      writeZip([{ name: 'photo.jpg', data: Buffer.from('jpeg') }]),
    );
    expect(failure).toMatchObject({ reason: 'not-docx' });
  });

  it('takes back what it wrote when the sheet cannot be written after all', async () => {
    const h = sample.session.handlers;
    // The sheet's file name is taken by a folder: the write fails after the variable and the image.
    await mkdir(join(sample.repo, 'sheets', 'hydrogene.json'));
    const before = await snapshot(sample.repo);
    const png = heavyPng(4096);
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Hydrogène')] }),
              new Paragraph({
                children: [
                  new ImageRun({ type: 'png', data: png, transformation: { width: 16, height: 8 } }),
                ],
              }),
              new Paragraph('Figure 1 : Une image'),
            ],
          },
        ],
      }),
    );
    let failure: unknown;
    try {
      await importFile(h, 'hydrogene.docx', bytes, () => ({
        variable: { kind: 'new', familyId: 'attractivite-regionale', name: 'Hydrogène' },
      }));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect(await snapshot(sample.repo)).toEqual(before);
  });
});

describe('imported, with a warning', () => {
  it('a linked image that is not in the file: the figure gets its placeholder', async () => {
    const { result } = await importFile(
      sample.session.handlers,
      'externe.docx',
      await readFile(mammothDocx('external-picture')),
      () => ({
        variable: { kind: 'new', familyId: 'evolutions-societales', name: 'Image externe' },
      }),
    );
    expect(result.warnings.join('\n')).toContain(
      'liée à un fichier extérieur au document (tiny-picture.png)',
    );
    const { sheet } = await sample.session.handlers['sheets:get']({ id: result.sheetId });
    expect(sheet.sections['trajectoire']?.content?.[0]).toMatchObject({
      type: 'figure',
      attrs: { asset: null },
    });
  });

  it('huge images: accepted up to the asset limit, a placeholder beyond it', async () => {
    const figure = (data: Buffer, caption: string) => [
      new Paragraph({
        children: [new ImageRun({ type: 'png', data, transformation: { width: 16, height: 8 } })],
      }),
      new Paragraph(`Figure 1 : ${caption}`),
    ];
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Monnaie')] }),
              ...figure(heavyPng(MAX_IMAGE_BYTES - 1024), 'Lourde mais acceptée'),
              ...figure(heavyPng(MAX_IMAGE_BYTES + 1024 * 1024), 'Trop lourde'),
            ],
          },
        ],
      }),
    );
    const { result } = await importFile(sample.session.handlers, 'monnaie.docx', bytes);
    expect(result.warnings.join('\n')).toMatch(/pèse 21,0\u00a0Mo\u00a0: la limite est de 20\u00a0Mo/);
    const { sheet } = await sample.session.handlers['sheets:get']({ id: 'monnaie' });
    const [accepted, tooLarge] = sheet.sections['trajectoire']?.content ?? [];
    expect(accepted).toMatchObject({ type: 'figure', attrs: { asset: expect.stringMatching(/\.png$/) } });
    expect(tooLarge).toMatchObject({ type: 'figure', attrs: { asset: null } });
    const stored = await readFile(join(sample.repo, 'assets', String(accepted?.attrs?.['asset'])));
    expect(stored.length).toBe(MAX_IMAGE_BYTES - 1024);
  }, 120_000);

  it('strict Open XML is read as any document', async () => {
    const { result } = await importFile(
      sample.session.handlers,
      'strict.docx',
      await readFile(mammothDocx('strict-format')),
      () => ({
        variable: { kind: 'existing', variableId: 'export' },
      }),
    );
    const { sheet } = await sample.session.handlers['sheets:get']({ id: result.sheetId });
    expect(textOf(sheet.sections['trajectoire'] ?? { type: 'doc' })).toBe('Test');
  });

  it('comments and tracked changes: the accepted text, and a warning for each', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        comments: { children: [{ id: 0, author: 'Claire', children: [new Paragraph('À sourcer.')] }] },
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Monnaie')] }),
              new Paragraph({
                children: [
                  new CommentRangeStart(0),
                  new TextRun('L’euro '),
                  new CommentRangeEnd(0),
                  new TextRun({ children: [new CommentReference(0)] }),
                  new InsertedTextRun({
                    text: 'reste ',
                    id: 1,
                    author: 'Claire',
                    date: '2024-03-12T10:00:00Z',
                  }),
                  new DeletedTextRun({
                    text: 'devient ',
                    id: 2,
                    author: 'Paul',
                    date: '2024-03-12T11:00:00Z',
                  }),
                  new TextRun('fort.'),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const { result } = await importFile(sample.session.handlers, 'monnaie.docx', bytes);
    expect(result.warnings).toEqual([
      'Le document contient 1\u00a0commentaire de relecture\u00a0: ils ne sont pas importés (le texte commenté l’est).',
      'Le document contient 2\u00a0modifications suivies\u00a0: le texte importé est celui où elles sont toutes acceptées.',
    ]);
    const { sheet } = await sample.session.handlers['sheets:get']({ id: 'monnaie' });
    expect(textOf(sheet.sections['trajectoire'] ?? { type: 'doc' })).toBe('L’euro reste fort.');
  });
});
