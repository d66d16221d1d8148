import type { MenuCommand } from '../../shared/api/bridge.js';
import { desktopBridge } from '../api/bridge.js';

/**
 * The desktop menu's commands (« export:docx », « import:docx »…) for every view that acts
 * on one: the preload keeps a single callback, so it is taken once here and each command
 * is handed to every listener. In the browser host there is no menu: nothing is heard.
 */
const listeners = new Set<(command: MenuCommand) => void>();
let subscribed = false;

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  listeners.add(listener);
  if (!subscribed) {
    subscribed = true;
    desktopBridge()?.onMenuCommand((command) => {
      for (const each of [...listeners]) each(command);
    });
  }
  return () => {
    listeners.delete(listener);
  };
}
