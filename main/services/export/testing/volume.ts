import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocNode } from '../../../../shared/content/doc.js';
import type { RepositoryFile } from '../../../../shared/model/repository.js';
import type { FamilyFile, Scenarios, SheetFile, SheetStatus } from '../../../../shared/model/sheet.js';
import { REPOSITORY_FILE } from '../../repository/layout.js';
import { openSample, type SampleRepository } from './sample.js';

/**
 * The sample repository with more sheets, for the volume's tests and bench, all made from
 * the sample's Big Data sheet, copied to other variables of the system (across families).
 *
 * A copy is either the sample sheet as it is (`sample`: quick to export, for the tests of
 * what the volume holds) or the size of the published Big Data sheet (`published`: about
 * 20,000 characters and 3 figures, shared/reference), for the bench and the tests of its
 * page numbers: 29 of them make a volume of about 200 pages and 90 figures, as the agency's.
 */

export type SheetSize = 'sample' | 'published';

export interface VolumeSheet {
  id: string;
  status?: SheetStatus;
}

const isFigure = (block: DocNode) => block.type === 'figure';

/** The figure again, under a caption of its own (« …, détail 3 »). */
function figureAgain(figure: DocNode, number: number): DocNode {
  const content = (figure.content ?? []).map((child) =>
    child.type === 'caption'
      ? { ...child, content: [...(child.content ?? []), { type: 'text', text: `, détail ${number}` }] }
      : child,
  );
  return { ...figure, content };
}

/**
 * The sample sheet at the published sheet's size: each section's text twice (its figures
 * once), one more figure (the sheet's first, again) in the first section without one, and
 * on every tenth sheet (`index`, from 0) a second one in the next; deterministic. A sheet
 * of a family that shares no micro-scenarios writes its own (`ownScenarios`).
 */
export function publishedSizeSheet(
  source: SheetFile,
  sheet: VolumeSheet,
  index: number,
  ownScenarios: Scenarios | undefined,
): SheetFile {
  const figures = Object.values(source.sections).flatMap((section) =>
    (section.content ?? []).filter(isFigure),
  );
  const [first] = figures;
  const wanted = first ? (index % 10 === 0 ? 2 : 1) : 0;
  let added = 0;
  const sections: Record<string, DocNode> = {};
  for (const [id, section] of Object.entries(source.sections)) {
    const blocks = section.content ?? [];
    const again = blocks.filter((block) => !isFigure(block));
    const more: DocNode[] = [];
    if (first && added < wanted && !blocks.some(isFigure)) {
      added += 1;
      more.push(figureAgain(first, figures.length + added));
    }
    sections[id] = { ...section, content: [...blocks, ...more, ...again] };
  }
  return {
    ...source,
    id: sheet.id,
    sections,
    ...(sheet.status ? { status: sheet.status } : {}),
    ...(ownScenarios ? { microScenarios: { useFamily: false, scenarios: ownScenarios } } : {}),
  };
}

/**
 * The sample's micro-scenarios, for the sheets outside the family that shares them: by
 * sheet id, those that write them as their own, as a sheet of a family sharing none does.
 */
async function ownScenariosOf(repo: string): Promise<Map<string, Scenarios>> {
  const repository = JSON.parse(await readFile(join(repo, REPOSITORY_FILE), 'utf8')) as RepositoryFile;
  const files = await readdir(join(repo, 'families'));
  const families = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(repo, 'families', file), 'utf8')) as FamilyFile),
  );
  const sharing = families.find((family) => Object.keys(family.scenarios).length > 0);
  if (!sharing) throw new Error('the sample has a family sharing its micro-scenarios');
  return new Map(
    repository.families
      .filter((family) => family.id !== sharing.familyId)
      .flatMap((family) => family.variables.map((variable) => [variable.id, sharing.scenarios] as const)),
  );
}

/** Writes each sheet into the repository, made from its Big Data sheet at `size`. */
export async function writeVolumeSheets(
  repo: string,
  sheets: readonly VolumeSheet[],
  size: SheetSize = 'sample',
): Promise<void> {
  const source = JSON.parse(await readFile(join(repo, 'sheets', 'big-data.json'), 'utf8')) as SheetFile;
  const own = size === 'published' ? await ownScenariosOf(repo) : new Map<string, Scenarios>();
  for (const [index, sheet] of sheets.entries()) {
    const written =
      size === 'published'
        ? publishedSizeSheet(source, sheet, index, own.get(sheet.id))
        : { ...source, id: sheet.id, ...(sheet.status ? { status: sheet.status } : {}) };
    await writeFile(join(repo, 'sheets', `${sheet.id}.json`), JSON.stringify(written, null, 2));
  }
}

export async function volumeSample(
  sheets: readonly VolumeSheet[],
  size: SheetSize = 'sample',
): Promise<SampleRepository> {
  const sample = await openSample();
  await writeVolumeSheets(sample.repo, sheets, size);
  return sample;
}
