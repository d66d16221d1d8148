import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../../../shared/content/doc.js';
import { captionLabel, numberBlocks, numberSheet } from '../../../shared/content/numbering.js';
import { contentProblem } from '../../../shared/content/validate.js';
import { completenessOf } from '../../../shared/model/completeness.js';
import { slugOf } from '../../../shared/model/ids.js';
import { repositoryFileSchema } from '../../../shared/model/repository.js';
import { migrate } from '../storage/migrations.js';
import { familyFileSchema, sheetFileSchema } from '../../../shared/model/sheet.js';
import { sheetTemplateSchema } from '../../../shared/model/template.js';
import { cleanInProcess, prepareImage } from '../assets/import.js';

/**
 * The sheet template and the sample repository are data the application ships and opens
 * on first start: these tests prove they are valid against the fixed model and that the
 * agency's Big Data sheet was re-typed whole, in the right sections.
 */
const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SAMPLE = join(PROJECT_ROOT, 'templates', 'sample-repository');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const template = sheetTemplateSchema.parse(readJson(join(PROJECT_ROOT, 'templates', 'sheet-template.json')));
const repository = repositoryFileSchema.parse(readJson(join(SAMPLE, 'repository.json')));
const sheet = sheetFileSchema.parse(readJson(join(SAMPLE, 'sheets', 'big-data.json')));
// The sample's family file is in format 1, read through the migration as any older file is.
const family = familyFileSchema.parse(
  migrate('family', readJson(join(SAMPLE, 'families', 'evolutions-technologiques.json')), 'families'),
);

/** The system of variables of LAYOUT.md ("The collection"), in order, with French apostrophes. */
const SYSTEM: readonly (readonly [string, readonly string[]])[] = [
  [
    'Contexte économique global',
    [
      'Croissance économique mondiale',
      'Monnaie',
      'Europe, Brexit',
      'Production française',
      'Export',
      'Coûts de production',
      'Intervention de l’État',
      'Internationalisation',
      'Ressources (énergie, matières…)',
    ],
  ],
  [
    'Évolutions économiques de l’industrie',
    ['Servicialisation de l’industrie', 'Modèles d’affaires', 'Logistique et Supply Chain'],
  ],
  ['Évolutions règlementaires', ['Sécurité industrielle', 'Règlementations', 'Changements climatiques']],
  [
    'Attractivité régionale',
    [
      'Capital humain',
      'Attractivité régionale',
      'Infrastructures',
      'Environnement institutionnel, économique, gouvernance locale',
      'Recherche et développement',
    ],
  ],
  [
    'Évolutions technologiques',
    [
      'Big Data',
      'Intelligence Artificielle',
      'Réalité augmentée',
      'Cobotique',
      'Fabrication additive',
      'Internet des objets',
      'Gestion de cycle de vie du produit',
    ],
  ],
  ['Évolutions sociétales', ['Imaginaire de l’industrie', 'Tendances de consommation']],
];

/** Every doc of the sample, keyed by where it lives ("passe", "note", "basse.social"…). */
function sampleDocs(): Map<string, DocNode> {
  const docs = new Map<string, DocNode>(Object.entries(sheet.sections));
  docs.set('note', family.note);
  for (const [hypothesis, scenario] of Object.entries(family.scenarios)) {
    for (const [angle, doc] of Object.entries(scenario.angles)) docs.set(`${hypothesis}.${angle}`, doc);
  }
  return docs;
}

/** Texts by part, including the template's standard texts and the scenario titles. */
function sampleTexts(): Map<string, string> {
  const texts = new Map([...sampleDocs()].map(([key, doc]) => [key, textOf(doc)]));
  texts.set('opening', template.standardTexts.opening.join('\n'));
  texts.set('method', template.standardTexts.microScenariosMethod.join('\n'));
  for (const [hypothesis, scenario] of Object.entries(family.scenarios))
    texts.set(`${hypothesis}.title`, scenario.title);
  return texts;
}

function nodesOfType(node: DocNode, type: string): DocNode[] {
  const own = node.type === type ? [node] : [];
  return [...own, ...(node.content ?? []).flatMap((child) => nodesOfType(child, type))];
}

/** Compares sentences without caring which space or apostrophe the typography chose. */
/** Every string of a JSON value, addresses excepted (an apostrophe may belong to a URL). */
function stringsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'href' || key === 'src' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => stringsOf(item));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => stringsOf(item, name));
  }
  return [];
}

function plain(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ').replace(/’/g, "'");
}

describe('sheet template', () => {
  it('declares the three phases and the five sections in order', () => {
    expect(template.id).toBe('fiche-variable');
    expect(template.name).toBe('Fiche variable');
    expect(template.phases.map((phase) => phase.id)).toEqual(['passe', 'present', 'futurs']);
    expect(template.sections.map((section) => [section.id, section.phase])).toEqual([
      ['trajectoire', undefined],
      ['passe', 'passe'],
      ['present-dynamiques', 'present'],
      ['present-region', 'present'],
      ['futurs', 'futurs'],
    ]);
    expect(template.sections[0]?.title).toBe('Trajectoire de la variable');
    expect(template.sections[0]?.question).toBeUndefined();
    expect(template.sections.slice(1).map((section) => plain(section.question ?? ''))).toEqual([
      "Quelle a été l'évolution passée de la variable ?",
      "Quelles sont les dynamiques à l'œuvre ?",
      'Quelles sont les dynamiques en région Hauts-de-France ?',
      'Quelles sont les inflexions et ruptures qui pourraient modifier les dynamiques en cours ?',
    ]);
  });

  it('holds the standard texts and the micro-scenario grid', () => {
    expect(template.standardTexts.opening[0]).toBe(
      'Cette fiche s’inscrit dans un système global de variables.',
    );
    expect(template.standardTexts.microScenariosMethod).toHaveLength(4);
    expect(template.standardTexts.microScenariosMethod[0]).toMatch(/^Élaborés en atelier/);
    expect(template.microScenarios.hypotheses.map((h) => h.id)).toEqual(['basse', 'tendancielle', 'haute']);
    expect(template.microScenarios.angles.map((a) => a.id)).toEqual([
      'economique',
      'environnemental',
      'social',
    ]);
  });

  it('writes every text with the typographic apostrophe (« Dynamiques à l’œuvre »)', () => {
    const straight = stringsOf(readJson(join(PROJECT_ROOT, 'templates', 'sheet-template.json'))).filter(
      (text) => text.includes("'"),
    );
    expect(straight).toEqual([]);
    expect(template.sections.map((section) => section.title)).toContain('Dynamiques à l’œuvre');
  });

  it('is refused by the schema when a section points to an unknown phase', () => {
    // A fresh parse of the file: mutating it leaves the shared template untouched.
    const broken = readJson(join(PROJECT_ROOT, 'templates', 'sheet-template.json')) as {
      sections: { phase?: string }[];
    };
    const section = broken.sections[1];
    if (section) section.phase = 'avenir';
    expect(sheetTemplateSchema.safeParse(broken).success).toBe(false);
  });
});

describe('sample repository', () => {
  it('describes the exercise', () => {
    expect(repository.exercise).toEqual({
      name: 'Chantier prospectif Industrie 2040',
      organisation: 'Agence Hauts-de-France 2020-2040',
      region: 'Hauts-de-France',
      horizon: '2040',
    });
  });

  it('lists the 6 families and 29 variables of LAYOUT.md in order, numbered 1 to 6', () => {
    expect(repository.families.map((f) => [f.number, f.name, f.variables.map((v) => v.name)])).toEqual(
      SYSTEM.map(([name, variables], index) => [index + 1, name, variables]),
    );
    expect(repository.families.flatMap((f) => f.variables)).toHaveLength(29);
  });

  it('names every family and variable by the slug of its name', () => {
    for (const item of repository.families.flatMap((f) => [f, ...f.variables])) {
      expect(item.id, item.name).toBe(slugOf(item.name));
    }
    const technology = repository.families.find((f) => f.id === family.familyId);
    expect(technology?.variables[0]).toEqual({ id: 'big-data', name: 'Big Data' });
  });
});

describe('Big Data sheet and its family', () => {
  it('is the big-data sheet, under review, using its family’s micro-scenarios', () => {
    expect(sheet.id).toBe('big-data');
    expect(sheet.status).toBe('review');
    expect(sheet.authors).toEqual(['Agence Hauts-de-France 2020-2040']);
    expect(sheet.microScenarios).toEqual({ useFamily: true, scenarios: {} });
    expect(family.familyId).toBe(slugOf('Évolutions technologiques'));
  });

  it('writes every text with the typographic apostrophe', () => {
    const files = [
      join(SAMPLE, 'repository.json'),
      ...readdirSync(join(SAMPLE, 'sheets')).map((name) => join(SAMPLE, 'sheets', name)),
      ...readdirSync(join(SAMPLE, 'families')).map((name) => join(SAMPLE, 'families', name)),
    ];
    for (const file of files) {
      expect(
        stringsOf(readJson(file)).filter((text) => text.includes("'")),
        file,
      ).toEqual([]);
    }
  });

  it('holds only content the editor accepts', () => {
    for (const [key, doc] of sampleDocs()) expect(contentProblem(doc), key).toBeUndefined();
  });

  it('fills exactly the template’s sections, each complete', () => {
    expect(Object.keys(sheet.sections)).toEqual(template.sections.map((section) => section.id));
    const progress = completenessOf(template, sheet, family.scenarios);
    expect(progress.parts).toHaveLength(template.sections.length + 3 * 4);
    for (const part of progress.parts)
      expect(part.state, `${part.key} (${part.words} mots)`).toBe('complete');
    expect(progress.ratio).toBe(1);
  });

  it('is not complete any more once a section is emptied', () => {
    const emptied = { ...sheet, sections: { ...sheet.sections, passe: { type: 'doc', content: [] } } };
    const progress = completenessOf(template, emptied, family.scenarios);
    expect(progress.parts.find((part) => part.key === 'passe')?.state).toBe('empty');
    expect(progress.ratio).toBeLessThan(1);
  });

  it('gives each hypothesis its capitalised title and three written angles', () => {
    expect(Object.keys(family.scenarios)).toEqual(['basse', 'tendancielle', 'haute']);
    expect(family.scenarios.basse?.title).toMatch(
      /^UNE INTÉGRATION INSUFFISANTE .* À LA TRAÎNE DE L’ÉCHIQUIER/,
    );
    expect(family.scenarios.tendancielle?.title).toBe('LA DIFFICILE MISE EN RÉSEAU DU TISSU INDUSTRIEL');
    expect(family.scenarios.haute?.title).toBe(
      'LA MAÎTRISE DE LA CHAÎNE DE VALEUR NUMÉRIQUE POUR DE NOUVELLES CRÉATIONS DE VALEUR',
    );
    for (const scenario of Object.values(family.scenarios)) {
      expect(Object.keys(scenario.angles)).toEqual(['economique', 'environnemental', 'social']);
      for (const doc of Object.values(scenario.angles)) expect(textOf(doc).trim()).not.toBe('');
    }
    expect(textOf(family.note)).toMatch(/^À noter\u00A0: les micro-scénarios du bloc/);
  });

  it('keeps the Health Data Hub box as an encadré with its title', () => {
    const [encadre] = nodesOfType(sheet.sections.futurs ?? { type: 'doc' }, 'encadre');
    expect(encadre?.content?.[0]?.type).toBe('encadreTitle');
    expect(plain(textOf(encadre?.content?.[0] ?? { type: 'doc' }))).toBe(
      'Le Health Data Hub (HDH) : une plateforme européenne visant à centraliser les données de la santé',
    );
    expect(encadre?.content?.length).toBeGreaterThan(1);
  });

  it('carries its two figures as real figures, numbered through the sheet, each with its source', () => {
    const numbered = numberSheet(template, {
      sections: sheet.sections,
      familyNote: family.note,
      scenarios: family.scenarios,
    }).flatMap(({ part, doc, start }) =>
      doc
        ? numberBlocks(doc, start).map((block) => {
            const figure = doc.content?.[block.index] ?? { type: 'doc' };
            return {
              part: part.kind === 'section' ? part.section : part.kind,
              label: plain(
                captionLabel(block.kind, block.number) + textOf(figure.content?.[0] ?? { type: 'doc' }),
              ),
              source: plain(textOf(figure.content?.[1] ?? { type: 'doc' })),
              asset: figure.attrs?.['asset'],
            };
          })
        : [],
    );
    expect(numbered).toEqual([
      {
        part: 'passe',
        label: 'Figure 1 : Les 4 principaux freins à la transformation digitale',
        source: expect.stringMatching(/^BPifrance le Lab, Enquête/),
        asset: expect.stringMatching(/^[0-9a-f]{64}\.svg$/),
      },
      {
        part: 'present-region',
        label: 'Figure 2 : Utilisation du numérique dans les industries régionales',
        source: 'Agence Hauts-de-France 2020-2040 - Baromètre des entreprises 2019',
        asset: expect.stringMatching(/^[0-9a-f]{64}\.svg$/),
      },
    ]);
    const paragraphs = Object.values(sheet.sections).flatMap((doc) => nodesOfType(doc, 'paragraph'));
    expect(paragraphs.filter((node) => /^Figure \d/.test(textOf(node)))).toEqual([]);
  });

  it('ships each figure’s chart in its assets, named by its content and already clean', async () => {
    const assets = readdirSync(join(SAMPLE, 'assets')).sort();
    const used = Object.values(sheet.sections)
      .flatMap((doc) => nodesOfType(doc, 'figure'))
      .map((node) => String(node.attrs?.['asset']))
      .sort();
    expect(used).toEqual(assets);
    for (const assetId of assets) {
      const bytes = readFileSync(join(SAMPLE, 'assets', assetId));
      expect(`${createHash('sha256').update(bytes).digest('hex')}.svg`).toBe(assetId);
      const prepared = await prepareImage(assetId, bytes, cleanInProcess);
      expect(prepared.removed).toEqual([]);
      expect(prepared.stored.equals(bytes)).toBe(true);
    }
  });

  it('cites every source of the reference without the "Source :" prefix', () => {
    const sources = Object.values(sheet.sections)
      .flatMap((doc) => nodesOfType(doc, 'sourceLine'))
      .map((node) => plain(textOf(node)));
    expect(sources).toEqual([
      '5septdirect',
      expect.stringMatching(/^BPifrance le Lab, Enquête « histoire d'incompréhension », février-avril 2017/),
      "les gains économiques de l'IA (PwC, 2017, Erdyn)",
      'Agence Hauts-de-France 2020-2040 - Baromètre des entreprises 2019',
    ]);
  });

  it('carries the whole text of the reference', () => {
    const total = [...sampleTexts().values()].reduce((sum, text) => sum + text.length, 0);
    expect(total).toBeGreaterThanOrEqual(17_000);
  });

  it.each([
    ['opening', 'quelques évolutions possibles (micro-scénarios travaillés en atelier)'],
    ['trajectoire', "La Data devient ainsi une matière première qui permet d'anticiper, de prédire"],
    ['trajectoire', 'les grandes entreprises produisent en effet plus de datas.'],
    [
      'passe',
      "la moitié des entreprises ont enclenché un projet Big Data alors qu'elles n'étaient que 7 % en 2012",
    ],
    ['passe', "une recherche de haut niveau mais plus fondamentale qu'appliquée."],
    [
      'present-dynamiques',
      "plus d'un chef d'entreprise numérique sur deux (57 %) déclare avoir des difficultés",
    ],
    ['present-region', '94 % des industries y ont recours, contre 82 % toutes activités confondues.'],
    [
      'present-region',
      "les difficultés culturelles et la résistance au changement semblent fortes dans l'industrie",
    ],
    ['futurs', "puis recevoir l'aval de la CNIL. »"],
    ['futurs', 'leur consommation en énergie pour les stocker et les traiter augmente également.'],
    [
      'note',
      "ont été développés en agrégeant l'ensemble des connaissances produites sur l'ensemble des variables",
    ],
    ['basse.economique', 'Elles sont vulnérables aux nouvelles formes de cyberattaques (rançons).'],
    [
      'tendancielle.social',
      "Ce recul du nombre d'emplois induit à terme une baisse de recette pour les collectivités.",
    ],
    ['haute.social', 'permettant aux jeunes générations de mieux connaitre les nouveaux métiers'],
  ])('has in %s: %s', (part, sentence) => {
    expect(plain(sampleTexts().get(part) ?? '')).toContain(sentence);
  });

  it('is typeset in French, with no line-end hyphen left from the PDF', () => {
    for (const [part, text] of sampleTexts()) {
      expect(text, part).not.toMatch(/'|\.\.\.| {2}/);
      expect(text, part).not.toMatch(/« | »| [:;!?%]/);
      expect(text, part).not.toMatch(/\p{Ll}- \p{Ll}/u);
    }
  });
});
