import { AppFailure } from '../../shared/result.js';
import { readAppVersion } from '../host/handlers.js';
import { fr } from '../services/french.js';
import { findAppRoot } from '../services/index.js';
import { commands } from './commands.js';
import { parseCommandLine, UsageError } from './options.js';

function helpText(version: string): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = [
    `Fiches ${version} — rédaction et publication des fiches variables`,
    '',
    fr`Usage :`,
    ...Object.values(commands).flatMap((command) => command.synopsis.split('\n').map((line) => `  ${line}`)),
    '  fiches --help | --version',
    '',
    fr`Commandes :`,
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    fr`Options :`,
    '  --repo DOSSIER  le dépôt à ouvrir (par défaut, celui du dossier de données de Fiches, créé au besoin par start et serve)',
    '  --port N        le port d’écoute (par défaut, un port libre)',
    '  -h, --help      affiche cette aide',
    '  -v, --version   affiche la version',
  ];
  return `${lines.join('\n')}\n`;
}

/** One line, whatever the error carried: scripts and users read the first line only. */
function printError(message: string): void {
  process.stderr.write(fr`fiches : ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

async function dispatchCommand(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(helpText(readAppVersion(findAppRoot())));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${readAppVersion(findAppRoot())}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
  if (command === undefined) {
    throw new UsageError(
      first.startsWith('-') ? fr`option inconnue « ${first} »` : fr`commande inconnue « ${first} »`,
    );
  }
  const { values, positionals } = parseCommandLine(
    rest,
    { ...command.options, help: { type: 'boolean', short: 'h' } },
    command.takesFiles === true,
  );
  if (values.help === true) {
    // A command with two forms (export) shows them one under the other, after « Usage : ».
    const synopsis = command.synopsis.split('\n').join(`\n${' '.repeat('Usage : '.length)}`);
    const lines = [fr`Usage : ${synopsis}`, command.summary, ...(command.notes ?? [])];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  return command.run(values, positionals);
}

/** Runs the command line and answers the exit code: 0, 1 for a failure, 2 for a usage error. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await dispatchCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(fr`${error.message} (voir « fiches --help »)`);
      return 2;
    }
    if (error instanceof AppFailure) {
      printError(error.message);
      return 1;
    }
    printError(fr`erreur inattendue (${(error as Error)?.message ?? String(error)})`);
    return 1;
  }
}
