import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLES } from './styles.js';
import { attributeValues, plainText, readDocx, type DocxParts } from '../testing/docx-parts.js';
import { openSample, type SampleRepository } from '../testing/sample.js';

/** The Big Data sample exported, and its XML read as Word reads it. */
let sample: SampleRepository;
let docx: DocxParts;
let warnings: string[];

beforeAll(async () => {
  sample = await openSample();
  const rendered = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
  expect(rendered.fileName).toBe('big-data.docx');
  expect(rendered.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  warnings = rendered.warnings;
  docx = readDocx(Buffer.from(rendered.base64, 'base64'));
});

afterAll(async () => {
  await sample.dispose();
});

describe('Word export of the Big Data sample', () => {
  it('names a defined style on every paragraph, and uses the sheet’s styles', () => {
    const document = docx.text('word/document.xml');
    const styles = docx.text('word/styles.xml');
    const defined = new Set(attributeValues(styles, 'w:style', 'w:styleId'));
    const used = new Set(attributeValues(document, 'w:pStyle', 'w:val'));
    for (const style of used) expect(defined, `style ${style}`).toContain(style);
    for (const role of [
      'family',
      'title',
      'opening',
      'displayTitle',
      'band',
      'question',
      'body',
      'source',
      'caption',
      'encadreTitle',
      'encadreText',
      'diagramFamily',
      'diagramVariable',
      'diagramCurrent',
      'methodNote',
      'familyNote',
      'hypothesisLabel',
      'scenarioTitle',
      'angleLabel',
      'angleText',
    ] as const) {
      expect(used, `style ${STYLES[role].id} (${role}) utilisé`).toContain(STYLES[role].id);
    }
    // Word's own headings: the navigation pane and a table of contents work.
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Heading1"[^>]*>\s*<w:name w:val="heading 1"\/>/i);
    expect(styles).toContain('w:styleId="FicheCorps"');
    expect(styles).toContain('<w:name w:val="Fiche – Corps de texte"/>');
  });

  it('lays the body out in two columns between continuous section breaks', () => {
    const document = docx.text('word/document.xml');
    const columns = attributeValues(document, 'w:cols', 'w:num');
    expect(columns).toContain('2');
    expect(columns).toContain('1');
    const breaks = attributeValues(document, 'w:type', 'w:val');
    expect(breaks.filter((type) => type === 'continuous').length).toBeGreaterThan(4);
    // The micro-scenarios start on a new page.
    expect(breaks).toContain('nextPage');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('hyphenates, justifies and speaks French', () => {
    const settings = docx.text('word/settings.xml');
    expect(settings).toContain('<w:autoHyphenation/>');
    expect(settings).toContain('<w:doNotHyphenateCaps/>');
    const styles = docx.text('word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="fr-FR"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/w:styleId="FicheCorps"[\s\S]*?<w:jc w:val="both"\/>/);
  });

  it('numbers figures with SEQ fields, kept with their image and followed by their source', () => {
    const document = docx.text('word/document.xml');
    const fields = [
      ...document.matchAll(
        /<w:fldSimple w:instr="SEQ Figure \\\* ARABIC(?: \\r 1)?">.*?<w:t[^>]*>(\d+)<\/w:t>/g,
      ),
    ];
    expect(fields.map((match) => match[1])).toEqual(['1', '2']);
    const text = plainText(document);
    expect(text).toContain('Figure\u00a01\u00a0: Les 4 principaux freins à la transformation digitale');
    expect(text).toContain('Figure\u00a02\u00a0: Utilisation du numérique dans les industries régionales');
    expect(text).toContain('Source\u00a0: BPifrance le Lab');
    expect(text).toContain('Source\u00a0: 5septdirect');
    // Caption above (the layout's choice), kept with the image that follows.
    expect(document).toMatch(/<w:pStyle w:val="Caption"\/><w:keepNext\/>/);
    expect(document).toMatch(/<w:pStyle w:val="FicheFigure"\/>[\s\S]*?<w:drawing>/);
  });

  it('ships each SVG with a PNG fallback for Word', () => {
    const media = docx.names.filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
    expect(docx.text('word/document.xml')).toContain('asvg:svgBlip');
  });

  it('writes the opening, the diagram, the bands and the micro-scenarios', () => {
    const text = plainText(docx.text('word/document.xml'));
    expect(text).toContain('5.\u00a0Évolutions technologiques');
    expect(text).toContain('Cette fiche s’inscrit dans un système global de variables.');
    expect(text).toContain('Système de variables');
    // Every family and variable of the system, in the diagram.
    for (const name of [
      '1.\u00a0Contexte économique global',
      '6.\u00a0Évolutions sociétales',
      'Tendances de consommation',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Passé > Présent > Futurs possibles');
    expect(text).toMatch(/Quelles sont les dynamiques en région Hauts-de-France[\u00a0\u202f]\?/);
    expect(text).toContain('Le Health Data Hub (HDH)');
    expect(text).toContain('LA DIFFICILE MISE EN RÉSEAU DU TISSU INDUSTRIEL');
    expect(text).toContain('Hypothèse tendancielle');
    expect(text).toContain('À noter\u00a0: les micro-scénarios');
    // The current variable is highlighted in the diagram.
    expect(docx.text('word/document.xml')).toMatch(
      /<w:pStyle w:val="FicheSystemeVariableFiche"\/>[\s\S]*?<w:t[^>]*>Big Data<\/w:t>/,
    );
  });

  it('puts the family and the variable in the header, the PAGE field and the exercise in the footer', () => {
    const headers = docx.names
      .filter((name) => /^word\/header\d+\.xml$/.test(name))
      .map((name) => docx.text(name));
    expect(headers.some((xml) => plainText(xml).includes('5. Évolutions technologiques'))).toBe(true);
    expect(headers.some((xml) => plainText(xml).includes('Big Data'))).toBe(true);
    expect(headers.some((xml) => plainText(xml).includes('Micro-scénarios (suite)'))).toBe(true);
    // The opening page too carries the header, as in the PDF: its section has no first-page header of its own.
    const opening = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(docx.text('word/document.xml'))?.[0] ?? '';
    expect(opening).toMatch(/<w:headerReference w:type="default"/);
    expect(opening).not.toContain('<w:titlePg');
    const footers = docx.names
      .filter((name) => /^word\/footer\d+\.xml$/.test(name))
      .map((name) => docx.text(name));
    expect(footers.some((xml) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(xml))).toBe(true);
    expect(footers.some((xml) => plainText(xml).includes('Chantier prospectif Industrie 2040'))).toBe(true);
    expect(footers.some((xml) => plainText(xml).includes('Version du 15 mars 2021'))).toBe(true);
  });

  it('fills the document properties and embeds the shipped font with its fallback', () => {
    const core = docx.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Big Data</dc:title>');
    expect(core).toContain('<dc:creator>Agence Hauts-de-France 2020-2040</dc:creator>');
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
    expect(core).toContain(
      '<dc:subject>Fiche variable — 5. Évolutions technologiques — Chantier prospectif Industrie 2040</dc:subject>',
    );
    expect(core).toMatch(
      /<cp:keywords>fiche variable; Big Data; Évolutions technologiques; Chantier prospectif Industrie 2040; Hauts-de-France</,
    );
    const fonts = docx.text('word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="Source Sans 3"><w:altName w:val="Arial"/>');
    expect(fonts.match(/<w:embed(?:Regular|Bold|Italic|BoldItalic) /g)).toHaveLength(4);
    expect(docx.names.filter((name) => name.endsWith('.odttf'))).toHaveLength(4);
    expect(docx.text('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
  });

  it('reports the sample’s empty parts as warnings, nothing else', () => {
    expect(warnings.every((warning) => /vide\.$|sans titre\.$/.test(warning))).toBe(true);
  });
});
