import type { Result } from '../result.js';
import { exportFormats, type ExportFormat } from './export-contract.js';
import { IMPORT_MENU_COMMAND } from './import-contract.js';
import { SYNC_MENU_COMMANDS, type SyncMenuCommand } from './sync-contract.js';

/**
 * What the desktop app's preload gives the page, declared once: the preload implements it
 * (checked by the compiler), the renderer's client uses it, and the tests compare the
 * surface the page really sees with `bridgeMembers`. The browser host has no bridge.
 */

/** The page's global: `window.fiches`. */
export const BRIDGE_GLOBAL = 'fiches';

/** Fichier › Exporter › Recueil…: the page opens « Publier le recueil ». */
export const VOLUME_MENU_COMMAND = 'export:volume';

/** What the desktop menu asks the page to do (Fichier › Exporter › Word…, Recueil…, Importer des fiches Word…, Synchroniser…). */
export type MenuCommand =
  `export:${ExportFormat}` | typeof VOLUME_MENU_COMMAND | typeof IMPORT_MENU_COMMAND | SyncMenuCommand;

/** Every command the preload lets through to the page: the menu sends nothing else. */
export const menuCommands: readonly MenuCommand[] = [
  ...exportFormats.map((format) => `export:${format}` as const),
  VOLUME_MENU_COMMAND,
  IMPORT_MENU_COMMAND,
  ...SYNC_MENU_COMMANDS,
];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

export interface FichesBridge {
  /** One operation of the contract; any other name is refused without reaching the app. */
  invoke(name: string, request: unknown): Promise<Result<unknown>>;
  /**
   * The app asks before it closes or switches repository: the callback saves what is
   * pending, and the app waits for it (a few seconds at most). One callback at a time (a
   * later call replaces it); returns the unsubscribe function.
   */
  onFlushRequest(callback: () => Promise<unknown>): () => void;
  /** The menu's commands for the page; one callback at a time, like onFlushRequest. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

/** Every member of the bridge, for the tests of the surface the page sees. */
export const bridgeMembers = ['invoke', 'onFlushRequest', 'onMenuCommand'] as const satisfies ReadonlyArray<
  keyof FichesBridge
>;

type MustBeNever<T extends never> = T;
/** Fails to compile when a member is added to FichesBridge without being listed in bridgeMembers. */
export type UnlistedBridgeMembers = MustBeNever<Exclude<keyof FichesBridge, (typeof bridgeMembers)[number]>>;
