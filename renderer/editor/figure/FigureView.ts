import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import type { FigureWidth } from '../../../shared/content/figure.js';
import { notify } from '../notices/notices.js';
import { assetUrl } from './asset-urls.js';
import { controlBar, controlButton, moveAndDeleteButtons } from './block-controls.js';
import { importFiles } from './insert.js';
import { pickImageFiles } from './import-images.js';

const WIDTH_LABELS: Record<FigureWidth, string> = { column: 'Une colonne', full: 'Pleine largeur' };

const NO_IMAGE =
  'Image absente\u00a0: cette figure n’a pas (encore) d’image. Choisissez-en une avec «\u00a0Remplacer l’image…\u00a0».';

/**
 * A figure in the editor: its image (shown from the repository's assets), the buttons that
 * act on it, and its caption and source as editable text. A missing image is a visible
 * placeholder saying why, never an error of the editor.
 */
export class FigureView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly widthButton: HTMLButtonElement;
  private shownAsset: string | null | undefined;

  constructor(
    private node: PmNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement('figure');
    this.dom.className = 'figure';
    this.dom.dataset['testid'] = 'figure';
    this.frame = document.createElement('div');
    this.frame.className = 'figure-frame';
    this.frame.contentEditable = 'false';
    this.widthButton = controlButton({
      id: 'width',
      label: 'Largeur de la figure',
      glyph: '',
      run: () => this.setAttribute('width', this.node.attrs['width'] === 'full' ? 'column' : 'full'),
    });
    const replace = controlButton({
      id: 'replace',
      label: 'Remplacer l’image…',
      glyph: 'Remplacer l’image…',
      run: () => void this.replaceImage(),
    });
    const controls = controlBar([
      this.widthButton,
      replace,
      ...moveAndDeleteButtons(view, getPos, 'la figure'),
    ]);
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'figure-text';
    this.dom.append(controls, this.frame, this.contentDOM);
    this.render();
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  /** Clicks on the buttons and the image belong to us; the text below is ProseMirror's. */
  stopEvent(event: Event): boolean {
    const target = event.target as Node | null;
    return target instanceof HTMLElement && target.closest('.block-controls') !== null;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }

  private render(): void {
    const width = this.node.attrs['width'] as FigureWidth;
    this.dom.dataset['width'] = width;
    const next: FigureWidth = width === 'full' ? 'column' : 'full';
    this.widthButton.textContent = WIDTH_LABELS[width];
    this.widthButton.title = `Passer en «\u00a0${WIDTH_LABELS[next].toLowerCase()}\u00a0»`;
    const asset = this.node.attrs['asset'] as string | null;
    if (asset !== this.shownAsset) {
      this.shownAsset = asset;
      this.showImage(asset);
    }
    const img = this.frame.querySelector('img');
    if (img) img.alt = this.node.firstChild?.textContent ?? '';
  }

  private showImage(asset: string | null): void {
    if (!asset) {
      this.showPlaceholder(NO_IMAGE);
      return;
    }
    this.frame.dataset['state'] = 'loading';
    void assetUrl(asset).then((loaded) => {
      if (this.shownAsset !== asset) return;
      if (!loaded.ok) {
        this.showPlaceholder(loaded.reason);
        return;
      }
      const img = document.createElement('img');
      img.className = 'figure-image';
      img.decoding = 'async';
      img.dataset['testid'] = 'figure-image';
      img.alt = this.node.firstChild?.textContent ?? '';
      img.src = loaded.url;
      img.addEventListener('error', () =>
        this.showPlaceholder('Image illisible\u00a0: le fichier existe mais ne peut pas être affiché.'),
      );
      this.frame.dataset['state'] = 'shown';
      this.frame.replaceChildren(img);
    });
  }

  private showPlaceholder(reason: string): void {
    const placeholder = document.createElement('div');
    placeholder.className = 'figure-missing';
    placeholder.setAttribute('role', 'img');
    placeholder.setAttribute('aria-label', reason);
    placeholder.dataset['testid'] = 'figure-missing';
    placeholder.textContent = reason;
    this.frame.dataset['state'] = 'missing';
    this.frame.replaceChildren(placeholder);
  }

  private setAttribute(name: string, value: unknown): void {
    const pos = this.getPos();
    if (pos === undefined || !this.view.editable) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, name, value));
  }

  private async replaceImage(): Promise<void> {
    const [file] = await pickImageFiles();
    if (!file) return;
    const [imported] = await importFiles([file]);
    if (!imported) return;
    if (this.getPos() === undefined) {
      notify(
        'error',
        'La figure a été supprimée entre-temps\u00a0: l’image importée n’a été placée nulle part.',
      );
      return;
    }
    this.setAttribute('asset', imported.assetId);
  }
}
