import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { SyncMenuCommand } from '../../shared/api/sync-contract.js';
import { exportFormatLabels, exportFormats, type ExportFormat } from '../../shared/api/export-contract.js';

export interface MenuActions {
  openRepository(): void;
  reload(): void;
  showAbout(): void;
  revealRepository(): void;
  /** The page opens its export dialog for what it shows (this sheet, or the collection). */
  exportAs(format: ExportFormat): void;
  /** The page opens its import of Word sheets. */
  importWord(): void;
  /** The page shares the repository, joins a shared one, or syncs (renderer/views/sync). */
  sync(command: SyncMenuCommand): void;
  /** Fichier › Exporter › Recueil…: « Publier le recueil » on the home view. */
  publishVolume(): void;
}

/** French menus. Editing and zoom use Electron's roles, so they follow the platform's shortcuts. */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'Fiches',
            submenu: [
              { label: 'À propos de Fiches', click: actions.showAbout },
              { type: 'separator' },
              { role: 'hide', label: 'Masquer Fiches' },
              { role: 'hideOthers', label: 'Masquer les autres' },
              { role: 'unhide', label: 'Tout afficher' },
              { type: 'separator' },
              { role: 'quit', label: 'Quitter Fiches' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'Fichier',
      submenu: [
        { label: 'Ouvrir un dépôt…', accelerator: 'CmdOrCtrl+O', click: actions.openRepository },
        { label: 'Importer des fiches Word…', click: actions.importWord },
        { type: 'separator' },
        { label: 'Partager ce dépôt…', click: () => actions.sync('sync:share') },
        { label: 'Rejoindre un dépôt partagé…', click: () => actions.sync('sync:join') },
        { label: 'Synchroniser', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.sync('sync:run') },
        { type: 'separator' },
        {
          label: 'Exporter',
          submenu: [
            ...exportFormats.map((format) => ({
              label: `${exportFormatLabels[format]}…`,
              click: () => actions.exportAs(format),
            })),
            { label: 'Recueil…', click: actions.publishVolume },
          ],
        },
        ...(isMac
          ? []
          : ([
              { type: 'separator' },
              { role: 'quit', label: 'Quitter', accelerator: 'CmdOrCtrl+Q' },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { type: 'separator' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        // Not the reload role: the page must save its pending edits before it goes.
        { label: 'Recharger', accelerator: 'CmdOrCtrl+R', click: actions.reload },
        { type: 'separator' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { role: 'resetZoom', label: 'Réinitialiser le zoom' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
      ],
    },
    {
      label: 'Aide',
      submenu: [
        ...(isMac ? [] : [{ label: 'À propos de Fiches', click: actions.showAbout }]),
        { label: 'Dépôt de données\u00a0: ouvrir le dossier', click: actions.revealRepository },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
