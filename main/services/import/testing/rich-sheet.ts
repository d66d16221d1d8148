import type { DocMark, DocNode } from '../../../../shared/content/doc.js';
import { doc, figure, paragraph, tableFigure } from '../../../../shared/content/builders.js';
import type { ScenarioPatch } from '../../../../shared/api/contract.js';

/**
 * A sheet using every block and mark a user can write (for the round trip: exported to
 * Word, imported back, the same content): marks and links, hard breaks, nested and
 * numbered lists with second paragraphs, quotations, sub-headings, encadrés, figures of
 * both widths and without image, tables with a header row, source lines, own scenarios.
 */

const text = (value: string, ...marks: DocMark[]): DocNode =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const bold: DocMark = { type: 'bold' };
const italic: DocMark = { type: 'italic' };
const underline: DocMark = { type: 'underline' };
const link = (href: string): DocMark => ({ type: 'link', attrs: { href } });
const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });

export function richSections(assets: { png: string; svg: string }): Record<string, DocNode> {
  return {
    trajectoire: doc(
      {
        type: 'paragraph',
        content: [
          text('Le '),
          text('Big Data', bold),
          text(' désigne, '),
          text('littéralement', italic),
          text(', des '),
          text('données massives', bold, italic),
          text('\u00a0; voir '),
          text('le rapport', link('https://exemple.fr/rapport'), underline),
          text(' ou '),
          text('écrire', link('mailto:agence@exemple.fr')),
          text('.'),
        ],
      },
      { type: 'paragraph', content: [text('Première ligne'), { type: 'hardBreak' }, text('seconde ligne.')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Les bénéfices')] },
      {
        type: 'bulletList',
        content: [
          item(paragraph('Optimiser les offres'), {
            type: 'bulletList',
            content: [item(paragraph('Tarifs')), item(paragraph('Délais'))],
          }),
          item(paragraph('Anticiper les besoins'), paragraph('Un second paragraphe du même point.')),
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [item(paragraph('Collecter')), item(paragraph('Analyser'))],
      },
      { type: 'sourceLine', content: [text('5septdirect')] },
      figure('Les 4 principaux freins', 'BPifrance le Lab, 2017', { asset: assets.svg }),
    ),
    passe: doc(
      paragraph('Un historique récent.'),
      { type: 'heading', attrs: { level: 4 }, content: [text('Les débuts')] },
      // As the editor types it: the exports make French spaces unbreakable (plan/text.ts).
      {
        type: 'blockquote',
        content: [paragraph('«\u00a0Une citation d’un rapport.\u00a0»'), paragraph('Sa suite.')],
      },
      { type: 'sourceLine', content: [text('IDC, 2016')] },
      figure('Une carte en pleine largeur', 'Agence, 2020', { asset: assets.png, width: 'full' }),
      paragraph('Entre deux figures.'),
      figure('Une figure sans image', 'À retrouver', { asset: null }),
    ),
    'present-dynamiques': doc(
      tableFigure('Taux d’équipement', 'Baromètre 2019', [
        ['Indicateur', '2019', '2024'],
        ['Entreprises équipées', '41\u00a0%', '61\u00a0%'],
        ['Emplois', '1\u00a0010', '1\u00a0410'],
      ]),
      paragraph('Après le tableau.'),
    ),
    'present-region': doc(paragraph('En région.')),
    futurs: doc(
      paragraph('Des ruptures possibles.'),
      {
        type: 'encadre',
        content: [
          { type: 'encadreTitle', content: [text('Le Health Data Hub\u00a0: une plateforme')] },
          paragraph('Les récents débats.'),
          { type: 'bulletList', content: [item(paragraph('Un point de l’encadré'))] },
          { type: 'sourceLine', content: [text('Rapport Villani')] },
        ],
      },
      paragraph('Après l’encadré.'),
    ),
  };
}

export function richScenarios(): Record<string, ScenarioPatch> {
  const angles = (words: string) => ({
    economique: doc(paragraph(`${words}, sous l’angle économique.`)),
    environnemental: doc(
      paragraph(`${words}, sous l’angle environnemental.`),
      paragraph('Un second paragraphe.'),
    ),
    social: doc({ type: 'paragraph', content: [text(`${words}, `), text('socialement', italic), text('.')] }),
  });
  return {
    basse: { title: 'LA DIFFICILE MISE EN RÉSEAU', angles: angles('Une évolution défavorable') },
    tendancielle: { title: 'UNE CONTINUITÉ', angles: angles('Une évolution tendancielle') },
    haute: { title: 'LA MAÎTRISE DE LA CHAÎNE DE VALEUR', angles: angles('Une évolution favorable') },
  };
}
