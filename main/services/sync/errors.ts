import { Errors } from 'isomorphic-git';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { RemoteUnreachableError } from './http-client.js';

/**
 * What went wrong talking to the remote, in French, as an AppFailure whose code tells the
 * interface what to do: `offline` (work goes on, the next sync sends it), `unauthorized`
 * (ask for the credentials again), `remote` (the server refused: the message says why).
 * No message ever carries the credentials: they are not in the address, and errors are
 * rebuilt here from their code and status, not passed on whole.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
]);

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export const offlineFailure = (host: string) =>
  new AppFailure(
    'offline',
    fr`Le serveur du dépôt partagé (${host}) ne répond pas : vous semblez hors ligne. Vos modifications restent sur cet ordinateur ; elles seront envoyées à la prochaine synchronisation.`,
    { host },
  );

export const missingCredentials = (host: string) =>
  new AppFailure(
    'unauthorized',
    fr`Le serveur ${host} demande un nom d’utilisateur et un mot de passe (ou un jeton d’accès) pour ce dépôt.`,
    { host, reason: 'missing' },
  );

export const refusedCredentials = (host: string) =>
  new AppFailure(
    'unauthorized',
    fr`Le serveur ${host} a refusé ces identifiants : vérifiez le nom d’utilisateur et le mot de passe (ou le jeton d’accès), puis réessayez.`,
    { host, reason: 'refused' },
  );

function httpFailure(host: string, status: number, statusMessage: string): AppFailure {
  if (status === 401) return refusedCredentials(host);
  if (status === 403) {
    return new AppFailure(
      'remote',
      fr`Le serveur ${host} refuse l’accès à ce dépôt (403) : demandez à son administrateur le droit de lire et d’écrire.`,
      { host, status },
    );
  }
  if (status === 404) {
    return new AppFailure(
      'remote',
      fr`Le serveur ${host} ne connaît pas de dépôt à cette adresse (404) : vérifiez l’adresse.`,
      { host, status },
    );
  }
  return new AppFailure(
    status >= 500 ? 'offline' : 'remote',
    fr`Le serveur ${host} a répondu « ${status} ${statusMessage.slice(0, 80)} » : la synchronisation n’a pas pu se faire. Vos modifications restent sur cet ordinateur.`,
    { host, status },
  );
}

/** `error` thrown by isomorphic-git (or our HTTP client) while talking to `remote`. */
export function remoteFailure(error: unknown, remote: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const host = new URL(remote).host;
  const code = (error as { code?: string }).code ?? '';
  if (error instanceof RemoteUnreachableError && error.code === 'EREDIRECT') {
    return new AppFailure(
      'remote',
      fr`Le serveur ${host} redirige vers une adresse non sécurisée : Fiches refuse d’y envoyer vos identifiants.`,
      { host },
    );
  }
  if (error instanceof RemoteUnreachableError || NETWORK_CODES.has(code)) return offlineFailure(host);
  if (TLS_CODES.has(code)) {
    return new AppFailure(
      'remote',
      fr`Le certificat du serveur ${host} n’est pas valide (${code}) : Fiches refuse de lui envoyer vos identifiants et vos fiches. Demandez à votre service informatique un certificat reconnu.`,
      { host, reason: code },
    );
  }
  if (error instanceof Errors.HttpError) {
    const { statusCode, statusMessage } = error.data;
    return httpFailure(host, statusCode, statusMessage);
  }
  if (error instanceof Errors.UserCanceledError) return missingCredentials(host);
  if (error instanceof Errors.SmartHttpError || error instanceof Errors.ParseError) {
    return new AppFailure(
      'remote',
      fr`${host} ne répond pas comme un serveur git : vérifiez l’adresse du dépôt partagé.`,
      { host },
    );
  }
  return new AppFailure(
    'remote',
    fr`La synchronisation avec ${host} a échoué (${String((error as Error)?.name ?? code ?? 'erreur')}). Vos modifications restent sur cet ordinateur ; réessayez.`,
    { host },
  );
}
