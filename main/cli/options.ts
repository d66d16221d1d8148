import { parseArgs } from 'node:util';
import { fr } from '../services/french.js';

/** A mistake in how the command was typed: exit code 2, as for any Unix tool. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `multiple`: the option may be repeated (`--family a --family b`); its values come as a list. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
export type OptionValues = Record<string, string | string[] | boolean | undefined>;

/**
 * node:util's parseArgs, with our own checks on its tokens: its strict mode would do the
 * same checks but answer in English, and every message of the CLI is French.
 */
export function parseOptions(args: string[], options: OptionSpec): OptionValues {
  return parseCommandLine(args, options, false).values;
}

/** The options, and the arguments that are not options (files) when the command takes some. */
export function parseCommandLine(
  args: string[],
  options: OptionSpec,
  acceptsArguments: boolean,
): { values: OptionValues; positionals: string[] } {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: OptionValues = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!acceptsArguments) throw new UsageError(fr`argument inattendu « ${token.value} »`);
      positionals.push(token.value);
      continue;
    }
    const spec = options[token.name];
    if (spec === undefined) throw new UsageError(fr`option inconnue « ${token.rawName} »`);
    if (values[token.name] !== undefined && !spec.multiple) {
      throw new UsageError(fr`option « ${token.rawName} » répétée`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(fr`l’option « ${token.rawName} » ne prend pas de valeur`);
      values[token.name] = true;
      continue;
    }
    // "--repo --port 8080" would otherwise take "--port" as the folder.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(fr`l’option « ${token.rawName} » attend une valeur`);
    }
    if (spec.multiple) {
      const previous = values[token.name];
      values[token.name] = [...(Array.isArray(previous) ? previous : []), token.value];
    } else values[token.name] = token.value;
  }
  return { values, positionals };
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values (each may also list several, separated by commas). */
export function listOption(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  if (typeof value === 'string') return value.split(',').filter(Boolean);
  return Array.isArray(value) ? value.flatMap((item) => item.split(',')).filter(Boolean) : undefined;
}

/** Undefined when not given: `fiches serve` then reuses the repository's last port. */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(fr`port invalide « ${value} » : un nombre entre 0 et 65535 est attendu`);
  }
  return port;
}
