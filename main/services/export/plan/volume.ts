import { noCounts, type Counts } from '../../../../shared/content/numbering.js';
import type { Layout } from '../../../../shared/model/layout.js';
import type { RepositoryFile } from '../../../../shared/model/repository.js';
import { DEFAULT_VOLUME_OPENING } from '../../../../shared/model/template.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { formatDate, type RunningValues } from '../running-values.js';
import type { PrintSheet } from '../sheet-input.js';
import { NO_REVIEW, planContent, planText } from './content.js';
import { volumeMetadata } from './metadata.js';
import { planDiagram, planFamily, planMicroScenarios, planSheet } from './sheet.js';
import { frenchSpaces } from './text.js';
import { ownedWarning, ownerOf } from './warnings.js';
import type { ExportPlan, PlanEntry, PlanNode, PlanPiece, PlanSheet } from './types.js';

/**
 * The collection as one volume: cover, the standard opening text and the diagram once,
 * the table of contents, then each family (its divider page, its sheets in the order of
 * the system), then the list of figures and tables; every choice from the layout's
 * `volume` settings (shared/model/layout.ts).
 */

export interface VolumeRequest {
  /** The sheets, in the order of the system of variables. */
  sheets: readonly PrintSheet[];
  title: string;
  /** ISO 8601 date (YYYY-MM-DD) printed on the cover and in the footers. */
  date: string;
}

/** The footer's values on the volume's own pages (no family, no variable: their header is empty). */
function volumeRunning(
  repository: RepositoryFile,
  layout: Layout,
  title: string,
  date: string,
): RunningValues {
  const { exercise } = repository;
  return {
    family: '',
    familyNumber: '',
    variable: title,
    exercise: exercise.name,
    organisation: exercise.organisation,
    region: exercise.region,
    date: formatDate(date, layout.dateFormat),
    version: '',
    status: '',
  };
}

/** The figures and tables of planned content, in order (top level: numbered blocks are). */
function numberedOf(nodes: readonly PlanNode[]): PlanEntry[] {
  return nodes.flatMap((node) =>
    node.number && node.anchor
      ? [
          {
            level: 2 as const,
            text: `${node.number.name}\u00a0${node.number.number}${node.number.separator}${planText(node.content.find((child) => child.type === 'caption') ?? node)}`,
            anchor: node.anchor,
          },
        ]
      : [],
  );
}

function sheetFigures(sheet: PlanSheet): PlanEntry[] {
  const micro = sheet.microScenarios;
  return [
    ...sheet.sections.flatMap((section) => numberedOf(section.body)),
    ...(micro
      ? [
          ...numberedOf(micro.familyNote),
          ...micro.hypotheses.flatMap((h) => h.angles.flatMap((angle) => numberedOf(angle.body))),
        ]
      : []),
  ];
}

/** A sheet that shows its family's shared micro-scenarios, and the family has written some. */
const usesShared = (print: PrintSheet) =>
  print.sheet.microScenarios.useFamily && Object.keys(print.scenarios).length > 0;

/** The family's shared micro-scenarios go on its divider when the layout says so and one of its sheets uses them. */
const sharesOnDivider = (layout: Layout, sheets: readonly PrintSheet[]) =>
  layout.volume.sharedMicroScenarios === 'family' && sheets.some(usesShared);

export function planOfVolume(request: VolumeRequest, loaded: LoadedLayout): ExportPlan {
  const { layout } = loaded;
  const [first] = request.sheets;
  if (!first) throw new Error('a volume holds at least one sheet');
  const { repository, template } = first;
  const settings = layout.volume;
  const warnings: string[] = [];
  const running = volumeRunning(repository, layout, request.title, request.date);
  const rightHand = settings.sheetStart === 'rightHand';
  const byFamily = repository.families
    .map((family) => ({ family, sheets: request.sheets.filter((print) => print.family.id === family.id) }))
    .filter((group) => group.sheets.length > 0);

  const body: PlanPiece[] = [];
  /** What planning a piece reported, named after its sheet or family. */
  const owned = (piece: PlanPiece, reported: readonly string[]) => {
    const owner = ownerOf(piece) as string;
    warnings.push(...reported.map((warning) => ownedWarning(owner, warning)));
  };
  const toc: PlanEntry[] = [];
  const figures: PlanEntry[] = [];
  let offset: Counts = noCounts();
  for (const { family, sheets } of byFamily) {
    const [lead] = sheets as [PrintSheet, ...PrintSheet[]];
    const planned = planFamily(layout, family, lead.familyIndex);
    const anchor = `famille-${family.id}`;
    const onDivider = sharesOnDivider(layout, sheets);
    // A volume is for publication: no comments, no changes.
    const familyWarnings: string[] = [];
    const planning = {
      layout,
      warnings: familyWarnings,
      anchorPrefix: anchor,
      review: NO_REVIEW,
      anchored: new Set<string>(),
    };
    const start = settings.numbering === 'volume' ? offset : noCounts();
    const micro = onDivider
      ? planMicroScenarios(
          undefined,
          sheets.find(usesShared)?.scenarios ?? {},
          () => ({ current: noCounts() }),
          {
            ...planning,
            template,
            level: 2,
            titleMarks: {},
          },
        )
      : undefined;
    const note = planContent(lead.familyNote, { current: start }, planning);
    const divider: PlanPiece = {
      kind: 'divider',
      divider: {
        family: planned,
        anchor,
        numberLabel: settings.dividerLabel.replaceAll('{number}', String(family.number)),
        note,
        ...(micro ? { microScenarios: micro } : {}),
        running: { ...running, family: planned.name, familyNumber: String(family.number) },
        rightHand,
      },
    };
    body.push(divider);
    owned(divider, familyWarnings);
    // The divider's title, as Word's TOC field lists it from the heading.
    toc.push({ level: 1, text: planned.name, anchor });
    figures.push(...numberedOf(note));
    if (micro)
      figures.push(...micro.hypotheses.flatMap((h) => h.angles.flatMap((angle) => numberedOf(angle.body))));
    for (const print of sheets) {
      const showOwn = !(onDivider && usesShared(print));
      const sheetWarnings: string[] = [];
      const { sheet, counts } = planSheet(
        // The family's note is on the divider: a sheet's own micro-scenarios come without it.
        { ...print, familyNote: settings.sharedMicroScenarios === 'family' ? undefined : print.familyNote },
        {
          layout,
          warnings: sheetWarnings,
          anchorPrefix: print.variable.id,
          review: NO_REVIEW,
          anchored: new Set<string>(),
          inVolume: true,
          showMicroScenarios: showOwn,
          offset: settings.numbering === 'volume' ? offset : noCounts(),
          rightHand,
        },
      );
      if (settings.numbering === 'volume') offset = counts;
      const piece: PlanPiece = { kind: 'sheet', sheet };
      body.push(piece);
      owned(piece, sheetWarnings);
      toc.push({ level: 2, text: sheet.variableName, anchor: sheet.anchor });
      if (settings.tocParts) {
        for (const section of sheet.sections) {
          toc.push({ level: 3, text: section.heading.text, anchor: section.anchor });
        }
      }
      const numbered = sheetFigures(sheet);
      // Each sheet numbers its own: its name heads its figures in the list.
      if (numbered.length)
        figures.push({ level: 1, text: sheet.variableName, anchor: sheet.anchor }, ...numbered);
    }
  }
  const figuresPiece: PlanPiece[] =
    settings.figuresList && figures.length > 0
      ? [
          {
            kind: 'figures',
            figures: {
              title: frenchSpaces(settings.figuresListTitle),
              anchor: 'figures',
              entries: figures,
              running,
            },
          },
        ]
      : [];
  const { exercise } = repository;
  return {
    metadata: volumeMetadata(request, repository, layout.language),
    pieces: [
      {
        kind: 'cover',
        cover: {
          exercise: frenchSpaces(exercise.name),
          title: frenchSpaces(request.title),
          date: formatDate(request.date, 'long'),
          organisation: frenchSpaces(exercise.organisation),
          region: frenchSpaces(exercise.region),
        },
      },
      {
        kind: 'front',
        front: {
          paragraphs: (template.standardTexts.volumeOpening ?? DEFAULT_VOLUME_OPENING).map(frenchSpaces),
          diagram: planDiagram(layout, repository),
        },
        running,
      },
      {
        kind: 'contents',
        contents: { title: frenchSpaces(settings.tocTitle), entries: toc, depth: settings.tocParts ? 3 : 2 },
        running,
      },
      ...body,
      ...figuresPiece,
    ],
    assets: new Map(request.sheets.flatMap((print) => [...print.assets])),
    review: NO_REVIEW,
    comments: [],
    warnings,
  };
}
