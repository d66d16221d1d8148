import { describe, expect, it } from 'vitest';
import { docOfParagraphs, type DocNode } from '../content/doc.js';
import type { SheetFile } from '../model/sheet.js';
import { diffSheets } from './diff.js';
import type { BlockChange, PartDiff } from './diff-schema.js';
import { partsOfSheet } from './parts.js';
import { comparisonSheet, comparisonTemplate as template } from './testing/comparison-fixture.js';
import { tokenize, wordDiff } from './tokens.js';

const sheet = (sections: Record<string, DocNode>, overrides: Partial<SheetFile> = {}): SheetFile =>
  comparisonSheet(sections, {
    microScenarios: {
      useFamily: false,
      scenarios: {
        basse: { title: 'LA DIFFICILE MISE EN RÉSEAU', angles: { social: docOfParagraphs(['Social.']) } },
      },
    },
    ...overrides,
  });

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const part = (parts: PartDiff[], key: string) => parts.find((entry) => entry.key === key) as PartDiff;
const kinds = (blocks: BlockChange[] | undefined) => blocks?.map((block) => block.kind);
const inserted = (block: BlockChange | undefined) =>
  block?.kind === 'changed' ? block.segments.filter((s) => s.op === 'ins').map((s) => s.text) : [];
const deleted = (block: BlockChange | undefined) =>
  block?.kind === 'changed' ? block.segments.filter((s) => s.op === 'del').map((s) => s.text) : [];

describe('French tokens', () => {
  it('keeps elisions, hyphenated words, accents and no-break spaces apart from punctuation', () => {
    expect(tokenize('l’évolution d\u2019aujourd’hui : porte-parole\u00a0?')).toEqual([
      'l’',
      'évolution',
      ' ',
      'd’',
      'aujourd’',
      'hui',
      ' ',
      ':',
      ' ',
      'porte-parole',
      '\u00a0',
      '?',
    ]);
  });

  it('compares composed and decomposed accents as the same text', () => {
    expect(wordDiff('données', 'donne\u0301es')).toEqual([{ op: 'same', text: 'données' }]);
  });

  it('marks a replaced word, and joins replaced neighbours into one change', () => {
    expect(wordDiff('Le marché croît vite.', 'Le marché décroît vite.')).toEqual([
      { op: 'same', text: 'Le marché ' },
      { op: 'del', text: 'croît' },
      { op: 'ins', text: 'décroît' },
      { op: 'same', text: ' vite.' },
    ]);
    expect(wordDiff('un chat noir dort', 'une chienne blanche dort')).toEqual([
      { op: 'del', text: 'un chat noir' },
      { op: 'ins', text: 'une chienne blanche' },
      { op: 'same', text: ' dort' },
    ]);
  });

  it('shows a typographic space change as a change of that space only', () => {
    const segments = wordDiff('Attention : danger', 'Attention\u00a0: danger');
    expect(segments).toEqual([
      { op: 'same', text: 'Attention' },
      { op: 'del', text: ' ' },
      { op: 'ins', text: '\u00a0' },
      { op: 'same', text: ': danger' },
    ]);
  });
});

describe('diffSheets', () => {
  const base = () =>
    sheet({
      trajectoire: doc(p('Premier paragraphe sur l’évolution.'), p('Deuxième paragraphe.'), p('Troisième.')),
      passe: doc(p('Le passé.')),
    });

  it('names unchanged parts without detail, in the template’s order', () => {
    const diff = diffSheets(template, partsOfSheet(base()), partsOfSheet(base()));
    expect(diff.parts.map((entry) => [entry.key, entry.changed])).toEqual([
      ['section/trajectoire', false],
      ['section/passe', false],
      ['scenario/basse/title', false],
      ['scenario/basse/angle/social', false],
    ]);
    expect(diff.parts.every((entry) => entry.blocks === undefined)).toBe(true);
    expect(diff.meta).toEqual([]);
    expect(diff.highlights).toEqual([]);
  });

  it('shows a word changed inside a paragraph with accents as an inline change', () => {
    const after = base();
    after.sections['trajectoire'] = doc(
      p('Premier paragraphe sur l’évolution récente.'),
      p('Deuxième paragraphe.'),
      p('Troisième.'),
    );
    const changed = part(
      diffSheets(template, partsOfSheet(base()), partsOfSheet(after)).parts,
      'section/trajectoire',
    );
    expect(kinds(changed.blocks)).toEqual(['changed', 'same', 'same']);
    expect(inserted(changed.blocks?.[0])).toEqual([' récente']);
    expect(deleted(changed.blocks?.[0])).toEqual([]);
  });

  it('reports a moved paragraph as moved, not as a deletion and an unrelated addition', () => {
    const after = base();
    after.sections['trajectoire'] = doc(
      p('Deuxième paragraphe.'),
      p('Troisième.'),
      p('Premier paragraphe sur l’évolution.'),
    );
    const changed = part(
      diffSheets(template, partsOfSheet(base()), partsOfSheet(after)).parts,
      'section/trajectoire',
    );
    expect(kinds(changed.blocks)).toEqual(['moved-out', 'same', 'same', 'moved-in']);
    expect(changed.blocks?.[3]).toMatchObject({ text: 'Premier paragraphe sur l’évolution.' });
    expect(changed.blocks?.[3]).not.toHaveProperty('otherPart');
  });

  it('names the other section when a paragraph moves between sections', () => {
    const after = base();
    after.sections['trajectoire'] = doc(p('Premier paragraphe sur l’évolution.'), p('Troisième.'));
    after.sections['passe'] = doc(p('Le passé.'), p('Deuxième paragraphe.'));
    const { parts } = diffSheets(template, partsOfSheet(base()), partsOfSheet(after));
    expect(part(parts, 'section/trajectoire').blocks?.[1]).toMatchObject({
      kind: 'moved-out',
      otherPart: 'Évolution passée',
    });
    expect(part(parts, 'section/passe').blocks?.[1]).toMatchObject({
      kind: 'moved-in',
      otherPart: 'Trajectoire de la variable',
    });
  });

  it('tells an added paragraph from a rewritten one', () => {
    const after = base();
    after.sections['passe'] = doc(p('Le passé.'), p('Un paragraphe entièrement nouveau.'));
    const added = part(
      diffSheets(template, partsOfSheet(base()), partsOfSheet(after)).parts,
      'section/passe',
    );
    expect(kinds(added.blocks)).toEqual(['same', 'added']);

    const rewritten = base();
    rewritten.sections['passe'] = doc(p('Rien à voir du tout avec cela.'));
    const replaced = part(
      diffSheets(template, partsOfSheet(base()), partsOfSheet(rewritten)).parts,
      'section/passe',
    );
    expect(kinds(replaced.blocks)).toEqual(['removed', 'added']);
  });

  it('compares list items, and names lists, encadrés and source lines in the highlights', () => {
    const list = (items: string[]): DocNode => ({
      type: 'bulletList',
      content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
    });
    const encadre = (body: string): DocNode => ({
      type: 'encadre',
      content: [{ type: 'encadreTitle', content: [{ type: 'text', text: 'Le Health Data Hub' }] }, p(body)],
    });
    const source = (text: string): DocNode => ({ type: 'sourceLine', content: [{ type: 'text', text }] });
    const before = sheet({
      trajectoire: doc(
        list(['les données', 'les capteurs']),
        encadre('Une plateforme.'),
        source('BPifrance'),
      ),
      passe: doc(p('Le passé.')),
    });
    const after = sheet({
      trajectoire: doc(
        list(['les données', 'les capteurs', 'les réseaux']),
        encadre('Une plateforme européenne.'),
        source('BPifrance le Lab'),
      ),
      passe: doc(p('Le passé.')),
    });
    const diff = diffSheets(template, partsOfSheet(before), partsOfSheet(after));
    const blocks = part(diff.parts, 'section/trajectoire').blocks;
    expect(kinds(blocks)).toEqual(['changed', 'changed', 'changed']);
    expect(blocks?.map((block) => block.label)).toEqual(['Liste à puces', 'Encadré', 'Source']);
    expect(inserted(blocks?.[0]).join('')).toContain('les réseaux');
    expect(inserted(blocks?.[1])).toEqual([' européenne']);
    expect(diff.highlights).toEqual([
      'Liste à puces modifiée (Trajectoire de la variable)',
      'Encadré modifié (Trajectoire de la variable)',
      'Source modifiée (Trajectoire de la variable)',
    ]);
  });

  it('compares a figure’s caption held in its attributes, and sees a formatting-only change', () => {
    const figure = (caption: string): DocNode => ({ type: 'figure', attrs: { asset: 'abc.png', caption } });
    const before = sheet({ trajectoire: doc(figure('Figure 1 : les freins'), p('Texte.')), passe: doc() });
    const after = sheet({
      trajectoire: doc(figure('Figure 1 : les 4 principaux freins'), {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Texte.', marks: [{ type: 'bold' }] }],
      }),
      passe: doc(),
    });
    const blocks = part(
      diffSheets(template, partsOfSheet(before), partsOfSheet(after)).parts,
      'section/trajectoire',
    ).blocks;
    expect(blocks?.[0]).toMatchObject({ kind: 'changed', label: 'Figure 1', formatOnly: false });
    expect(inserted(blocks?.[0]).join('').trim()).toBe('4 principaux');
    expect(blocks?.[1]).toMatchObject({ kind: 'changed', formatOnly: true });
  });

  it('diffs micro-scenario titles word by word and lists status, authors and micro-scenario choice', () => {
    const after = base();
    after.status = 'validated';
    after.authors = ['Anne', 'Bruno'];
    after.microScenarios.useFamily = true;
    const scenario = after.microScenarios.scenarios['basse'];
    if (scenario) scenario.title = 'LA LENTE MISE EN RÉSEAU';
    const diff = diffSheets(template, partsOfSheet(base()), partsOfSheet(after));
    const title = part(diff.parts, 'scenario/basse/title');
    expect(title.segments).toEqual([
      { op: 'same', text: 'LA ' },
      { op: 'del', text: 'DIFFICILE' },
      { op: 'ins', text: 'LENTE' },
      { op: 'same', text: ' MISE EN RÉSEAU' },
    ]);
    expect(diff.meta).toEqual([
      { field: 'status', label: 'Statut', before: 'Brouillon', after: 'Validée' },
      { field: 'authors', label: 'Auteurs', before: 'Anne', after: 'Anne, Bruno' },
      {
        field: 'useFamily',
        label: 'Micro-scénarios',
        before: 'ceux de la fiche',
        after: 'ceux de la famille',
      },
    ]);
    expect(diff.highlights).toContain('Hypothèse basse (titre)\u00a0: titre modifié');
    // Metadata changes have their own list, not repeated among the highlights.
    expect(diff.highlights).toEqual(['Hypothèse basse (titre)\u00a0: titre modifié']);
  });

  it('compares with a part missing on one side as with an empty one', () => {
    const before = partsOfSheet(base());
    delete before['section/passe'];
    const diff = diffSheets(template, before, partsOfSheet(base()));
    expect(kinds(part(diff.parts, 'section/passe').blocks)).toEqual(['added']);
  });
});
