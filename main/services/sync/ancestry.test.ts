import { describe, expect, it } from 'vitest';
import { relationOf, type CommitInfo } from './ancestry.js';

/**
 * A history as a map of commits, each with its parents and its time; `read` counts the
 * commits read, to show the walk stops at the merge base.
 */
function history(commits: Record<string, [string[], number]>) {
  const reads: string[] = [];
  const read = async (oid: string): Promise<CommitInfo> => {
    const found = commits[oid];
    if (!found) throw new Error(`unknown commit ${oid}`);
    reads.push(oid);
    return { parents: found[0], time: found[1] };
  };
  return { read, reads };
}

/** c0 ← c1 ← … ← c{n-1}, one a minute. */
function line(n: number, prefix = 'c'): Record<string, [string[], number]> {
  const commits: Record<string, [string[], number]> = {};
  for (let i = 0; i < n; i += 1) commits[`${prefix}${i}`] = [i === 0 ? [] : [`${prefix}${i - 1}`], i * 60];
  return commits;
}

describe('how two commits relate', () => {
  it('finds the base of two sides that moved on, reading only the commits since they parted', async () => {
    const { read, reads } = history({
      ...line(1000),
      a1: [['c999'], 60_000],
      a2: [['a1'], 60_100],
      a3: [['a2'], 60_200],
      b1: [['c999'], 60_050],
    });
    expect(await relationOf(read, 'b1', 'a3')).toEqual({ kind: 'diverged', base: 'c999' });
    expect(reads.length).toBeLessThan(10);
  });

  it('tells a fast-forward, and a side already ahead, without walking the whole history', async () => {
    const commits = { ...line(1000), a1: [['c999'], 60_000] as [string[], number] };
    const behind = history(commits);
    expect(await relationOf(behind.read, 'c999', 'a1')).toEqual({ kind: 'behind' });
    expect(behind.reads.length).toBeLessThan(10);
    const ahead = history(commits);
    expect(await relationOf(ahead.read, 'a1', 'c990')).toEqual({ kind: 'ahead' });
    expect(ahead.reads.length).toBeLessThan(20);
    expect(await relationOf(ahead.read, 'a1', 'a1')).toEqual({ kind: 'same' });
  });

  it('takes the newest common commit across merges, and answers none for unrelated histories', async () => {
    // Anne and Bruno merged each other's work once (m), then both went on.
    const { read } = history({
      ...line(5),
      x: [['c4'], 400],
      y: [['c4'], 410],
      m: [['x', 'y'], 500],
      anne: [['m'], 600],
      bruno: [['y'], 420],
      bruno2: [['bruno', 'm'], 700],
      ...line(3, 'other'),
    });
    expect(await relationOf(read, 'anne', 'bruno2')).toEqual({ kind: 'diverged', base: 'm' });
    expect(await relationOf(read, 'm', 'bruno2')).toEqual({ kind: 'behind' });
    expect(await relationOf(read, 'x', 'bruno')).toEqual({ kind: 'diverged', base: 'c4' });
    expect(await relationOf(read, 'anne', 'other2')).toEqual({ kind: 'diverged', base: undefined });
  });

  it('still answers a common ancestor when a laptop’s clock was wrong', async () => {
    // Bruno's clock was an hour behind: his commit looks older than the base.
    const { read } = history({ ...line(50), a1: [['c49'], 4000], b1: [['c49'], -3600] });
    const relation = await relationOf(read, 'a1', 'b1');
    expect(relation.kind).toBe('diverged');
    expect((relation as { base: string }).base).toMatch(/^c\d+$/);
  });
});
