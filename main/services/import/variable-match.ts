import { slugOf } from '../../../shared/model/ids.js';
import type { RepositoryFile } from '../../../shared/model/repository.js';
import { inlineText } from '../docx-read/inline-text.js';
import type { DocxDocument } from '../docx-read/model.js';
import { findVariable, type PlacedVariable } from '../repository/system.js';
import { normalised } from './text-match.js';

/**
 * Which variable a Word sheet is about: its title (the paragraph in Word's Title style,
 * else the document's title property, else its first top heading, else its file name),
 * compared with the names of the system of variables, accent-, case- and
 * punctuation-insensitive; « Fiche variable : Big Data » names Big Data too.
 */

export function documentTitle(doc: DocxDocument): string {
  const paragraphs = doc.body.filter((block) => block.kind === 'paragraph');
  const styled = paragraphs.find(
    (block) => block.style?.builtIn === 'title' && inlineText(block.content).trim(),
  );
  if (styled) return inlineText(styled.content).trim();
  if (doc.properties.title) return doc.properties.title;
  const heading = paragraphs.find((block) => block.headingLevel === 1 && inlineText(block.content).trim());
  if (heading) return inlineText(heading.content).trim();
  return doc.fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
}

/** The title without what only says it is a sheet (« Fiche variable : », « – fiche »). */
function bareTitle(title: string): string {
  return normalised(title)
    .replace(/^fiches? (?:variables? )?/, '')
    .replace(/ fiches? (?:variables? )?$/, '')
    .trim();
}

export function matchVariable(repository: RepositoryFile, title: string): PlacedVariable | undefined {
  const wanted = [normalised(title), bareTitle(title)].filter(Boolean);
  for (const family of repository.families) {
    for (const variable of family.variables) {
      if (wanted.includes(normalised(variable.name))) return { family, variable };
    }
  }
  const slug = slugOf(bareTitle(title) || title);
  return slug ? findVariable(repository, slug) : undefined;
}
