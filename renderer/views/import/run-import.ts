import {
  BROWSER_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILE_BYTES,
  type ImportChoices,
  type ImportProposal,
  type ImportResult,
  type ImportTarget,
} from '../../../shared/api/import-contract.js';
import { formatMegabytes } from '../../../shared/content/assets.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { invoke } from '../../api/client.js';
import { readAsBase64 } from '../../ui/read-file.js';

/** One file of an import, from its choice to its result. */
export type FileState =
  | { name: string; status: 'analysing' }
  | { name: string; status: 'failed'; error: string }
  | { name: string; status: 'ready'; base64: string; proposal: ImportProposal }
  | { name: string; status: 'imported'; result: ImportResult }
  | { name: string; status: 'skipped' };

/**
 * The browser host takes requests of 32 MiB at most: a larger file is refused here, before
 * it is read, with what to do instead.
 */
export function sizeProblem(file: File, host: 'electron' | 'browser'): string | undefined {
  const limit = host === 'browser' ? BROWSER_IMPORT_FILE_BYTES : MAX_IMPORT_FILE_BYTES;
  if (file.size <= limit) return undefined;
  const size = formatMegabytes(file.size);
  const max = `${limit / (1024 * 1024)}\u00a0Mo`;
  return host === 'browser'
    ? `«\u00a0${file.name}\u00a0» pèse ${size}\u00a0: dans le navigateur, Fiches reçoit des fichiers de ${max} au plus. Importez-le depuis l’application de bureau, ou avec la commande «\u00a0fiches import ${file.name}\u00a0», ou réduisez ses images dans Word (Format de l’image › Compresser les images).`
    : `«\u00a0${file.name}\u00a0» pèse ${size}\u00a0: Fiches importe des documents de ${max} au plus. Réduisez ses images dans Word (Format de l’image › Compresser les images), puis réessayez.`;
}

export async function analyseFile(file: File, host: 'electron' | 'browser'): Promise<FileState> {
  const problem = sizeProblem(file, host);
  if (problem) return { name: file.name, status: 'failed', error: problem };
  let base64: string;
  try {
    base64 = await readAsBase64(file);
  } catch (error) {
    return {
      name: file.name,
      status: 'failed',
      error: `«\u00a0${file.name}\u00a0» n’a pas pu être lu (${(error as Error).message}).`,
    };
  }
  const analysed = await invoke('import:analyse', { name: file.name, base64 });
  return analysed.ok
    ? { name: file.name, status: 'ready', base64, proposal: analysed.value }
    : { name: file.name, status: 'failed', error: analysed.error.message };
}

export function applyFile(state: Extract<FileState, { status: 'ready' }>, choices: ImportChoices) {
  return invoke('import:apply', { name: state.name, base64: state.base64, choices });
}

/** A target as the value of a <select>: « section:passe », « angle:basse:social »… */
export function targetKey(target: ImportTarget): string {
  switch (target.kind) {
    case 'section':
      return `section:${target.section}`;
    case 'scenario-title':
      return `title:${target.hypothesis}`;
    case 'scenario-angle':
      return `angle:${target.hypothesis}:${target.angle}`;
    default:
      return target.kind;
  }
}

export function targetOfKey(key: string): ImportTarget {
  const [kind, first = '', second = ''] = key.split(':');
  if (kind === 'section') return { kind: 'section', section: first };
  if (kind === 'title') return { kind: 'scenario-title', hypothesis: first };
  if (kind === 'angle') return { kind: 'scenario-angle', hypothesis: first, angle: second };
  return kind === 'skip' ? { kind: 'skip' } : { kind: 'unplaced' };
}

/** Every place a part can go, grouped as the template is: sections, then each hypothesis. */
export function targetOptions(template: SheetTemplate, nature: 'content' | 'title') {
  const { hypotheses, angles } = template.microScenarios;
  return [
    {
      group: 'Sections',
      options: template.sections.map((section) => ({ key: `section:${section.id}`, label: section.title })),
    },
    ...hypotheses.map((hypothesis) => ({
      group: hypothesis.label,
      options:
        nature === 'title'
          ? [{ key: `title:${hypothesis.id}`, label: `${hypothesis.label}\u00a0: titre` }]
          : angles.map((angle) => ({
              key: `angle:${hypothesis.id}:${angle.id}`,
              label: `${hypothesis.label} › ${angle.label}`,
            })),
    })),
    {
      group: 'Autres',
      options: [
        { key: 'unplaced', label: 'Avec le contenu non placé' },
        { key: 'skip', label: 'Ne pas importer' },
      ],
    },
  ];
}
