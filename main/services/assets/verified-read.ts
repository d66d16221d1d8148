import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fr } from '../french.js';
import type { RepositoryLayout } from '../repository/layout.js';
import { ioFailure } from '../storage/io-errors.js';

/**
 * An image of the repository as its name promises it: assets/<sha256>.<ext> holds the
 * bytes whose SHA-256 is <sha256>. A file changed since (a bad sync, a hand edit, a
 * damaged disk) is reported as damaged rather than shown or exported as if it were the
 * image the author chose. The file is read and hashed in chunks, so a 20 MB image never
 * holds the host's event loop.
 */
export type AssetContent =
  | { bytes: Buffer }
  | {
      missing: 'absent' | 'damaged';
      /** For the frame that replaces the image: « fichier absent », « fichier endommagé ». */
      short: string;
      /** The whole reason, for messages and the export's summary. */
      message: string;
    };

export async function readVerifiedAsset(layout: RepositoryLayout, assetId: string): Promise<AssetContent> {
  const path = layout.assetFile(assetId);
  const shown = layout.display(path);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        missing: 'absent',
        short: 'fichier absent',
        message: fr`Image introuvable : le fichier ${shown} manque dans le dépôt (supprimé, ou dépôt copié sans son dossier assets). Remettez-le en place, ou remplacez l’image de cette figure.`,
      };
    }
    throw ioFailure(error, 'lire', shown);
  }
  if (hash.digest('hex') !== assetId.slice(0, assetId.indexOf('.'))) {
    return {
      missing: 'damaged',
      short: 'fichier endommagé',
      message: fr`Image endommagée : le fichier ${shown} ne correspond plus à l’image importée (modifié ou abîmé depuis). Remplacez l’image de cette figure, ou remettez le fichier d’origine.`,
    };
  }
  return { bytes: Buffer.concat(chunks) };
}
