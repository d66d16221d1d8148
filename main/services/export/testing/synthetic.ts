import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { doc, figure, paragraph, tableFigure } from '../../../../shared/content/builders.js';
import type { DocNode } from '../../../../shared/content/doc.js';
import type { SheetTemplate } from '../../../../shared/model/template.js';
import { pngImage } from '../../testing/images.js';

/**
 * A long sheet for tests and the benchmark: French text with its no-break spaces, headings,
 * lists, quotations, encadrés, figures (PNG and SVG, each its own asset) and tables, spread
 * over the template's sections.
 */

const WORDS = (
  'industrie données régionale transformation numérique entreprises production capteurs ' +
  'maintenance prédictive compétences salariés usine connectée chaîne valeur clients ' +
  'stratégie investissement innovation territoire réseau plateforme sécurité analyse ' +
  'décision productivité efficacité énergie logistique approvisionnement marchés exportation'
).split(' ');

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length] ?? 'donnée');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}\u00a0: «\u00a0${WORDS[seed % WORDS.length]}\u00a0»\u00a0; ${seed}\u00a0%.`;
}

function paragraphText(seed: number, words: number): string {
  const parts: string[] = [];
  for (let count = 0, i = 0; count < words; i += 1) {
    const length = 9 + ((seed + i) % 9);
    parts.push(sentence(seed + i, length));
    count += length + 4;
  }
  return parts.join(' ');
}

function svgChart(seed: number): string {
  const bars = Array.from({ length: 5 }, (_, i) => {
    const height = 40 + ((seed * 37 + i * 53) % 200);
    return `<rect x="${60 + i * 110}" y="${280 - height}" width="70" height="${height}" fill="#${(0x1f5a8c + i * 0x102030 + seed).toString(16).slice(-6)}"/><text x="${95 + i * 110}" y="305" font-size="16" text-anchor="middle">Série ${i + 1}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320"><rect width="640" height="320" fill="#ffffff"/><text x="20" y="30" font-size="20" font-weight="bold">Graphique ${seed}</text>${bars}</svg>`;
}

export interface SyntheticOptions {
  /** Words of running text, spread over the sections. */
  words: number;
  figures: number;
  /** Of the figures, how many are SVG (the rest PNG). */
  svgFigures: number;
  tables: number;
}

/** Writes the figures' images into the repository's assets and answers the sections' content. */
export async function syntheticSections(
  repo: string,
  template: SheetTemplate,
  options: SyntheticOptions,
): Promise<Record<string, DocNode>> {
  await mkdir(join(repo, 'assets'), { recursive: true });
  const assets: string[] = [];
  for (let i = 0; i < options.figures; i += 1) {
    const svg = i < options.svgFigures;
    const bytes = svg
      ? Buffer.from(svgChart(i + 1))
      : pngImage(480 + (i % 5) * 40, 270, [
          [30 + i * 5, 90, 160],
          [200, 120 + i * 2, 40],
          [90, 160, 60],
        ]);
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${svg ? 'svg' : 'png'}`;
    await writeFile(join(repo, 'assets', name), bytes);
    assets.push(name);
  }
  const sectionIds = template.sections.map((section) => section.id);
  const blocks: DocNode[][] = sectionIds.map(() => []);
  const paragraphs = Math.ceil(options.words / 110);
  const every = (count: number) => (count > 0 ? Math.max(1, Math.floor(paragraphs / count)) : Infinity);
  let figures = 0;
  let tables = 0;
  for (let p = 0; p < paragraphs; p += 1) {
    const target = blocks[Math.floor((p * sectionIds.length) / paragraphs)] ?? [];
    if (p % 12 === 0)
      target.push({
        type: 'heading',
        attrs: { level: 3 },
        content: [{ type: 'text', text: `Partie ${p / 12 + 1} de l’analyse` }],
      });
    target.push(paragraph(paragraphText(p, 110)));
    if (p % 17 === 5) {
      target.push({
        type: 'bulletList',
        content: [1, 2, 3].map((i) => ({ type: 'listItem', content: [paragraph(sentence(p + i, 8))] })),
      });
    }
    if (p % 29 === 7) target.push({ type: 'blockquote', content: [paragraph(sentence(p, 14))] });
    if (p % 41 === 11) {
      target.push({
        type: 'encadre',
        content: [
          {
            type: 'encadreTitle',
            content: [{ type: 'text', text: `Encadré ${p}\u00a0: un exemple régional` }],
          },
          paragraph(paragraphText(p + 3, 60)),
        ],
      });
    }
    if (figures < options.figures && p % every(options.figures) === 0) {
      const asset = assets[figures];
      figures += 1;
      target.push(
        figure(`Graphique synthétique numéro ${figures}`, `Source synthétique ${figures}, enquête 2024`, {
          asset: asset ?? null,
          width: figures % 4 === 0 ? 'full' : 'column',
        }),
      );
    }
    if (tables < options.tables && p % every(options.tables) === 3) {
      tables += 1;
      target.push(
        tableFigure(`Tableau synthétique numéro ${tables}`, `Source du tableau ${tables}`, [
          ['Indicateur', '2019', '2024'],
          ['Entreprises équipées', `${40 + tables}\u00a0%`, `${60 + tables}\u00a0%`],
          ['Emplois concernés', `${1000 + tables * 10}`, `${1400 + tables * 10}`],
        ]),
      );
    }
  }
  const last = blocks[blocks.length - 1] ?? [];
  for (; figures < options.figures; figures += 1) {
    last.push(
      figure(`Graphique synthétique numéro ${figures + 1}`, 'Source synthétique', {
        asset: assets[figures] ?? null,
      }),
    );
  }
  for (; tables < options.tables; tables += 1) {
    last.push(
      tableFigure(`Tableau synthétique numéro ${tables + 1}`, 'Source du tableau', [
        ['A', 'B'],
        ['1', '2'],
      ]),
    );
  }
  return Object.fromEntries(sectionIds.map((id, index) => [id, doc(...(blocks[index] ?? []))]));
}

/**
 * The hostile image of issue 9: a 15.7 MB SVG of 560,000 small squares (28 bytes each), as
 * a detailed map exported from a GIS draws them. Import refuses it (too many elements);
 * a repository synced from elsewhere may still hold it.
 */
export function heavySvg(shapes = 560_000): Buffer {
  const parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">'];
  for (let i = 0; i < shapes; i += 1) {
    parts.push(`<path d="M${100 + (i % 900)} ${100 + ((i * 7) % 900)}h9v9h-9z"/>`);
  }
  parts.push('</svg>');
  return Buffer.from(parts.join(''));
}
