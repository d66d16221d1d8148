import type { Handlers } from '../../../shared/api/dispatch.js';
import { MAX_IMPORT_FILE_BYTES, type importContract } from '../../../shared/api/import-contract.js';
import { formatMegabytes } from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { analyseDocx } from './analyse.js';
import { applyImport } from './apply.js';

export type ImportHandlers = Pick<Handlers, keyof typeof importContract>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's bytes; a file larger than the limit is refused before it is decoded. */
export function decodeFile(name: string, base64: string): Buffer {
  const estimated = Math.floor((base64.length * 3) / 4);
  if (estimated > MAX_IMPORT_FILE_BYTES + 2) {
    throw new AppFailure(
      'unsupported',
      fr`Le fichier « ${name} » pèse ${formatMegabytes(estimated)} : Fiches importe des documents de ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} Mo au plus. Réduisez ses images dans Word (Format de l’image › Compresser les images), puis réessayez.`,
      { reason: 'too-large', name },
    );
  }
  if (!BASE64.test(base64)) {
    throw new AppFailure(
      'invalid-request',
      fr`Le fichier « ${name} » est arrivé abîmé (encodage invalide) : réessayez.`,
    );
  }
  return Buffer.from(base64, 'base64');
}

/** The import operations of the contract, for one open repository. */
export function importHandlers(context: RepositoryContext): ImportHandlers {
  return {
    'import:analyse': async ({ name, base64 }) =>
      (await analyseDocx(context, name, decodeFile(name, base64))).proposal,
    'import:apply': async ({ name, base64, choices, dryRun }) =>
      applyImport(
        context,
        await analyseDocx(context, name, decodeFile(name, base64)),
        choices,
        dryRun === true,
      ),
  };
}
