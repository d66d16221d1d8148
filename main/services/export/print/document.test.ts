import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, figure, paragraph, tableFigure } from '../../../../shared/content/builders.js';
import type { DocNode } from '../../../../shared/content/doc.js';
import { sampleRepository, type SampleRepository } from '../../testing/print-sheet.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { buildPrintDocument } from './document.js';
import { SOFT_HYPHEN } from './hyphenate.js';

let sample: SampleRepository;
let bigData: PrintSheet;
let layout: LoadedLayout;

beforeAll(async () => {
  sample = await sampleRepository();
  bigData = await sample.bigData();
  layout = await loadLayout();
});
afterAll(() => sample.dispose());

async function parsed(print: PrintSheet, loaded = layout) {
  const built = await buildPrintDocument(print, loaded);
  return { ...built, document: new JSDOM(built.html).window.document };
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) =>
    (element.textContent ?? '').replaceAll(SOFT_HYPHEN, ''),
  );

function withSection(print: PrintSheet, id: string, content: DocNode): PrintSheet {
  return { ...print, sheet: { ...print.sheet, sections: { ...print.sheet.sections, [id]: content } } };
}

describe('the print document of Big Data', () => {
  it('has the parts of the sheet in the layout’s order', async () => {
    const { document, html } = await parsed(bigData);
    expect(document.documentElement.lang).toBe('fr-FR');
    expect(document.title).toBe('Big Data');
    expect(texts(document, 'h1')).toEqual(['Big Data']);
    expect(texts(document, '.family-line')).toEqual(['5.\u00a0Évolutions technologiques']);
    const headings = texts(document, 'h2');
    expect(headings).toEqual([
      'Système de variables',
      'Trajectoire de la variable',
      'Quelle a été l’évolution passée de la variable\u202f?',
      'Quelles sont les dynamiques à l’œuvre\u202f?',
      'Quelles sont les dynamiques en région Hauts-de-France\u202f?',
      'Quelles sont les inflexions et ruptures qui pourraient modifier les dynamiques en cours\u202f?',
      'Micro-scénarios',
    ]);
    // Opening text, then diagram, then body, then micro-scenarios, in the document's order.
    const order = [
      'Cette fiche s’inscrit',
      'class="diagram"',
      'Le Big Data signifie',
      'class="micro new-page"',
      'Micro-scénarios (suite)',
    ].map((marker) => html.replaceAll(SOFT_HYPHEN, '').indexOf(marker));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('draws the system of variables with this sheet’s variable highlighted', async () => {
    const { document } = await parsed(bigData);
    const blocks = document.querySelectorAll('.diagram-block');
    expect(blocks).toHaveLength(6);
    expect(texts(document, '.diagram-block .r-diagramFamily')[4]).toBe('5.\u00a0Évolutions technologiques');
    expect(texts(document, '[aria-current="true"]')).toEqual(['Big Data']);
    expect(document.querySelectorAll('.diagram li')).toHaveLength(29);
  });

  it('shows one band a phase, the current one emphasised, each above its question', async () => {
    const { document } = await parsed(bigData);
    const bands = [...document.querySelectorAll('.band')];
    expect(bands).toHaveLength(3);
    expect(bands.map((band) => band.querySelector('.phase-current')?.textContent)).toEqual([
      'Passé',
      'Présent',
      'Futurs possibles',
    ]);
    for (const band of bands) {
      expect(band.querySelectorAll('.phase-other')).toHaveLength(2);
      expect(band.nextElementSibling?.classList.contains('question')).toBe(true);
    }
  });

  it('numbers the figures through the sheet, with their caption and source', async () => {
    const { document, warnings } = await parsed(bigData);
    expect(texts(document, 'figure.figure figcaption')).toEqual([
      'Figure\u00a01\u00a0: Les 4 principaux freins à la transformation digitale',
      'Figure\u00a02\u00a0: Utilisation du numérique dans les industries régionales',
    ]);
    const first = document.querySelector('figure.figure') as Element;
    expect(first.children[0]?.tagName).toBe('FIGCAPTION');
    expect(first.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(texts(first, '.source')[0]).toMatch(/^Source\u00a0: BPifrance le Lab/);
    expect(warnings).toEqual([]);
  });

  it('puts the micro-scenarios on their pages: notes, then three hypotheses with title and angles', async () => {
    const { document } = await parsed(bigData);
    const micro = document.querySelector('.micro') as Element;
    expect(texts(micro, '.method-note')[0]).toMatch(/^Élaborés en atelier/);
    expect(texts(micro, '.family-note')[0]).toMatch(/^À noter/);
    expect(texts(document, '.hypothesis-label')).toEqual([
      'Hypothèse basse',
      'Hypothèse tendancielle',
      'Hypothèse haute',
    ]);
    expect(texts(micro, '.hypothesis-label')).toEqual(['Hypothèse basse']);
    expect(texts(document, '.micro-continued > .display-title')).toEqual(['Micro-scénarios (suite)']);
    expect(texts(document, '.scenario-title')[0]).toMatch(/^UNE INTÉGRATION INSUFFISANTE/);
    expect(texts(micro, '.hypothesis .angle-label')).toEqual(['Économique', 'Environnemental', 'Social']);
  });

  it('puts each hypothesis on its own continuation page when the layout asks', async () => {
    const own = structuredClone(layout);
    own.layout.microScenarios.hypothesisOnNewPage = true;
    const { document } = await parsed(bigData, own);
    expect(document.querySelectorAll('.micro-continued')).toHaveLength(2);
  });

  it('hyphenates the body with soft hyphens, never the titles', async () => {
    const { document } = await parsed(bigData);
    expect(document.querySelector('.body p')?.textContent).toContain(`aug${SOFT_HYPHEN}mente`);
    expect(document.querySelector('h2')?.textContent).not.toContain(SOFT_HYPHEN);
    const off = structuredClone(layout);
    off.layout.hyphenation.enabled = false;
    expect((await parsed(bigData, off)).html).not.toContain(SOFT_HYPHEN);
  });

  it('never hyphenates sub-headings, captions, encadré titles, table headers or addresses', async () => {
    const url = 'https://www.economie.gouv.fr/entreprises/transformation-numerique-industrie';
    const print = withSection(
      bigData,
      'trajectoire',
      doc(
        {
          type: 'heading',
          attrs: { level: 3 },
          content: [{ type: 'text', text: 'Le prototypage rapide industrialisé' }],
        },
        {
          type: 'heading',
          attrs: { level: 4 },
          content: [{ type: 'text', text: 'Investissements consolidés' }],
        },
        paragraph(`Voir ${url} pour les investissements consolidés.`),
        tableFigure('Investissements consolidés par année', 'Insee', [
          ['Année', 'Investissements consolidés'],
          ['2019', 'Investissements consolidés'],
        ]),
        {
          type: 'encadre',
          content: [
            { type: 'encadreTitle', content: [{ type: 'text', text: 'Investissements consolidés' }] },
            paragraph('Investissements consolidés.'),
          ],
        },
      ),
    );
    const { document } = await parsed(print);
    const raw = (selector: string) =>
      [...document.querySelectorAll(selector)].map((element) => element.textContent);
    expect(raw('.body h3')).toEqual(['Le prototypage rapide industrialisé']);
    expect(raw('.body h4')).toEqual(['Investissements consolidés']);
    expect(raw('th')).toEqual(['Année', 'Investissements consolidés']);
    expect(raw('figcaption')).toContain('Tableau\u00a01\u00a0: Investissements consolidés par année');
    expect(raw('figcaption').join('')).not.toContain(SOFT_HYPHEN);
    expect(raw('.encadre-title')).toContain('Investissements consolidés');
    expect(raw('.encadre-title').join('')).not.toContain(SOFT_HYPHEN);
    // The body around them is hyphenated, cells and the encadré's text included; the address is not.
    expect(raw('td').join('')).toContain(
      `In${SOFT_HYPHEN}ves${SOFT_HYPHEN}tis${SOFT_HYPHEN}se${SOFT_HYPHEN}ments`,
    );
    expect(raw('.encadre p:not(.encadre-title)').join('')).toContain(SOFT_HYPHEN);
    expect(raw('.body p').join('')).toContain(`Voir ${url} pour`);
  });

  it('writes the running header and footer from the layout, with the page number', async () => {
    const { html } = await parsed(bigData);
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).toContain('@top-left { content: "5" ". " "\u00c9volutions technologiques"');
    expect(style).toContain('@top-right { content: "Big Data"');
    expect(style).toContain('@bottom-center { content: counter(page)');
    expect(style).toContain('"Chantier prospectif Industrie 2040"');
    expect(style).toMatch(/@bottom-right \{ content: "Version du " "\d{1,2} \S+ \d{4}"/);
    expect(style).toContain(
      'font-family: "Source Sans 3"; font-weight: 700; font-style: italic; src: url(data:font/ttf;base64,',
    );
  });
});

describe('content in the print document', () => {
  it('numbers tables apart from figures, captions below when the layout says so', async () => {
    const print = withSection(
      bigData,
      'trajectoire',
      doc(
        paragraph('Avant.'),
        tableFigure('Adoption par taille', 'Enquête 2019', [
          ['Taille', 'Part'],
          ['PME', '40 %'],
        ]),
        figure('Une figure sans image', 'Source maison', { asset: null }),
      ),
    );
    const below = structuredClone(layout);
    below.layout.captions.position = 'below';
    const { document, warnings } = await parsed(print, below);
    expect(texts(document, 'figure.table-figure figcaption')).toEqual([
      'Tableau\u00a01\u00a0: Adoption par taille',
    ]);
    expect(texts(document, 'figure.figure figcaption')[0]).toBe('Figure\u00a01\u00a0: Une figure sans image');
    // The sample's own figures come after, in later sections: 2 and 3.
    expect(texts(document, 'figure.figure figcaption')[1]).toMatch(/^Figure\u00a02\u00a0: Les 4 principaux/);
    const table = document.querySelector('figure.table-figure') as Element;
    expect([...table.children].map((child) => child.tagName)).toEqual(['TABLE', 'FIGCAPTION', 'P']);
    expect(texts(table, 'th')).toEqual(['Taille', 'Part']);
    expect(document.querySelector('figure.figure .figure-missing')?.textContent).toBe('Image manquante');
    expect(warnings).toEqual([expect.stringMatching(/^Aucune image dans la figure 1/)]);
  });

  it('prints a placeholder and a warning for an image whose file is gone', async () => {
    const asset = '30499ae46edd0f5f8102679793a64955ccde656ade4b7478e61be36a2f5e763a.svg';
    const other = await sampleRepository();
    try {
      await rm(join(other.repo, 'assets', asset));
      const { document, warnings } = await parsed(await other.bigData());
      expect(document.querySelectorAll('.figure-missing')).toHaveLength(1);
      expect(document.querySelectorAll('figure img')).toHaveLength(1);
      expect(warnings).toEqual([
        `Image manquante pour la figure 1\u00a0: le fichier assets/${asset} est absent du dépôt\u00a0; un cadre «\u00a0Image manquante\u00a0» la remplace.`,
      ]);
    } finally {
      await other.dispose();
    }
  });

  it('escapes every text, so no content becomes markup, style or script', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes" \'';
    const cssAttack = '"; } body { display: none } @page { content: "';
    const content = doc(
      paragraph(attack),
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'lien piégé',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(3)' } }],
          },
          { type: 'text', text: ' et ' },
          {
            type: 'text',
            text: 'lien sûr',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/?a="b"' } }],
          },
        ],
      },
      figure(attack, attack, { asset: null }),
      {
        type: 'tableFigure',
        content: [
          { type: 'caption' },
          {
            type: 'table',
            content: [
              {
                type: 'tableRow',
                content: [
                  { type: 'tableCell', attrs: { colspan: '2" onclick="x' }, content: [paragraph(attack)] },
                ],
              },
            ],
          },
          { type: 'sourceLine' },
        ],
      },
    );
    const print: PrintSheet = {
      ...withSection(bigData, 'passe', content),
      variable: { ...bigData.variable, name: attack },
      family: { ...bigData.family, name: cssAttack },
      repository: {
        ...bigData.repository,
        exercise: { ...bigData.repository.exercise, name: `${cssAttack}</style><script>x()</script>` },
      },
      scenarios: { ...bigData.scenarios, basse: { title: attack, angles: {} } },
    };
    const { document, html } = await parsed(print);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const withHandlers = [...document.querySelectorAll('*')].filter((element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
    );
    expect(withHandlers).toEqual([]);
    expect(
      [...document.querySelectorAll('img')].every((img) => img.getAttribute('src')?.startsWith('data:')),
    ).toBe(true);
    expect(document.querySelector('h1')?.textContent).toBe(attack);
    expect(document.title).toBe(attack);
    const links = [...document.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['lien sûr', 'https://example.org/?a="b"'],
    ]);
    expect(document.body.textContent).toContain('lien piégé');
    expect(document.querySelector('td')?.hasAttribute('colspan')).toBe(false);
    // One style element, whose strings hold the attack as text.
    expect(document.querySelectorAll('style')).toHaveLength(1);
    const style = document.querySelector('style')?.textContent ?? '';
    expect(style).not.toContain('"; } body');
    expect(style).toContain('"\\22 ; } body { display: none } @page { content: \\22 "');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('drops an unknown node instead of printing it', async () => {
    const print = withSection(
      bigData,
      'passe',
      doc(paragraph('Avant.'), { type: 'iframe', content: [paragraph('caché')] }),
    );
    const { document } = await parsed(print);
    expect(document.body.textContent).not.toContain('caché');
    expect(document.querySelector('iframe')).toBeNull();
  });
});
