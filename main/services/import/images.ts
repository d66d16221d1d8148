import { posix } from 'node:path';
import { tooLargeMessage } from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { assetIdOf, prepareImage, type Prepared } from '../assets/import.js';
import type { DocxDocument, DocxImage } from '../docx-read/model.js';
import { fr } from '../french.js';
import type { Warnings } from './warnings.js';

/**
 * The images of a document as the repository's assets: checked and cleaned as any image
 * a user adds (assets/import.ts: the same limits, the same SVG sanitising), named by their
 * content, kept in memory until the import is applied. An SVG is taken rather than its PNG
 * stand-in, so a Fiches export imported back points at the same asset. An image that is
 * not in the file (linked, or missing), too large or not an accepted image becomes the
 * figure's « image manquante » placeholder, with a warning saying why.
 */
export class ImageResolver {
  /** Prepared images by asset id, to store when the import is applied. */
  readonly prepared = new Map<string, Prepared>();
  private readonly resolved = new Map<string, string | null>();

  constructor(
    private readonly doc: DocxDocument,
    private readonly warnings: Warnings,
  ) {}

  /** The asset id of the image, or null for the placeholder; `where` names the figure in warnings. */
  resolve(image: DocxImage, where: string): string | null {
    if (!image.part) {
      const target = image.link ?? '';
      this.warnings.add(
        fr`${where} : l’image est liée à un fichier extérieur au document (${target.slice(0, 120)}), que Fiches ne peut pas lire ; un cadre « Image manquante » la remplace. Insérez l’image dans Word (plutôt que la lier), ou ajoutez-la ensuite à la figure.`,
      );
      return null;
    }
    const key = `${image.svgPart ?? ''}|${image.part}`;
    if (this.resolved.has(key)) return this.resolved.get(key) ?? null;
    const asset =
      (image.svgPart ? this.tryPart(image.svgPart, where, false) : undefined) ??
      this.tryPart(image.part, where, true);
    this.resolved.set(key, asset ?? null);
    return asset ?? null;
  }

  /** The asset of one part; warns (when `report`) and answers undefined when it cannot be one. */
  private tryPart(part: string, where: string, report: boolean): string | undefined {
    const name = posix.basename(part);
    const read = this.doc.media(part);
    if ('missing' in read) {
      if (report) {
        this.warnings.add(
          fr`${where} : l’image ${name} manque dans le fichier ; un cadre « Image manquante » la remplace.`,
        );
      }
      return undefined;
    }
    if ('tooLarge' in read) {
      if (report)
        this.warnings.add(
          fr`${where} : ${tooLargeMessage(name, read.tooLarge)} Un cadre « Image manquante » la remplace.`,
        );
      return undefined;
    }
    try {
      const prepared = prepareImage(name, read.bytes);
      const assetId = assetIdOf(prepared);
      this.prepared.set(assetId, prepared);
      if (prepared.removed.length > 0) {
        this.warnings.add(fr`${where} : l’image SVG a été nettoyée (${prepared.removed.join(', ')}).`);
      }
      return assetId;
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      if (report)
        this.warnings.add(fr`${where} : ${error.message} Un cadre « Image manquante » la remplace.`);
      return undefined;
    }
  }
}
