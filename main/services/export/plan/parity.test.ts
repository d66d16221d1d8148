import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc } from '../../../../shared/content/builders.js';
import type { TextRole } from '../../../../shared/model/layout.js';
import { sampleRepository, type SampleRepository } from '../../testing/print-sheet.js';
import { docxFromPlan } from '../docx/build.js';
import { STYLES } from '../docx/styles.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import { printDocumentFromPlan } from '../print/document.js';
import { SOFT_HYPHEN } from '../print/hyphenate.js';
import type { PrintSheet } from '../sheet-input.js';
import { readDocx } from '../testing/docx-parts.js';
import { planOfSheet } from './build.js';
import type { ExportPlan } from './types.js';

/**
 * One plan, two serializers: the Word XML and the print HTML show the same titles, labels,
 * captions (with their numbers) and sources, in the same order, and the same metadata.
 */

/** The roles both formats name on every block (a Word style, an HTML class `r-role`). */
const ROLES: readonly TextRole[] = [
  'family',
  'title',
  'displayTitle',
  'band',
  'question',
  'heading3',
  'heading4',
  'caption',
  'source',
  'hypothesisLabel',
  'scenarioTitle',
  'angleLabel',
  'diagramFamily',
  'diagramVariable',
  'diagramCurrent',
];

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};
const unescape = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity);

function wordBlocks(documentXml: string): string[] {
  const byStyle = new Map(ROLES.map((role) => [STYLES[role].id, role]));
  return documentXml.split('</w:p>').flatMap((paragraph) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1];
    const role = style ? byStyle.get(style) : undefined;
    if (!role) return [];
    const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) =>
      unescape(match[1] ?? ''),
    );
    return [`${role}: ${text.join('')}`];
  });
}

function printBlocks(html: string, plan: ExportPlan): string[] {
  const document = new JSDOM(html).window.document;
  const selector = ROLES.map((role) => `.r-${role}`).join(', ');
  // The continuation title is a running header in Word (running.ts), a block in print.
  const continuations = new Set(
    plan.pieces.flatMap((piece) =>
      piece.kind === 'sheet' && piece.sheet.microScenarios
        ? [piece.sheet.microScenarios.continuationTitle]
        : [],
    ),
  );
  return [...document.querySelectorAll(selector)].flatMap((element) => {
    const role = ROLES.find((candidate) => element.classList.contains(`r-${candidate}`));
    const text = (element.textContent ?? '').replaceAll(SOFT_HYPHEN, '');
    return role && !continuations.has(text) ? [`${role}: ${text}`] : [];
  });
}

async function bothFormats(print: PrintSheet, loaded: LoadedLayout) {
  const plan = planOfSheet(print, loaded);
  const word = await docxFromPlan(plan, loaded);
  const docx = readDocx(word.bytes);
  const printed = await printDocumentFromPlan(plan, loaded);
  return {
    plan,
    word: wordBlocks(docx.text('word/document.xml')),
    core: docx.text('docProps/core.xml'),
    print: printBlocks(printed.html, plan),
    printed,
    wordWarnings: word.warnings,
  };
}

let sample: SampleRepository;
let bigData: PrintSheet;
let loaded: LoadedLayout;

beforeAll(async () => {
  sample = await sampleRepository();
  bigData = await sample.bigData();
  loaded = await loadLayout();
});
afterAll(() => sample.dispose());

describe('one export plan, two formats', () => {
  it('gives Word and print the same texts, numbers and order', async () => {
    const { word, print } = await bothFormats(bigData, loaded);
    expect(word.length).toBeGreaterThan(40);
    expect(print).toEqual(word);
    expect(word).toContain(
      'caption: Figure\u00a01\u00a0: Les 4 principaux freins à la transformation digitale',
    );
    expect(word).toContain(
      'caption: Figure\u00a02\u00a0: Utilisation du numérique dans les industries régionales',
    );
    expect(word.filter((block) => block.startsWith('source: Source\u00a0: ')).length).toBeGreaterThan(1);
  });

  it('gives both the same title, author, subject and keywords', async () => {
    const { core, printed, plan } = await bothFormats(bigData, loaded);
    expect(printed.metadata).toEqual(plan.metadata);
    expect(core).toContain(`<dc:title>${plan.metadata.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${plan.metadata.subject}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${plan.metadata.keywords.join('; ')}</cp:keywords>`);
    expect(printed.html).toContain(`<meta name="keywords" content="${plan.metadata.keywords.join(', ')}">`);
  });

  it('takes the source prefix, the labels and the diagram’s title from the layout, in both', async () => {
    const { layout } = loaded;
    const custom: LoadedLayout = {
      ...loaded,
      layout: {
        ...layout,
        captions: { ...layout.captions, sourcePrefix: 'Origine\u00a0: ', figureLabel: 'Illustration' },
        diagram: { ...layout.diagram, title: 'Le système étudié' },
      },
    };
    const { word, print } = await bothFormats(bigData, custom);
    expect(print).toEqual(word);
    expect(print).toContain('displayTitle: Le système étudié');
    expect(print).not.toContain('displayTitle: Système de variables');
    expect(print.some((block) => block.startsWith('source: Origine\u00a0: '))).toBe(true);
    expect(print.some((block) => block.startsWith('source: Source'))).toBe(false);
    expect(print.some((block) => block.startsWith('caption: Illustration\u00a01\u00a0: '))).toBe(true);
  });

  it('reports a mark the schema does not know in both formats, and prints its text', async () => {
    const section = Object.keys(bigData.sheet.sections)[0] as string;
    const marked = {
      ...bigData,
      sheet: {
        ...bigData.sheet,
        sections: {
          ...bigData.sheet.sections,
          [section]: doc({
            type: 'paragraph',
            content: [{ type: 'text', text: 'Texte surligné', marks: [{ type: 'highlight' }] }],
          }),
        },
      },
    };
    const { printed, wordWarnings } = await bothFormats(marked, loaded);
    const warning = 'Mise en forme «\u00a0highlight\u00a0» inconnue\u00a0: ignorée.';
    expect(wordWarnings).toContain(warning);
    expect(printed.warnings).toContain(warning);
    expect(printed.html.replaceAll(SOFT_HYPHEN, '').includes('Texte surligné')).toBe(true);
  });
});
