import { AppFailure } from '../../shared/result.js';
import type { CurrentRepository } from '../host/current-repository.js';
import type { AppHandlers } from '../host/handlers.js';
import { joinAndOpen, joinProgress } from '../host/join.js';
import { fr } from '../services/french.js';
import type { CredentialStore } from '../services/sync/credentials.js';

/**
 * The browser has no folder dialog we can trust with a local path, so the repository
 * is the one given on the command line and changing it means relaunching. Joining a shared
 * repository is the one exception: it is cloned beside the one given (or into the folder
 * typed in the dialog) and opened in its place (host/join.ts).
 */
export function browserAppHandlers(
  version: string,
  join?: { current: CurrentRepository; credentials: CredentialStore },
): AppHandlers {
  return {
    'sync:joinProgress': async () => joinProgress(),
    'sync:join': async (request) => {
      if (!join) throw new AppFailure('unsupported', fr`Cet hôte ne peut pas ouvrir un autre dépôt.`);
      return joinAndOpen(join.current, request, join.credentials);
    },
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
