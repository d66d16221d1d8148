import { AppFailure } from '../../shared/result.js';
import type { AppHandlers } from '../host/handlers.js';
import { fr } from '../services/french.js';

/**
 * The browser has no folder dialog we can trust with a local path, so the repository
 * is the one given on the command line and changing it means relaunching.
 */
export function browserAppHandlers(version: string): AppHandlers {
  return {
    'app:info': async () => ({ host: 'browser', version, canChooseRepository: false }),
    'repository:choose': async () => {
      throw new AppFailure(
        'unsupported',
        fr`Dans le navigateur, ouvrez un autre dépôt en relançant : « fiches serve --repo DOSSIER ».`,
      );
    },
    'export:save': async () => {
      throw new AppFailure(
        'unsupported',
        fr`Dans le navigateur, les fiches exportées sont téléchargées : utilisez « Télécharger ».`,
      );
    },
    'volume:save': async () => {
      throw new AppFailure(
        'unsupported',
        fr`Dans le navigateur, le recueil publié est téléchargé : il n’y a rien à enregistrer ici.`,
      );
    },
  };
}
