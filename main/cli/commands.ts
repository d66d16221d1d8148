import { fr } from '../services/french.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { reviewCommand } from './review.js';
import { listOption, parsePort, stringOption, type OptionSpec, type OptionValues } from './options.js';
import { serve } from './serve.js';
import { start } from './start.js';
import { joinCommand, shareCommand, syncCommand } from './sync.js';

export interface Command {
  /** The command line as shown in the help, options included. */
  synopsis: string;
  /** One line for `fiches --help`. */
  summary: string;
  /** What the command's own help adds below its summary (what an option's value means). */
  notes?: string[];
  options: OptionSpec;
  /** The command takes files after its options (`fiches import FICHIER.docx…`). */
  takesFiles?: boolean;
  run(values: OptionValues, files: string[]): Promise<number>;
}

const repoOption = { repo: { type: 'string' } } as const;
const portOption = { port: { type: 'string' } } as const;

/** Every command of `fiches`; adding one (export, check…) is adding an entry. */
export const commands: Record<string, Command> = {
  start: {
    synopsis: 'fiches start [--repo DOSSIER] [--port N]',
    summary: 'ouvre l’application de bureau (ou, sans Electron, la version navigateur)',
    options: { ...repoOption, ...portOption },
    run: (values) =>
      start({ repo: stringOption(values, 'repo'), port: parsePort(stringOption(values, 'port')) }),
  },
  serve: {
    synopsis: 'fiches serve [--repo DOSSIER] [--port N]',
    summary: 'sert Fiches dans le navigateur, sur 127.0.0.1 seulement',
    options: { ...repoOption, ...portOption },
    run: (values) =>
      serve({ repo: stringOption(values, 'repo'), port: parsePort(stringOption(values, 'port')) }),
  },
  export: {
    synopsis:
      'fiches export --format docx|pdf [--repo DOSSIER] --sheet ID|--family ID|--all [--revision VERSION] [--comments] [--changes-since VERSION] --out CHEMIN\n' +
      'fiches export --format docx|pdf --volume [--family ID…|--sheet ID…|--status S…] [--title T] [--repo DOSSIER] --out FICHIER',
    summary:
      'exporte des fiches (Word ou PDF) : un fichier par fiche, ou avec --volume le recueil en un seul fichier',
    notes: [
      fr`VERSION : l’identifiant d’une version (tel « 4f0c2a9e1b7d-3 », le même sur chaque copie d’un dépôt partagé, et celui que porte le nom du fichier exporté) ; son numéro tel que listé maintenant est encore accepté, mais une synchronisation peut le changer.`,
    ],
    options: {
      ...repoOption,
      format: { type: 'string' },
      sheet: { type: 'string', multiple: true },
      family: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      volume: { type: 'boolean' },
      status: { type: 'string', multiple: true },
      title: { type: 'string' },
      revision: { type: 'string' },
      comments: { type: 'boolean' },
      'changes-since': { type: 'string' },
      out: { type: 'string' },
    },
    run: (values) =>
      exportCommand({
        repo: stringOption(values, 'repo'),
        format: stringOption(values, 'format'),
        sheet: listOption(values, 'sheet'),
        family: listOption(values, 'family'),
        all: values.all === true,
        volume: values.volume === true,
        status: listOption(values, 'status'),
        title: stringOption(values, 'title'),
        revision: stringOption(values, 'revision'),
        comments: values.comments === true,
        changesSince: stringOption(values, 'changes-since'),
        out: stringOption(values, 'out'),
      }),
  },
  import: {
    synopsis:
      'fiches import [--repo DOSSIER] FICHIER.docx… [--variable ID] [--update] [--unplaced SECTION] [--dry-run]',
    summary:
      'importe des fiches Word (fichiers .docx ou dossiers) : une fiche par fichier, et où chaque partie est allée',
    options: {
      ...repoOption,
      variable: { type: 'string' },
      update: { type: 'boolean' },
      unplaced: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    takesFiles: true,
    run: (values, files) =>
      importCommand({
        repo: stringOption(values, 'repo'),
        files,
        variable: stringOption(values, 'variable'),
        update: values.update === true,
        unplaced: stringOption(values, 'unplaced'),
        dryRun: values['dry-run'] === true,
      }),
  },
  share: {
    synopsis: 'fiches share [--repo DOSSIER] --remote URL',
    summary: 'partage le dépôt vers un dépôt distant git vide (https), et l’y envoie',
    options: { ...repoOption, remote: { type: 'string' } },
    run: (values) =>
      shareCommand({ repo: stringOption(values, 'repo'), remote: stringOption(values, 'remote') }),
  },
  join: {
    synopsis: 'fiches join URL --repo DOSSIER',
    summary: 'rejoint un dépôt partagé : le copie dans un dossier nouveau',
    options: repoOption,
    // Its one argument is the remote's address (joinCommand refuses more).
    takesFiles: true,
    run: (values, args) => joinCommand({ urls: args, repo: stringOption(values, 'repo') }),
  },
  sync: {
    synopsis: 'fiches sync [--repo DOSSIER]',
    summary:
      'synchronise un dépôt partagé : envoie vos modifications, reçoit et fusionne celles des collègues (identifiants : FICHES_GIT_USERNAME, FICHES_GIT_PASSWORD)',
    options: repoOption,
    run: (values) => syncCommand({ repo: stringOption(values, 'repo') }),
  },
  review: {
    synopsis: 'fiches review [--repo DOSSIER] --sheet ID FICHIER.docx [--apply-comments]',
    summary:
      'lit la relecture Word d’une fiche exportée : ses commentaires et ses modifications, une ligne chacun ; --apply-comments attache les commentaires',
    options: {
      ...repoOption,
      sheet: { type: 'string' },
      'apply-comments': { type: 'boolean' },
    },
    takesFiles: true,
    run: (values, files) =>
      reviewCommand({
        repo: stringOption(values, 'repo'),
        sheet: stringOption(values, 'sheet'),
        files,
        applyComments: values['apply-comments'] === true,
      }),
  },
};
