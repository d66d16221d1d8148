import type { ImportTarget } from '../../../shared/api/import-contract.js';
import type { Family } from '../../../shared/model/repository.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { fr } from '../french.js';
import { inlineText } from '../docx-read/inline-text.js';
import type { Block, Paragraph } from '../docx-read/model.js';
import { dropLeadingText } from './inline-content.js';
import type { Recognised } from './recognise.js';
import { partLevelOf, sectionNamed } from './section-match.js';
import { normalised } from './text-match.js';

/**
 * The document cut into parts, each with the place Fiches proposes for it: a heading that
 * names a section (by its guiding question or its title) opens that section's part; the
 * micro-scenarios' labels open each hypothesis' title and angles; content found before the
 * first section, or under a heading that names nothing, is « unplaced ». What Fiches writes
 * around the content itself (standard texts, bands, the diagram) is recognised, not imported.
 */

export interface DraftPart {
  id: string;
  origin: string;
  nature: 'content' | 'title';
  blocks: Block[];
  /** A title part's text. */
  title?: string;
  /** The paragraph that holds a title part's text (its label left out): a review's marks are read from it. */
  titleParagraph?: Paragraph;
  /** The heading that opened the part: kept as a sub-heading when the part goes elsewhere than where it names. */
  label?: Paragraph;
  /** What the label names. */
  named?: ImportTarget;
  proposed: ImportTarget;
  reason: string;
}

export interface Segmented {
  parts: DraftPart[];
  recognised: string[];
  /** The text of the document's Title paragraph. */
  title?: string;
  /** The family the document's family line names. */
  family?: Family;
  /** The heading level that opens parts: deeper headings are sub-headings inside them. */
  partLevel: number;
  warnings: string[];
}

/** A scenario title is a line: longer, it is text. */
const TITLE_MAX = 300;

const paragraphText = (paragraph: Paragraph) => inlineText(paragraph.content).trim();

function quoteOf(text: string): string {
  const short = text.length > 70 ? `${text.slice(0, 67).trimEnd()}…` : text;
  return `«\u00a0${short}\u00a0»`;
}

class Segmenter {
  readonly parts: DraftPart[] = [];
  private readonly recognisedCounts = new Map<string, number>();
  readonly warnings: string[] = [];
  title?: string;
  family?: Family;
  private current: DraftPart | undefined;
  private hypothesis: string | undefined;
  private awaitingTitle = false;
  readonly partLevel: number;

  constructor(
    private readonly items: readonly Recognised[],
    private readonly template: SheetTemplate,
    private readonly diagramTitle: string,
    /** The document's title as found (variable-match.ts): a heading saying it is the title, not content. */
    private readonly documentTitle: string,
  ) {
    this.partLevel = partLevelOf(items, template);
  }

  private recognised(label: string): void {
    this.recognisedCounts.set(label, (this.recognisedCounts.get(label) ?? 0) + 1);
  }

  recognisedList(): string[] {
    return [...this.recognisedCounts].map(([label, count]) => (count > 1 ? `${label} (×${count})` : label));
  }

  private open(part: Omit<DraftPart, 'id' | 'blocks'> & { blocks?: Block[] }): DraftPart {
    const opened: DraftPart = { id: `part-${this.parts.length + 1}`, blocks: [], ...part };
    this.parts.push(opened);
    this.current = opened.nature === 'content' ? opened : undefined;
    return opened;
  }

  private close(): void {
    this.current = undefined;
  }

  /** A block shown in the review but not imported unless the user says where it goes. */
  private setAside(block: Block, origin: string, reason: string): void {
    this.open({ origin, nature: 'content', blocks: [block], proposed: { kind: 'skip' }, reason });
    this.close();
  }

  private leaveScenarios(): void {
    this.hypothesis = undefined;
    this.awaitingTitle = false;
  }

  /** Content with nowhere to go yet: before the first section, or between parts. */
  private content(block: Block): void {
    if (!this.current) {
      if (this.hypothesis) {
        const angle = this.template.microScenarios.angles[0];
        const label = this.hypothesisLabel(this.hypothesis);
        if (angle) {
          this.open({
            origin: fr`${label} (texte sans angle)`,
            nature: 'content',
            proposed: { kind: 'scenario-angle', hypothesis: this.hypothesis, angle: angle.id },
            reason: fr`angles non repérés : tout sous « ${angle.label} »`,
          });
        }
      } else {
        this.open({
          origin: this.parts.length === 0 ? 'Avant la première section' : 'Contenu non placé',
          nature: 'content',
          proposed: { kind: 'unplaced' },
          reason: 'non reconnu',
        });
      }
    }
    this.current?.blocks.push(block);
  }

  private hypothesisLabel(id: string): string {
    return this.template.microScenarios.hypotheses.find((hypothesis) => hypothesis.id === id)?.label ?? id;
  }

  private heading(block: Paragraph, level: number): void {
    const text = paragraphText(block);
    const match = sectionNamed(text, this.template);
    if (match) {
      this.leaveScenarios();
      const target: ImportTarget = { kind: 'section', section: match.section.id };
      this.open({
        origin: fr`Titre ${quoteOf(text)}`,
        nature: 'content',
        label: block,
        named: target,
        proposed: target,
        reason: match.reason,
      });
      return;
    }
    if (normalised(text) === normalised(this.template.microScenarios.title)) {
      this.close();
      this.recognised(fr`Titre ${quoteOf(this.template.microScenarios.title)}`);
      return;
    }
    if (normalised(text) === normalised(this.diagramTitle)) {
      this.close();
      this.leaveScenarios();
      this.recognised(fr`Titre ${quoteOf(this.diagramTitle)}`);
      return;
    }
    if (level <= this.partLevel) {
      this.leaveScenarios();
      this.open({
        origin: fr`Titre ${quoteOf(text)}`,
        nature: 'content',
        label: block,
        proposed: { kind: 'unplaced' },
        reason: 'titre non reconnu',
      });
      return;
    }
    this.content(block);
  }

  private hypothesisStart(block: Paragraph, id: string, rest: number): void {
    this.close();
    this.hypothesis = id;
    this.awaitingTitle = true;
    const titled = { ...block, content: dropLeadingText(block.content, rest) };
    if (paragraphText(titled)) this.scenarioTitle(titled);
  }

  private scenarioTitle(paragraph: Paragraph): void {
    const hypothesis = this.hypothesis;
    if (!hypothesis) return;
    this.awaitingTitle = false;
    const text = paragraphText(paragraph);
    const title = text.length > TITLE_MAX ? text.slice(0, TITLE_MAX) : text;
    if (title !== text)
      this.warnings.push(
        fr`Le titre du micro-scénario « ${this.hypothesisLabel(hypothesis)} » dépasse ${TITLE_MAX} caractères : il est coupé.`,
      );
    this.open({
      origin: fr`${this.hypothesisLabel(hypothesis)} : titre`,
      nature: 'title',
      title,
      titleParagraph: paragraph,
      proposed: { kind: 'scenario-title', hypothesis },
      reason: 'titre du micro-scénario',
    });
  }

  private angleStart(block: Paragraph, id: string, rest: number): void {
    const hypothesis = this.hypothesis;
    if (!hypothesis) {
      this.content(block);
      return;
    }
    this.awaitingTitle = false;
    const angle = this.template.microScenarios.angles.find((candidate) => candidate.id === id);
    const target: ImportTarget = { kind: 'scenario-angle', hypothesis, angle: id };
    this.open({
      origin: fr`${this.hypothesisLabel(hypothesis)} › ${angle?.label ?? id}`,
      nature: 'content',
      label: block,
      named: target,
      proposed: target,
      reason: 'angle du micro-scénario',
    });
    // « Économique : Peu informées… »: the text after the label is the angle's first paragraph.
    const remainder = dropLeadingText(block.content, rest);
    if (inlineText(remainder).trim() !== '') {
      const { style: _style, headingLevel: _level, ...plain } = block;
      this.current?.blocks.push({ ...plain, content: remainder });
    }
  }

  run(): void {
    for (const { block, role } of this.items) {
      if (block.kind === 'table') {
        if (role.kind === 'diagram') this.recognised('Schéma du système de variables');
        else this.content(block);
        continue;
      }
      switch (role.kind) {
        case 'empty':
          break;
        case 'title':
          if (this.title === undefined) {
            this.title = paragraphText(block);
            this.recognised('Titre de la fiche');
          } else this.heading(block, 1);
          break;
        case 'family-line':
          this.family ??= role.family;
          this.recognised('Famille de la fiche');
          break;
        case 'band':
          this.recognised('Bandeau des phases');
          break;
        case 'diagram':
          this.recognised('Schéma du système de variables');
          break;
        case 'toc':
          this.recognised('Table des matières');
          break;
        case 'standard':
          if (role.exact) {
            this.recognised(
              role.text === 'opening' ? 'Texte d’ouverture standard' : 'Note de méthode des micro-scénarios',
            );
          } else {
            const origin =
              role.text === 'opening' ? 'Texte d’ouverture, modifié' : 'Note de méthode, modifiée';
            this.setAside(block, origin, 'texte standard du modèle, légèrement différent');
          }
          break;
        case 'family-note':
          if (role.same) this.recognised('Note de la famille (celle du dépôt)');
          else this.setAside(block, 'Note de la famille', 'la note appartient à la famille, pas à la fiche');
          break;
        case 'hypothesis':
          this.hypothesisStart(block, role.id, role.rest);
          break;
        case 'angle':
          this.angleStart(block, role.id, role.rest);
          break;
        case 'scenario-title':
          if (this.hypothesis) this.scenarioTitle(block);
          else this.content(block);
          break;
        case 'heading':
          if (
            this.title === undefined &&
            normalised(paragraphText(block)) === normalised(this.documentTitle)
          ) {
            this.title = paragraphText(block);
            this.recognised('Titre de la fiche');
          } else this.heading(block, role.level);
          break;
        case 'content': {
          const text = paragraphText(block);
          if (this.awaitingTitle && text !== '' && !block.list && text.length <= TITLE_MAX)
            this.scenarioTitle(block);
          else this.content(block);
          break;
        }
      }
    }
  }
}

export function segment(
  items: readonly Recognised[],
  template: SheetTemplate,
  diagramTitle: string,
  documentTitle: string,
): Segmented {
  const segmenter = new Segmenter(items, template, diagramTitle, documentTitle);
  segmenter.run();
  return {
    parts: segmenter.parts,
    recognised: segmenter.recognisedList(),
    ...(segmenter.title !== undefined ? { title: segmenter.title } : {}),
    ...(segmenter.family ? { family: segmenter.family } : {}),
    partLevel: segmenter.partLevel,
    warnings: segmenter.warnings,
  };
}
