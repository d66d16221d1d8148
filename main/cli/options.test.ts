import { describe, expect, it } from 'vitest';
import { parseOptions, parsePort, UsageError } from './options.js';

const spec = { repo: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

describe('parseOptions', () => {
  it('reads values given either way', () => {
    expect(parseOptions(['--repo', 'a b'], spec)).toEqual({ repo: 'a b' });
    expect(parseOptions(['--repo=-dossier', '-h'], spec)).toEqual({ repo: '-dossier', help: true });
    expect(parseOptions([], spec)).toEqual({});
  });

  it.each([
    [['--repo'], 'attend une valeur'],
    [['--repo', '--help'], 'attend une valeur'],
    [['--help=oui'], 'ne prend pas de valeur'],
    [['--repo', 'a', '--repo', 'b'], 'répétée'],
    [['--verbeux'], 'option inconnue'],
    [['dossier'], 'argument inattendu'],
    [['--', 'dossier'], 'argument inattendu'],
  ])('refuses %j in French', (args, message) => {
    expect(() => parseOptions(args, spec)).toThrow(UsageError);
    expect(() => parseOptions(args, spec)).toThrow(message);
  });
});

describe('parsePort', () => {
  it('is undefined when not given (the remembered port) and accepts 0 to 65535', () => {
    expect(parsePort(undefined)).toBeUndefined();
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('65535')).toBe(65535);
  });

  it.each(['65536', '-1', '80.5', '0x50', '', ' 80', '1e3'])('refuses %j', (value) => {
    expect(() => parsePort(value)).toThrow(UsageError);
  });
});
