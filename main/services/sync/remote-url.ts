import { BlockList, isIP } from 'node:net';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/**
 * The address of a shared repository, as the user types it. Only http(s): no file:, ssh:,
 * git: or ext:: (which runs a command), nothing that reaches outside the network the user
 * meant. Credentials never go in it: the address is written to .git/config, shown, and
 * logged, so a password there would leak; they are asked for (or stored) apart.
 */
const URL_MAX = 2000;

/** Addresses of a local network: loopback, private and link-local ranges (IPv4 and IPv6). */
const LOCAL_NETWORK = new BlockList();
for (const [prefix, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  LOCAL_NETWORK.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  LOCAL_NETWORK.addSubnet(prefix, bits, 'ipv6');
}

/** Names that only resolve inside a network: a single label (« gitea ») or a local domain. */
const LOCAL_NAME = /^(?:localhost|[^.]+|.+\.(?:local|lan|internal|intranet|home\.arpa))$/i;

/**
 * Plain http sends the password as readable as the text: only where the traffic stays on
 * the local network (an address of a private range, or a name that only resolves there).
 */
function isLocalNetwork(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family === 4) return LOCAL_NETWORK.check(host, 'ipv4');
  if (family === 6) return LOCAL_NETWORK.check(host, 'ipv6');
  return LOCAL_NAME.test(host);
}

export function checkedRemoteUrl(raw: string): string {
  const text = raw.trim();
  const refuse = (why: string) =>
    new AppFailure('invalid-request', fr`Adresse refusée : ${why}`, { url: safeForMessage(text) });
  if (text === '' || text.length > URL_MAX) throw refuse('donnez l’adresse https du dépôt partagé.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse(fr`« ${safeForMessage(text)} » n’est pas une adresse (https://serveur/chemin/depot.git).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(
      fr`seules les adresses https (ou http sur un réseau local) sont acceptées, pas « ${url.protocol} ».`,
    );
  }
  if (url.username || url.password) {
    throw refuse(
      'ne mettez pas votre nom ni votre mot de passe dans l’adresse : Fiches les demande à part et ne les écrit jamais dans le dépôt.',
    );
  }
  if (url.hash || url.search) throw refuse('une adresse de dépôt n’a ni « ? » ni « # ».');
  if (!url.hostname) throw refuse('il manque le nom du serveur.');
  if (url.protocol === 'http:' && !isLocalNetwork(url.hostname)) {
    throw refuse(
      fr`http n’est accepté que sur un réseau local (« ${url.hostname} » n’en est pas) : le mot de passe y passerait en clair. Utilisez l’adresse https du dépôt.`,
    );
  }
  return url.href;
}

/** An address as messages and logs may show it: never its user name or password. */
export function safeForMessage(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.href.slice(0, 300);
  } catch {
    return text.replace(/\/\/[^/@]*@/, '//').slice(0, 300);
  }
}

/** The folder name a join suggests: « depot-partage » for https://serveur/equipe/depot-partage.git. */
export function suggestedFolderName(remote: string): string {
  const last = new URL(remote).pathname.split('/').filter(Boolean).pop() ?? 'depot';
  const name = last
    .replace(/\.git$/, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .slice(0, 80);
  return name === '' || name.startsWith('.') ? 'depot-partage' : name;
}
