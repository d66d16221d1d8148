import type { SheetTemplate, TemplateSection } from '../../../shared/model/template.js';
import { inlineText } from '../docx-read/inline-text.js';
import { fr } from '../french.js';
import type { Recognised } from './recognise.js';
import { bestMatch, normalised, percent } from './text-match.js';

/**
 * Which section of the template a heading names: its guiding question or its title, the
 * same words first, else a close wording; and at which level a document's headings open
 * sections (deeper ones are sub-headings in them).
 */

function sectionTexts(section: TemplateSection): string[] {
  return [section.question, section.title].filter((text): text is string => Boolean(text));
}

export interface SectionMatch {
  section: TemplateSection;
  /** Why, in French: « question du modèle », « titre du modèle », « titre proche à 86 % ». */
  reason: string;
}

export function sectionNamed(text: string, template: SheetTemplate): SectionMatch | undefined {
  const match = bestMatch(text, template.sections, sectionTexts);
  if (!match) return undefined;
  const { item: section, score } = match;
  if (score < 1) return { section, reason: fr`titre proche à ${percent(score)}` };
  const byQuestion = section.question !== undefined && normalised(section.question) === normalised(text);
  return { section, reason: byQuestion ? 'question du modèle' : 'titre du modèle' };
}

/**
 * Headings at this level or above open parts: the deepest level at which a heading names a
 * section (the trajectory's title is a level above the phases' questions in Fiches' own
 * files), else the document's top heading level.
 */
export function partLevelOf(items: readonly Recognised[], template: SheetTemplate): number {
  const naming: number[] = [];
  const all: number[] = [];
  for (const { block, role } of items) {
    if (role.kind !== 'heading' || block.kind !== 'paragraph') continue;
    all.push(role.level);
    if (sectionNamed(inlineText(block.content).trim(), template)) naming.push(role.level);
  }
  if (naming.length > 0) return Math.max(...naming);
  return all.length > 0 ? Math.min(...all) : 0;
}
