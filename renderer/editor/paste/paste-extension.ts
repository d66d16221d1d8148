import { Extension } from '@tiptap/core';
import { DOMParser as PmDOMParser, type ParseOptions, type Schema, type Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { notify, withProgress } from '../notices/notices.js';
import { importDataUrl } from '../figure/import-images.js';
import { droppedImagesMessage } from './dropped-images.js';
import { ASSET_ATTRIBUTE } from './figures-and-tables.js';
import { normalizePastedDom, type PasteReport } from './normalize.js';
import { linkPastedAddresses } from './pasted-addresses.js';
import { styleProperties } from './stylesheets.js';
import { NameIndexedDOMParser } from './tag-rules.js';
import { transformPastedHtml } from './pasted-html.js';

/**
 * Paste from Word, LibreOffice and web pages. The pasted DOM is reshaped just before
 * ProseMirror parses it (normalize.ts). Images carried inside the HTML as data: URLs are
 * first stored as assets, then the paste runs again with their asset names. Addresses in
 * pasted or dropped text become links (pasted-addresses.ts), except in content copied or
 * dragged from Fiches itself, whose links are as its author left them.
 */

/** Reshapes the DOM of a paste from outside, then parses it as usual. */
export class PasteParser extends NameIndexedDOMParser {
  lastReport: PasteReport | undefined;
  /** The style properties this parser and the clean-up read: all a pasted stylesheet keeps. */
  readonly readStyles = styleProperties(this.rules);

  static forSchema(schema: Schema): PasteParser {
    return new PasteParser(schema, PmDOMParser.fromSchema(schema).rules);
  }

  override parseSlice(dom: Node, options: ParseOptions = {}): Slice {
    // Whitespace is kept for plain text and for ProseMirror's own HTML (copied inside Fiches):
    // neither needs reshaping.
    this.lastReport = options.preserveWhitespace ? undefined : normalizePastedDom(dom as Element);
    return super.parseSlice(dom, options);
  }
}

const DATA_IMAGE = /<img\b[^>]*\bsrc\s*=\s*["']?\s*data:/i;

/** Stores the data: images of pasted HTML, and returns the HTML pointing at their assets. */
async function withImportedImages(html: string, readStyles: ReadonlySet<string>): Promise<string> {
  const doc = new DOMParser().parseFromString(transformPastedHtml(html, readStyles), 'text/html');
  const images = Array.from(doc.querySelectorAll('img')).filter((image) =>
    /^\s*data:/i.test(image.getAttribute('src') ?? ''),
  );
  for (const [index, image] of images.entries()) {
    const name = image.getAttribute('alt')?.trim() || `image collée ${index + 1}`;
    const result = await importDataUrl((image.getAttribute('src') ?? '').trim(), name);
    image.removeAttribute('src');
    if (result.ok) image.setAttribute(ASSET_ATTRIBUTE, result.value.assetId);
    else notify('error', result.error.message);
  }
  return doc.documentElement.outerHTML;
}

/** ProseMirror's own HTML, copied or dragged from an editor of Fiches. */
function isFichesHtml(data: DataTransfer | null): boolean {
  return (data?.getData('text/html') ?? '').includes('data-pm-slice');
}

function reportDropped(report: PasteReport | undefined): void {
  if (!report || report.droppedImages === 0) return;
  notify('info', droppedImagesMessage(report.droppedImages, report.fromWord));
}

export const FichesPaste = Extension.create({
  name: 'fichesPaste',

  addProseMirrorPlugins() {
    const parser = PasteParser.forSchema(this.editor.schema);
    const link = this.editor.schema.marks['link'];
    const linkOptions = this.editor.extensionManager.extensions.find((extension) => extension.name === 'link')
      ?.options as { shouldAutoLink?: (address: string) => boolean } | undefined;
    /** Set by the paste or drop event, before ProseMirror reads what it brings. */
    let fromFiches = false;
    // The second round has no clipboard data of its own: it is not taken over again.
    const pasteWithImages = async (view: EditorView, html: string) => {
      const prepared = await withProgress('Import des images collées…', () =>
        withImportedImages(html, parser.readStyles),
      );
      if (!view.isDestroyed) view.pasteHTML(prepared);
    };
    return [
      new Plugin({
        key: new PluginKey('fichesPaste'),
        props: {
          clipboardParser: parser,
          transformPastedHTML: (html) => transformPastedHtml(html, parser.readStyles),
          transformPasted: (slice) =>
            link && !fromFiches ? linkPastedAddresses(slice, link, linkOptions?.shouldAutoLink) : slice,
          handleDOMEvents: {
            paste: (_view, event) => {
              fromFiches = isFichesHtml(event.clipboardData);
              return false;
            },
            drop: (view, event) => {
              fromFiches = view.dragging !== null || isFichesHtml(event.dataTransfer);
              return false;
            },
          },
          handlePaste: (view, event) => {
            const html = event.clipboardData?.getData('text/html') ?? '';
            if (DATA_IMAGE.test(html)) {
              event.preventDefault();
              void pasteWithImages(view, html);
              return true;
            }
            reportDropped(parser.lastReport);
            parser.lastReport = undefined;
            return false;
          },
          handleDrop: () => {
            reportDropped(parser.lastReport);
            parser.lastReport = undefined;
            return false;
          },
        },
      }),
    ];
  },
});
