import { readFileSync } from 'node:fs';
import path from 'node:path';
import { opNames, type OpName } from '../../shared/api/contract.js';
import type { Handlers } from '../../shared/api/dispatch.js';
import type { ServiceHandlers } from '../services/index.js';

/** The operations only a host can answer: what it is, how it picks (or joins) a repository, where it saves exports and volumes. */
export type AppOpName =
  'app:info' | 'repository:choose' | 'export:save' | 'volume:save' | 'sync:join' | 'sync:joinProgress';
export type AppHandlers = Pick<Handlers, AppOpName>;
type ServiceOpName = Exclude<OpName, AppOpName>;

const appOpNames: ReadonlySet<OpName> = new Set<OpName>([
  'app:info',
  'repository:choose',
  'export:save',
  'sync:join',
  'sync:joinProgress',
  'volume:save',
]);
const serviceOpNames = opNames.filter((name): name is ServiceOpName => !appOpNames.has(name));

/**
 * The full handler set both hosts dispatch to. Service operations look the repository up
 * at call time rather than capturing it, because the desktop host can switch repositories
 * while its window (and this handler set) lives on.
 */
export function composeHandlers(currentServices: () => ServiceHandlers, app: AppHandlers): Handlers {
  const delegated = Object.fromEntries(
    serviceOpNames.map((name) => [
      name,
      (request: unknown) => (currentServices()[name] as (request: unknown) => Promise<unknown>)(request),
    ]),
  );
  return { ...delegated, ...app } as Handlers;
}

/** The version shown by `app:info` and `fiches --version`: the one of the package that is running. */
export function readAppVersion(appRoot: string): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error(`${appRoot}/package.json has no version`);
  return version;
}
