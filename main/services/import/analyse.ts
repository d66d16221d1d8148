import { createHash } from 'node:crypto';
import type { ImportPart, ImportProposal, ImportTarget } from '../../../shared/api/import-contract.js';
import { textOf, wordCount, type DocNode } from '../../../shared/content/doc.js';
import { contentSchema } from '../../../shared/content/schema.js';
import { AppFailure } from '../../../shared/result.js';
import type { Prepared } from '../assets/import.js';
import { inlineText } from '../docx-read/inline-text.js';
import type { DocxDocument } from '../docx-read/model.js';
import { readDocx } from '../docx-read/read-docx.js';
import { loadLayout } from '../export/layout/load-layout.js';
import { readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { readSheet } from '../sheets/sheet-file.js';
import { ContentBuilder } from './content.js';
import { ImageResolver } from './images.js';
import { ALL_MARKS, PLAIN_TEXT } from './inline-content.js';
import { recognise } from './recognise.js';
import type { ReviewMarker } from './review-marker.js';
import { segment, type DraftPart } from './segment.js';
import { documentTitle, matchVariable } from './variable-match.js';
import { Warnings } from './warnings.js';
import { plural } from '../../../shared/plural.js';

/**
 * One Word file read and cut into parts, each converted to a sheet's content and given
 * the place Fiches proposes: everything the import needs, computed without writing a
 * byte. The proposal is what the user reviews; the rest stays in memory for the import.
 */

export interface AnalysedPart extends ImportPart {
  /** The part's content, checked against the sheet's node set. */
  nodes: DocNode[];
  /** The heading or label that opened the part, as a sub-heading, for when it goes elsewhere than it names. */
  label?: DocNode;
  /** What the label names. */
  named?: ImportTarget;
  /** A title part's text. */
  title?: string;
  /** A title part's text as inline nodes, with the review's marks (reading a reviewer's copy only). */
  titleContent?: DocNode[];
}

export interface Analysis {
  proposal: ImportProposal;
  parts: AnalysedPart[];
  /** Images by asset id, to store if a part using them is imported. */
  images: Map<string, Prepared>;
  /** The document's author(s), as Word recorded them. */
  creator?: string;
}

const EXCERPT = 160;

/** Checked and normalised as the editor would save it (marks in the schema's order, neighbouring texts joined). */
function canonical(nodes: DocNode[], origin: string): DocNode[] {
  if (nodes.length === 0) return [];
  try {
    const doc = contentSchema().nodeFromJSON({ type: 'doc', content: nodes });
    doc.check();
    return (doc.toJSON() as DocNode).content ?? [];
  } catch (error) {
    throw new AppFailure(
      'invalid-content',
      fr`La partie « ${origin} » du document ne peut pas devenir le contenu d’une fiche (${(error as Error).message}). Rien n’a été importé.`,
    );
  }
}

function countOf(nodes: readonly DocNode[], type: string): number {
  return nodes.filter((node) => node.type === type).length;
}

function documentWarnings(doc: DocxDocument, warnings: Warnings): void {
  if (doc.comments.length > 0) {
    warnings.add(
      fr`Le document contient ${plural(doc.comments.length, 'commentaire')} de relecture : ils ne sont pas importés (le texte commenté l’est).`,
    );
  }
  const changes = doc.revisions.filter((revision) => revision.kind !== 'formatting').length;
  if (changes > 0) {
    warnings.add(
      fr`Le document contient ${plural(changes, 'modification suivie', 'modifications suivies')} : le texte importé est celui où elles sont toutes acceptées.`,
    );
  }
}

export async function analyseDocx(
  context: RepositoryContext,
  fileName: string,
  bytes: Buffer,
): Promise<Analysis> {
  return analyseDocument(context, readDocx(bytes, fileName), bytes);
}

/**
 * A document already read, cut into parts as analyseDocx does. With a `review` marker (a
 * reviewer's copy of an exported sheet), its comments and tracked changes are kept in the
 * parts' content as review marks rather than reported.
 */
export async function analyseDocument(
  context: RepositoryContext,
  doc: DocxDocument,
  bytes: Buffer,
  review?: ReviewMarker,
): Promise<Analysis> {
  const fileName = doc.fileName;
  const [repository, template, loaded] = await Promise.all([
    context.repository(),
    context.template(),
    loadLayout(context.layout),
  ]);
  const warnings = new Warnings();
  if (!review) documentWarnings(doc, warnings);
  const title = documentTitle(doc);
  const matched = matchVariable(repository, title);
  const familyShared = matched
    ? ((await readFamilyFile(context, matched.family.id)).family ?? undefined)
    : undefined;
  const items = recognise(doc.body, {
    template,
    layout: loaded.layout,
    families: repository.families,
    familyShared,
  });
  const segmented = segment(items, template, loaded.layout.diagram.title, title);
  for (const warning of segmented.warnings) warnings.add(warning);
  const images = new ImageResolver(doc, warnings);
  await images.preload();
  const multiColumn = doc.body.some((block) => block.kind === 'paragraph' && block.columns > 1);
  const parts = segmented.parts.map((draft) => {
    review?.startPart();
    const builder = new ContentBuilder({
      doc,
      layout: loaded.layout,
      multiColumn,
      partLevel: segmented.partLevel,
      images,
      warnings,
      where: draft.origin,
      ...(review ? { review } : {}),
    });
    return analysedPart(draft, builder, review !== undefined);
  });
  const sheetExists = matched ? (await readSheet(context, matched.variable.id)) !== null : false;
  const firstSection = template.sections[0]?.id ?? '';
  const proposal: ImportProposal = {
    fileName,
    fingerprint: createHash('sha256').update(bytes).digest('hex'),
    title,
    variableId: matched?.variable.id ?? null,
    suggestedFamilyId: segmented.family?.id ?? matched?.family.id ?? null,
    existingSheet: sheetExists,
    parts: parts.map(({ nodes: _nodes, label: _label, named: _named, title: _title, ...part }) => part),
    recognised: segmented.recognised,
    unplacedSection: firstSection,
    warnings: warnings.list(),
  };
  return {
    proposal,
    parts,
    images: images.prepared,
    ...(doc.properties.creator ? { creator: doc.properties.creator } : {}),
  };
}

function analysedPart(draft: DraftPart, builder: ContentBuilder, reviewing: boolean): AnalysedPart {
  const nodes = draft.nature === 'title' ? [] : canonical(builder.build(draft.blocks), draft.origin);
  const label = draft.label
    ? canonical(
        [{ type: 'heading', attrs: { level: 3 }, content: builder.inlineOf(draft.label, ALL_MARKS) }],
        draft.origin,
      )[0]
    : undefined;
  const text = draft.title ?? nodes.map((node) => textOf(node)).join(' ');
  const excerpt = text.replace(/\s+/g, ' ').trim();
  return {
    id: draft.id,
    origin: draft.origin,
    excerpt: excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT - 1).trimEnd()}…` : excerpt,
    nature: draft.nature,
    blocks: draft.nature === 'title' ? 1 : nodes.length,
    words: wordCount(text),
    figures: countOf(nodes, 'figure'),
    tables: countOf(nodes, 'tableFigure'),
    proposed: draft.proposed,
    reason: draft.reason,
    nodes,
    ...(label && inlineText(draft.label?.content ?? []).trim() ? { label } : {}),
    ...(draft.named ? { named: draft.named } : {}),
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(reviewing && draft.titleParagraph
      ? { titleContent: builder.inlineOf(draft.titleParagraph, PLAIN_TEXT) }
      : {}),
  };
}
