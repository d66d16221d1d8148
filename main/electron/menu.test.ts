import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

/** The desktop menus, built against a stand-in of Electron's Menu (no Electron binary here). */
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
}));

const { buildMenu } = await import('./menu.js');

function actions() {
  return {
    openRepository: vi.fn(),
    reload: vi.fn(),
    showAbout: vi.fn(),
    revealRepository: vi.fn(),
    exportAs: vi.fn(),
    importWord: vi.fn(),
    sync: vi.fn(),
    publishVolume: vi.fn(),
  };
}

describe('Fichier menu', () => {
  it('offers « Importer des fiches Word… », which asks the page to open its import', () => {
    const given = actions();
    const menu = buildMenu(given) as unknown as { template: MenuItemConstructorOptions[] };
    const file = menu.template.find((item) => item.label === 'Fichier');
    const items = file?.submenu as MenuItemConstructorOptions[];
    const entry = items.find((item) => item.label === 'Importer des fiches Word…');
    expect(entry).toBeDefined();
    (entry?.click as () => void)();
    expect(given.importWord).toHaveBeenCalledOnce();
    expect(given.exportAs).not.toHaveBeenCalled();
  });

  it('offers sharing, joining and syncing, which ask the page to open their dialogs or sync', () => {
    const given = actions();
    const menu = buildMenu(given) as unknown as { template: MenuItemConstructorOptions[] };
    const items = menu.template.find((item) => item.label === 'Fichier')
      ?.submenu as MenuItemConstructorOptions[];
    const click = (label: string) => (items.find((item) => item.label === label)?.click as () => void)();
    click('Partager ce dépôt…');
    click('Rejoindre un dépôt partagé…');
    click('Synchroniser');
    expect(given.sync.mock.calls).toEqual([['sync:share'], ['sync:join'], ['sync:run']]);
  });
});
