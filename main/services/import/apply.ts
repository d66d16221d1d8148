import { readFile, rm } from 'node:fs/promises';
import type { ImportChoices, ImportResult, ImportTarget } from '../../../shared/api/import-contract.js';
import { emptyDoc, type DocNode } from '../../../shared/content/doc.js';
import { canonicalJson } from '../../../shared/history/canonical.js';
import type { RevisionSummary } from '../../../shared/model/history.js';
import { slugOf } from '../../../shared/model/ids.js';
import { nameSchema } from '../../../shared/model/names.js';
import type { Family, Variable } from '../../../shared/model/repository.js';
import { sheetFileSchema, type Scenarios, type SheetFile } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { AppFailure } from '../../../shared/result.js';
import { storeImage } from '../assets/import.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import { readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';
import { findVariable, requireFamily, requireVariable } from '../repository/system.js';
import { emptyScenario } from '../scenarios.js';
import { newSheet, readSheet, requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { familyShares } from '../sheets/view.js';
import { stampOf } from '../storage/stamp.js';
import { addVariable, withdrawVariable } from '../variables.js';
import type { AnalysedPart, Analysis } from './analyse.js';
import { checkTargets, destinationOf, sameTarget } from './targets.js';

/**
 * The import itself: the user's choices applied to the analysis, the sheet built and checked
 * whole, and only then written: the new variable if one was asked for, the images, the sheet,
 * and its history (the state before, « Avant import », then the imported state, a revision
 * of its own that names the file). When a write fails, what this import wrote is taken back.
 */

interface Placed {
  sections: Map<string, DocNode[]>;
  titles: Map<string, string>;
  angles: Map<string, Map<string, DocNode[]>>;
}

function place(parts: readonly AnalysedPart[], targets: Map<string, ImportTarget>, unplaced: string): Placed {
  const placed: Placed = { sections: new Map(), titles: new Map(), angles: new Map() };
  for (const part of parts) {
    const chosen = targets.get(part.id) ?? part.proposed;
    const target: ImportTarget = chosen.kind === 'unplaced' ? { kind: 'section', section: unplaced } : chosen;
    if (target.kind === 'skip') continue;
    if (target.kind === 'scenario-title') {
      const title = [placed.titles.get(target.hypothesis), part.title].filter(Boolean).join(' ');
      placed.titles.set(target.hypothesis, title);
      continue;
    }
    // A heading is the section's (or the angle's) own title when it names it; elsewhere it stays, as a sub-heading.
    const heading = part.label && !(part.named && sameTarget(part.named, target)) ? [part.label] : [];
    const nodes =
      part.nature === 'title'
        ? [{ type: 'paragraph', content: [{ type: 'text', text: part.title ?? '' }] }]
        : [...heading, ...part.nodes];
    if (nodes.length === 0) continue;
    if (target.kind === 'section') {
      placed.sections.set(target.section, [...(placed.sections.get(target.section) ?? []), ...nodes]);
    } else {
      const angles = placed.angles.get(target.hypothesis) ?? new Map<string, DocNode[]>();
      angles.set(target.angle, [...(angles.get(target.angle) ?? []), ...nodes]);
      placed.angles.set(target.hypothesis, angles);
    }
  }
  return placed;
}

const docOf = (nodes: DocNode[] | undefined): DocNode =>
  nodes && nodes.length > 0 ? { type: 'doc', content: nodes } : emptyDoc();

function importedScenarios(template: SheetTemplate, placed: Placed): Scenarios | undefined {
  if (placed.titles.size === 0 && placed.angles.size === 0) return undefined;
  return Object.fromEntries(
    template.microScenarios.hypotheses.map((hypothesis) => {
      const angles = placed.angles.get(hypothesis.id);
      return [
        hypothesis.id,
        {
          title: placed.titles.get(hypothesis.id) ?? '',
          angles: Object.fromEntries(
            template.microScenarios.angles.map((angle) => [angle.id, docOf(angles?.get(angle.id))]),
          ),
        },
      ];
    }),
  );
}

/** The same micro-scenarios, hypothesis by hypothesis, title and angles, as a comparison reads them. */
function sameScenarios(template: SheetTemplate, a: Scenarios, b: Scenarios): boolean {
  const complete = (scenarios: Scenarios, id: string) => {
    const scenario = scenarios[id] ?? emptyScenario(template);
    return canonicalJson({ ...scenario, title: scenario.title.trim() });
  };
  return template.microScenarios.hypotheses.every(
    (hypothesis) => complete(a, hypothesis.id) === complete(b, hypothesis.id),
  );
}

function authorsOf(creator: string | undefined): string[] {
  return (creator ?? '')
    .split(/[,;]/)
    .map((name) => nameSchema.safeParse(name))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .slice(0, 50);
}

interface Plan {
  family: Family;
  variable: Variable;
  variableCreated: boolean;
}

function planVariable(
  choices: ImportChoices,
  repository: Awaited<ReturnType<RepositoryContext['repository']>>,
): Plan {
  if (choices.variable.kind === 'existing') {
    const { family, variable } = requireVariable(repository, choices.variable.variableId);
    return { family, variable, variableCreated: false };
  }
  const family = requireFamily(repository, choices.variable.familyId);
  const name = choices.variable.name;
  const id = slugOf(name);
  if (!id) {
    throw new AppFailure(
      'invalid-request',
      fr`Le nom « ${name} » ne contient aucune lettre ni chiffre utilisable pour former l’identifiant de la fiche.`,
    );
  }
  const taken = findVariable(repository, id);
  if (taken) {
    throw new AppFailure(
      'already-exists',
      fr`La variable « ${taken.variable.name} » porte déjà l’identifiant « ${id} » : importez dans cette variable, ou choisissez un autre nom.`,
      { id },
    );
  }
  return { family, variable: { id, name }, variableCreated: true };
}

/** Every asset the sheet's content points at. */
function assetsOf(nodes: readonly DocNode[], found = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const asset = node.attrs?.['asset'];
    if (node.type === 'figure' && typeof asset === 'string') found.add(asset);
    if (node.content) assetsOf(node.content, found);
  }
  return found;
}

export async function applyImport(
  context: RepositoryContext,
  analysis: Analysis,
  choices: ImportChoices,
  dryRun: boolean,
): Promise<ImportResult> {
  const { proposal } = analysis;
  if (choices.fingerprint !== proposal.fingerprint) {
    throw new AppFailure(
      'invalid-request',
      fr`Le fichier « ${proposal.fileName} » n’est plus celui qui a été analysé : relancez l’import pour revoir ce qu’il contient.`,
    );
  }
  const [repository, template] = await Promise.all([context.repository(), context.template()]);
  const targets = checkTargets(analysis.parts, choices, template);
  const plan = planVariable(choices, repository);
  const existing = plan.variableCreated ? null : await readSheet(context, plan.variable.id);
  if (existing && !choices.replaceExisting) {
    throw new AppFailure(
      'already-exists',
      fr`La fiche « ${plan.variable.name} » existe déjà : confirmez pour que l’import en fasse une nouvelle version (son état actuel reste dans l’historique, « Avant import »).`,
      { id: plan.variable.id },
    );
  }
  const placed = place(analysis.parts, targets, choices.unplacedSection);
  const shared = (await readFamilyFile(context, plan.family.id)).family;
  const scenarios = importedScenarios(template, placed);
  const usesFamily = scenarios
    ? Boolean(shared) && sameScenarios(template, scenarios, shared?.scenarios ?? {})
    : undefined;

  /** The imported sheet, on top of the sheet as it is when written (a save may have come meanwhile). */
  const build = (base: SheetFile | null, now: Date): SheetFile => {
    const start = base ?? {
      ...newSheet(template, plan.variable.id, now, familyShares(shared)),
      authors: authorsOf(analysis.creator),
    };
    const sections = { ...start.sections };
    for (const [section, nodes] of placed.sections) sections[section] = docOf(nodes);
    const next: SheetFile = {
      ...start,
      updatedAt: now.toISOString(),
      sections,
      microScenarios: {
        useFamily: usesFamily ?? start.microScenarios.useFamily,
        scenarios:
          scenarios && !usesFamily
            ? { ...start.microScenarios.scenarios, ...scenarios }
            : start.microScenarios.scenarios,
      },
    };
    const parsed = sheetFileSchema.safeParse(next);
    const problem = parsed.success
      ? (docsProblem(next.sections, 'sections') ??
        scenariosProblem(next.microScenarios.scenarios, 'microScenarios.scenarios'))
      : parsed.error.issues[0]?.message;
    if (problem) {
      throw new AppFailure(
        'invalid-content',
        fr`Le document ne peut pas devenir une fiche : ${problem}. Rien n’a été importé.`,
      );
    }
    return next;
  };
  // Everything is checked before anything is written.
  const preview = build(existing, new Date());
  const placements = analysis.parts.map((part) => {
    const target = targets.get(part.id) ?? part.proposed;
    return {
      partId: part.id,
      origin: part.origin,
      destination: destinationOf(target, template, choices.unplacedSection),
      imported: target.kind !== 'skip',
    };
  });
  const result = {
    sheetId: plan.variable.id,
    variableName: plan.variable.name,
    created: existing === null,
    variableCreated: plan.variableCreated,
    dryRun,
    usesFamilyScenarios: preview.microScenarios.useFamily,
    placements,
    warnings: proposal.warnings,
  };
  if (dryRun) return { ...result, revision: null };

  const used = assetsOf([
    ...Object.values(preview.sections),
    ...Object.values(preview.microScenarios.scenarios).flatMap((scenario) => Object.values(scenario.angles)),
  ]);
  const written: string[] = [];
  /** repository.json before the new variable was added, to put back if the import fails. */
  let repositoryBefore: Buffer | undefined;
  // Once the sheet is written it points at the images and the variable: nothing is taken back then.
  let sheetWritten = false;
  try {
    if (plan.variableCreated) {
      repositoryBefore = await readFile(context.layout.repositoryFile);
      await addVariable(context, plan.family.id, plan.variable.name);
    }
    for (const [assetId, prepared] of analysis.images) {
      if (used.has(assetId) && (await storeImage(context, prepared))) written.push(assetId);
    }
    const revision = await context.queue.run(`sheet:${plan.variable.id}`, async () => {
      const service = historyOf(context);
      const now = service.now();
      let current: SheetFile | null = null;
      if (existing) current = await requireSheet(context, plan.variable.id);
      else if ((await stampOf(context.layout.sheetFile(plan.variable.id))) !== null) {
        throw new AppFailure(
          'already-exists',
          fr`La fiche « ${plan.variable.name} » vient d’être créée ailleurs : relancez l’import pour en faire une nouvelle version.`,
        );
      }
      const next = build(current, now);
      if (current) await service.record(current, { kind: 'import' }, true);
      await writeSheet(context, next);
      sheetWritten = true;
      return (await service.record(
        next,
        { kind: 'imported', source: proposal.fileName },
        true,
      )) as RevisionSummary;
    });
    return { ...result, revision };
  } catch (error) {
    if (!sheetWritten) {
      await Promise.all(
        written.map((assetId) =>
          rm(context.layout.assetFile(assetId), { force: true }).catch(() => undefined),
        ),
      );
      if (repositoryBefore) {
        await withdrawVariable(context, plan.variable.id, repositoryBefore).catch(() => undefined);
      }
    }
    throw error;
  }
}
