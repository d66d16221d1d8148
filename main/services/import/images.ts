import { posix } from 'node:path';
import { tooLargeMessage } from '../../../shared/content/assets.js';
import { AppFailure } from '../../../shared/result.js';
import { assetIdOf, prepareImage, type Prepared } from '../assets/import.js';
import type { Block, DocxDocument, DocxImage, Inline } from '../docx-read/model.js';
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
  /** Each embedded part's outcome, computed up front by preload(): cleaning an SVG is asynchronous. */
  private readonly outcomes = new Map<string, Prepared | AppFailure>();

  constructor(
    private readonly doc: DocxDocument,
    private readonly warnings: Warnings,
  ) {}

  /**
   * Checks (and, for an SVG, cleans in a worker process) every image the document embeds,
   * once each, so that building the content afterwards can stay synchronous.
   */
  async preload(): Promise<void> {
    const parts = new Set<string>();
    const blocks = [
      ...this.doc.body,
      ...[...this.doc.footnotes.values(), ...this.doc.endnotes.values()].flat(),
    ];
    for (const image of imagesIn(blocks)) {
      if (image.svgPart) parts.add(image.svgPart);
      if (image.part) parts.add(image.part);
    }
    for (const part of parts) {
      const read = this.doc.media(part);
      if (!('bytes' in read)) continue;
      try {
        this.outcomes.set(part, await prepareImage(posix.basename(part), read.bytes));
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error;
        this.outcomes.set(part, error);
      }
    }
  }

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
    const outcome = this.outcomes.get(part);
    if (outcome === undefined) throw new Error(`image ${part} used before ImageResolver.preload()`);
    if (outcome instanceof AppFailure) {
      if (report)
        this.warnings.add(fr`${where} : ${outcome.message} Un cadre « Image manquante » la remplace.`);
      return undefined;
    }
    const assetId = assetIdOf(outcome);
    this.prepared.set(assetId, outcome);
    if (outcome.removed.length > 0) {
      this.warnings.add(fr`${where} : l’image SVG a été nettoyée (${outcome.removed.join(', ')}).`);
    }
    return assetId;
  }
}

function* imagesInInlines(inlines: readonly Inline[]): Generator<DocxImage> {
  for (const inline of inlines) {
    if (inline.kind === 'image') yield inline.image;
    else if (inline.kind === 'link' || inline.kind === 'field') yield* imagesInInlines(inline.content);
    else if (inline.kind === 'text-box') yield* imagesIn(inline.blocks);
  }
}

/** Every image of these blocks, in tables and text boxes too. */
function* imagesIn(blocks: readonly Block[]): Generator<DocxImage> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') yield* imagesInInlines(block.content);
    else for (const row of block.rows) for (const cell of row.cells) yield* imagesIn(cell.blocks);
  }
}
