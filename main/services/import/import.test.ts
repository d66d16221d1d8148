import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { textOf } from '../../../shared/content/doc.js';
import { Paragraph, Table, TableCell, TableRow, Textbox, TextRun } from 'docx';
import { p, paragraphStyle, rawDocx } from '../docx-read/testing/raw-docx.js';
import { pngImage } from '../testing/images.js';
import { openSample, type SampleRepository } from '../export/testing/sample.js';
import { openRepository } from '../session.js';
import { snapshot } from '../testing/fixtures.js';
import { analyse, importFile } from './testing/import-file.js';
import { boldPara, h1, h2, h3, para, title, wordFile } from './testing/word.js';

/** The import's proposal and its application, on documents written as a user would in Word. */

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  await sample.dispose();
});

const blocks = (doc: DocNode | undefined) => (doc?.content ?? []).map((node) => [node.type, textOf(node)]);

async function failure(run: Promise<unknown>): Promise<AppFailure> {
  try {
    await run;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A sheet written in Word, its headings more or less the template's. */
function userSheet(name: string) {
  return wordFile([
    title(name),
    h1('Introduction'),
    para('Un mot d’introduction.'),
    h1('TRAJECTOIRE DE LA VARIABLE'),
    para('Une définition.'),
    h1("Quelle a été l'évolution passée de la variable"),
    para('Un historique.'),
    h2('Les débuts'),
    para('Au commencement.'),
    h1('Dynamiques à l’œuvre'),
    para('Des tendances.'),
    h1('Quelles sont les dynamiques dans la région Hauts-de-France ?'),
    para('En région.'),
    h1('Conclusion'),
    para('Pour finir.'),
  ]);
}

describe('the proposal', () => {
  it('matches the title to its variable and each heading to its section, by question, title, or closely', async () => {
    const proposal = await analyse(sample.session.handlers, 'BIG DATA.docx', await userSheet('big  data'));
    expect(proposal).toMatchObject({ title: 'big  data', variableId: 'big-data', existingSheet: true });
    expect(proposal.parts.map((part) => [part.origin, part.proposed, part.reason])).toEqual([
      ['Titre «\u00a0Introduction\u00a0»', { kind: 'unplaced' }, 'titre non reconnu'],
      [
        'Titre «\u00a0TRAJECTOIRE DE LA VARIABLE\u00a0»',
        { kind: 'section', section: 'trajectoire' },
        'titre du modèle',
      ],
      [
        "Titre «\u00a0Quelle a été l'évolution passée de la variable\u00a0»",
        { kind: 'section', section: 'passe' },
        'question du modèle',
      ],
      [
        'Titre «\u00a0Dynamiques à l’œuvre\u00a0»',
        { kind: 'section', section: 'present-dynamiques' },
        'titre du modèle',
      ],
      [
        'Titre «\u00a0Quelles sont les dynamiques dans la région Hauts-de-France ?\u00a0»',
        { kind: 'section', section: 'present-region' },
        expect.stringMatching(/^titre proche à \d+\u00a0%$/),
      ],
      ['Titre «\u00a0Conclusion\u00a0»', { kind: 'unplaced' }, 'titre non reconnu'],
    ]);
    // A heading below the sections' level is a sub-heading inside its part.
    expect(proposal.parts[2]).toMatchObject({
      blocks: 3,
      excerpt: 'Un historique. Les débuts Au commencement.',
    });
  });
});

describe('applying it', () => {
  it('creates a new variable in the chosen family, its sheet recorded in the history as an import', async () => {
    const h = sample.session.handlers;
    const { result } = await importFile(h, 'hydrogene.docx', await userSheet('Hydrogène vert'), () => ({
      variable: { kind: 'new', familyId: 'attractivite-regionale', name: 'Hydrogène vert' },
      unplacedSection: 'futurs',
    }));
    expect(result).toMatchObject({
      sheetId: 'hydrogene-vert',
      created: true,
      variableCreated: true,
      dryRun: false,
    });
    const overview = await h['repository:overview']({});
    const family = overview.families.find((candidate) => candidate.id === 'attractivite-regionale');
    expect(family?.variables.at(-1)).toMatchObject({
      id: 'hydrogene-vert',
      name: 'Hydrogène vert',
      sheet: { status: 'draft' },
    });
    const { sheet } = await h['sheets:get']({ id: 'hydrogene-vert' });
    expect(blocks(sheet.sections['passe'])).toEqual([
      ['paragraph', 'Un historique.'],
      ['heading', 'Les débuts'],
      ['paragraph', 'Au commencement.'],
    ]);
    // What was not placed went where the user said, its heading kept as a sub-heading.
    expect(blocks(sheet.sections['futurs'])).toEqual([
      ['heading', 'Introduction'],
      ['paragraph', 'Un mot d’introduction.'],
      ['heading', 'Conclusion'],
      ['paragraph', 'Pour finir.'],
    ]);
    const { revisions } = await h['history:list']({ sheetId: 'hydrogene-vert' });
    expect(revisions.map((revision) => [revision.kind, revision.source])).toEqual([
      ['imported', 'hydrogene.docx'],
    ]);
    expect(result.placements.map((placement) => placement.destination)).toEqual([
      'Inflexions et ruptures (contenu non placé)',
      'Trajectoire de la variable',
      'Évolution passée',
      'Dynamiques à l’œuvre',
      'Dynamiques en région',
      'Inflexions et ruptures (contenu non placé)',
    ]);
  });

  it('makes a new revision of an existing sheet only once confirmed; its state before stays restorable', async () => {
    const h = sample.session.handlers;
    const before = await snapshot(sample.repo);
    const bytes = await userSheet('Big Data');
    const refused = await failure(importFile(h, 'big-data.docx', bytes, () => ({ replaceExisting: false })));
    expect(refused.code).toBe('already-exists');
    expect(refused.message).toContain('confirmez');
    expect(await snapshot(sample.repo)).toEqual(before);

    const original = (await h['sheets:get']({ id: 'big-data' })).sheet;
    const { result } = await importFile(h, 'big-data.docx', bytes);
    expect(result).toMatchObject({ created: false, revision: { kind: 'imported', source: 'big-data.docx' } });
    const imported = (await h['sheets:get']({ id: 'big-data' })).sheet;
    // The unplaced parts (before the first section, and « Conclusion ») went to the first section, in order.
    expect(blocks(imported.sections['trajectoire'])).toEqual([
      ['heading', 'Introduction'],
      ['paragraph', 'Un mot d’introduction.'],
      ['paragraph', 'Une définition.'],
      ['heading', 'Conclusion'],
      ['paragraph', 'Pour finir.'],
    ]);
    // Sections the file does not have keep their text.
    expect(imported.sections['futurs']).toEqual(original.sections['futurs']);
    const { revisions } = await h['history:list']({ sheetId: 'big-data' });
    const [importedRevision, beforeImport] = revisions;
    expect(beforeImport?.kind).toBe('import');
    const diff = await h['history:compare']({
      sheetId: 'big-data',
      from: beforeImport?.seq ?? 0,
      to: importedRevision?.seq ?? 0,
    });
    expect(
      diff.parts
        .filter((part) => part.changed)
        .map((part) => part.key)
        .sort(),
    ).toEqual(
      ['section/passe', 'section/present-dynamiques', 'section/present-region', 'section/trajectoire'].sort(),
    );
    await h['history:restore']({ sheetId: 'big-data', seq: beforeImport?.seq ?? 0 });
    expect((await h['sheets:get']({ id: 'big-data' })).sheet.sections).toEqual(original.sections);
  });

  it('follows the user’s choices: a part moved keeps its heading, a part left out is not imported', async () => {
    const h = sample.session.handlers;
    const { proposal, result } = await importFile(h, 'monnaie.docx', await userSheet('Monnaie'), (found) => ({
      targets: {
        [found.parts[1]?.id ?? '']: { kind: 'section', section: 'futurs' },
        [found.parts[5]?.id ?? '']: { kind: 'skip' },
      },
    }));
    expect(proposal.variableId).toBe('monnaie');
    const { sheet } = await h['sheets:get']({ id: 'monnaie' });
    expect(blocks(sheet.sections['trajectoire'])).toEqual([
      ['heading', 'Introduction'],
      ['paragraph', 'Un mot d’introduction.'],
    ]);
    expect(blocks(sheet.sections['futurs'])).toEqual([
      ['heading', 'TRAJECTOIRE DE LA VARIABLE'],
      ['paragraph', 'Une définition.'],
    ]);
    expect(result.placements.at(-1)).toMatchObject({ destination: 'non importé', imported: false });
  });

  it('writes nothing on a dry run, and refuses choices about another file or places the template lacks', async () => {
    const h = sample.session.handlers;
    const before = await snapshot(sample.repo);
    const bytes = await userSheet('Monnaie');
    const { result } = await importFile(h, 'monnaie.docx', bytes, () => ({}), true);
    expect(result).toMatchObject({ dryRun: true, revision: null, created: true, sheetId: 'monnaie' });
    expect(await snapshot(sample.repo)).toEqual(before);
    const stale = await failure(
      importFile(h, 'monnaie.docx', bytes, () => ({ fingerprint: 'a'.repeat(64) })),
    );
    expect(stale.message).toContain('n’est plus celui qui a été analysé');
    const nowhere = await failure(
      importFile(h, 'monnaie.docx', bytes, (found) => ({
        targets: { [found.parts[0]?.id ?? '']: { kind: 'section', section: 'ailleurs' } },
      })),
    );
    expect(nowhere.message).toContain('Section inconnue');
    expect(await snapshot(sample.repo)).toEqual(before);
  });
});

describe('the history of an import', () => {
  it('keeps the imported revision and the file it came from once the repository is reopened', async () => {
    await importFile(sample.session.handlers, 'monnaie.docx', await userSheet('Monnaie'));
    await sample.session.close();
    const reopened = await openRepository(sample.repo, { create: 'never' });
    try {
      const { revisions } = await reopened.handlers['history:list']({ sheetId: 'monnaie' });
      expect(revisions.map((revision) => [revision.kind, revision.source])).toEqual([
        ['imported', 'monnaie.docx'],
      ]);
    } finally {
      await reopened.close();
    }
  });
});

describe('micro-scenarios', () => {
  const scenarioDoc = (withAngles: boolean) =>
    wordFile([
      title('Cobotique'),
      h1('Micro-scénarios'),
      para(
        'Élaborés en atelier, ces scénarios proposent un contenu de l’évolution possible de la variable étudiée, articulés à partir de trois hypothèses :',
      ),
      h2('Hypothèse basse'),
      boldPara('UN ROBOT DANS CHAQUE ATELIER'),
      ...(withAngles
        ? [h3('Économique'), para('Des coûts qui baissent.'), h3('Social : des emplois qui changent.')]
        : [para('Tout en un.')]),
      h2('Hypothèse haute : LES COBOTS PARTOUT'),
      ...(withAngles ? [h3('Environnemental'), para('Moins de rebuts.')] : []),
    ]);

  it('reads the hypotheses, their capitalised titles and their angles into the sheet’s own scenarios', async () => {
    const h = sample.session.handlers;
    const { proposal, result } = await importFile(h, 'cobotique.docx', await scenarioDoc(true));
    expect(proposal.recognised).toEqual([
      'Titre de la fiche',
      'Titre «\u00a0Micro-scénarios\u00a0»',
      'Note de méthode des micro-scénarios',
    ]);
    expect(proposal.parts.map((part) => [part.origin, part.proposed])).toEqual([
      ['Hypothèse basse\u00a0: titre', { kind: 'scenario-title', hypothesis: 'basse' }],
      ['Hypothèse basse › Économique', { kind: 'scenario-angle', hypothesis: 'basse', angle: 'economique' }],
      ['Hypothèse basse › Social', { kind: 'scenario-angle', hypothesis: 'basse', angle: 'social' }],
      ['Hypothèse haute\u00a0: titre', { kind: 'scenario-title', hypothesis: 'haute' }],
      [
        'Hypothèse haute › Environnemental',
        { kind: 'scenario-angle', hypothesis: 'haute', angle: 'environnemental' },
      ],
    ]);
    expect(result.usesFamilyScenarios).toBe(false);
    const { sheet } = await h['sheets:get']({ id: 'cobotique' });
    const { basse, haute } = sheet.microScenarios.scenarios;
    expect(basse?.title).toBe('UN ROBOT DANS CHAQUE ATELIER');
    expect(textOf(basse?.angles['economique'] ?? { type: 'doc' })).toBe('Des coûts qui baissent.');
    expect(textOf(basse?.angles['social'] ?? { type: 'doc' })).toBe('des emplois qui changent.');
    expect(haute?.title).toBe('LES COBOTS PARTOUT');
    expect(textOf(haute?.angles['environnemental'] ?? { type: 'doc' })).toBe('Moins de rebuts.');
  });

  it('puts a scenario without angle labels under the first angle, and says so', async () => {
    const proposal = await analyse(sample.session.handlers, 'cobotique.docx', await scenarioDoc(false));
    expect(proposal.parts[1]).toMatchObject({
      proposed: { kind: 'scenario-angle', hypothesis: 'basse', angle: 'economique' },
      reason: 'angles non repérés\u00a0: tout sous «\u00a0Économique\u00a0»',
    });
  });
});

describe('blocks written the way Word users write them', () => {
  it('reads French Word’s styles by name: Titre1 opens a section, a Lgende paragraph captions the image above it', async () => {
    const picture =
      '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="1" name="x"/>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
      '<pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const bytes = rawDocx({
      title: 'Monnaie',
      styles: [
        paragraphStyle('Titre1', 'heading 1'),
        paragraphStyle('Titre3', 'heading 3'),
        paragraphStyle('Lgende', 'caption'),
      ].join(''),
      relationships: [{ id: 'rIdImage', type: 'image', target: 'media/image1.png' }],
      parts: { 'word/media/image1.png': pngImage(20, 10) },
      body: [
        p('Quelle a été l’évolution passée de la variable ?', { style: 'Titre1' }),
        p('Un sous-titre', { style: 'Titre3' }),
        picture,
        p('Figure 3 : Le cours de l’euro', { style: 'Lgende' }),
        p('Source\u00a0: Banque de France'),
      ].join(''),
    });
    const { result } = await importFile(sample.session.handlers, 'monnaie.docx', bytes);
    expect(result.placements.map((placement) => placement.destination)).toEqual(['Évolution passée']);
    const { sheet } = await sample.session.handlers['sheets:get']({ id: 'monnaie' });
    const [heading, figure] = sheet.sections['passe']?.content ?? [];
    expect(heading).toMatchObject({ type: 'heading', attrs: { level: 4 } });
    expect(figure).toMatchObject({
      type: 'figure',
      attrs: { asset: expect.stringMatching(/\.png$/), width: 'column' },
      content: [
        { type: 'caption', content: [{ type: 'text', text: 'Le cours de l’euro' }] },
        { type: 'sourceLine', content: [{ type: 'text', text: 'Banque de France' }] },
      ],
    });
  });

  it('makes encadrés of one-cell tables and text boxes that open on a bold title', async () => {
    const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
    const bytes = await wordFile([
      title('Monnaie'),
      h1('Trajectoire de la variable'),
      new Table({
        rows: [
          new TableRow({
            children: [new TableCell({ children: [bold('Le saviez-vous ?'), para('L’euro a vingt ans.')] })],
          }),
        ],
      }),
      new Textbox({
        style: { width: '200pt', height: '80pt' },
        children: [bold('À retenir'), para('Une monnaie commune.')],
      }),
      new Table({
        rows: [new TableRow({ children: [new TableCell({ children: [para('Une cellule ordinaire.')] })] })],
      }),
    ]);
    await importFile(sample.session.handlers, 'monnaie.docx', bytes);
    const { sheet } = await sample.session.handlers['sheets:get']({ id: 'monnaie' });
    expect(blocks(sheet.sections['trajectoire'])).toEqual([
      ['encadre', 'Le saviez-vous ?\nL’euro a vingt ans.'],
      ['encadre', 'À retenir\nUne monnaie commune.'],
      ['tableFigure', '\nUne cellule ordinaire.\n'],
    ]);
  });
});
