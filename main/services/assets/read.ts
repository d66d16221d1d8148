import { readFile } from 'node:fs/promises';
import { mediaTypeOf } from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { ioFailure } from '../storage/io-errors.js';

/** An image of the repository, for the editor to show (it turns it into a blob: URL). */
export async function readAsset(
  context: RepositoryContext,
  assetId: string,
): Promise<{ mediaType: string; base64: string }> {
  const { layout } = context;
  const path = layout.assetFile(assetId);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppFailure(
        'not-found',
        fr`Image introuvable : le fichier ${layout.display(path)} manque dans le dépôt (supprimé, ou dépôt copié sans son dossier assets). Remettez-le en place, ou remplacez l’image de cette figure.`,
        { assetId },
      );
    }
    throw ioFailure(error, 'lire', layout.display(path));
  }
  return { mediaType: mediaTypeOf(assetId), base64: bytes.toString('base64') };
}
