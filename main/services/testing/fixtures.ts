import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepositoryFile } from '../../../shared/model/repository.js';
import type { SheetTemplate } from '../../../shared/model/template.js';

/** Small repositories for the services' tests, written into real temp folders. */

export const fixtureTemplate: SheetTemplate = {
  schemaVersion: 1,
  id: 'fiche-test',
  name: 'Fiche de test',
  phases: [
    { id: 'passe', label: 'Passé' },
    { id: 'present', label: 'Présent' },
  ],
  sections: [
    {
      id: 'trajectoire',
      title: 'Trajectoire de la variable',
      help: 'Définissez la variable.',
      targetWords: { min: 3, max: 100 },
    },
    {
      id: 'passe',
      title: 'Évolution passée',
      phase: 'passe',
      question: 'Quelle a été l’évolution passée de la variable ?',
      help: 'Retracez son histoire.',
      targetWords: { min: 3, max: 100 },
    },
  ],
  standardTexts: {
    opening: ['Cette fiche s’inscrit dans un système.'],
    microScenariosMethod: ['Élaborés en atelier.'],
  },
  microScenarios: {
    title: 'Micro-scénarios',
    help: 'Un titre et un texte par angle.',
    hypotheses: [
      { id: 'basse', label: 'Hypothèse basse' },
      { id: 'haute', label: 'Hypothèse haute' },
    ],
    angles: [
      { id: 'economique', label: 'Économique' },
      { id: 'social', label: 'Social' },
    ],
    targetWords: { min: 2, max: 50 },
  },
};

export const fixtureRepository: RepositoryFile = {
  schemaVersion: 1,
  name: 'Dépôt de test',
  exercise: {
    name: 'Chantier test 2040',
    organisation: 'Agence test',
    region: 'Hauts-de-France',
    horizon: '2040',
  },
  families: [
    {
      id: 'technologies',
      number: 1,
      name: 'Évolutions technologiques',
      variables: [
        { id: 'big-data', name: 'Big Data' },
        { id: 'cobotique', name: 'Cobotique' },
      ],
    },
    {
      id: 'societe',
      number: 2,
      name: 'Évolutions sociétales',
      variables: [{ id: 'consommation', name: 'Tendances de consommation' }],
    },
  ],
};

export function tempDir(prefix = 'fiches-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes a repository into `dir` (created if needed); files may be replaced by any JSON value or raw text. */
export async function writeFixtureRepository(
  dir: string,
  files: { repository?: unknown; template?: unknown } = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const text = (value: unknown) =>
    typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(dir, 'repository.json'), text(files.repository ?? fixtureRepository));
  await writeFile(join(dir, 'template.json'), text(files.template ?? fixtureTemplate));
  return dir;
}

/** Every file under `dir` with its bytes (base64), to prove a folder was left exactly as it was. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = entry.isFile()
      ? (await readFile(path)).toString('base64')
      : '<dossier>';
  }
  return files;
}
