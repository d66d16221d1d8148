import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/** What we were doing, as the message says it: « Impossible de <action> <file> ». */
export type IoAction =
  | 'lire'
  | 'enregistrer'
  | 'créer le dossier'
  | 'créer le dépôt'
  | 'créer le dépôt dans'
  | 'verrouiller'
  | 'mettre de côté'
  | 'mettre à la corbeille'
  | 'restaurer';

/**
 * Turns a file system error into a failure the user can act on. `file` is shown as is
 * (relative to the repository where possible).
 */
export function ioFailure(error: unknown, action: IoAction, file: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (action === 'lire' && (code === 'EACCES' || code === 'EPERM')) {
    return new AppFailure(
      'forbidden',
      fr`Fiches n’a pas le droit de lire ${file} : vérifiez les droits de ce fichier ou de son dossier.`,
      { file, errno: code },
    );
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppFailure(
        'read-only',
        fr`Impossible de ${action} ${file} : accès refusé (dossier en lecture seule ou droits insuffisants). Vérifiez les droits du dossier du dépôt.`,
        { file, errno: code },
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppFailure(
        'io',
        fr`Impossible de ${action} ${file} : le disque est plein. Libérez de la place puis réessayez ; vos textes déjà enregistrés sont intacts.`,
        { file, errno: code },
      );
    default:
      return new AppFailure(
        'io',
        fr`Impossible de ${action} ${file} (${code ?? (error as Error)?.message ?? String(error)}). Réessayez ; si le problème persiste, vérifiez le disque ou le dossier du dépôt.`,
        { file, ...(code ? { errno: code } : {}) },
      );
  }
}

/** Runs a file operation, translating its failure. */
export async function withIo<T>(action: IoAction, file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw ioFailure(error, action, file);
  }
}
