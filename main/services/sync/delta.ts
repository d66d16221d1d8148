/**
 * Git's binary delta (the format of OFS_DELTA entries in a pack): the target as copies of
 * ranges of the base and literal inserts. isomorphic-git reads deltas but never writes
 * them, and a shared repository's .git would otherwise keep every version of every sheet
 * whole (compact.ts). Matches are found through an index of the base's 16-byte blocks and
 * extended as far as they go; what matches nothing is inserted.
 */
const BLOCK = 16;
const MAX_COPY = 0xffffff;
const MAX_INSERT = 0x7f;
const CANDIDATES = 8;

function varint(value: number, out: number[]): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

function copyOp(offset: number, size: number, out: number[]): void {
  const bytes: number[] = [];
  let op = 0x80;
  for (let i = 0; i < 4; i += 1) {
    const byte = (offset >>> (8 * i)) & 0xff;
    if (byte !== 0) {
      op |= 1 << i;
      bytes.push(byte);
    }
  }
  for (let i = 0; i < 3; i += 1) {
    const byte = (size >>> (8 * i)) & 0xff;
    if (byte !== 0) {
      op |= 0x10 << i;
      bytes.push(byte);
    }
  }
  out.push(op, ...bytes);
}

export function encodeDelta(base: Buffer, target: Buffer): Buffer {
  const out: number[] = [];
  varint(base.length, out);
  varint(target.length, out);
  const index = new Map<string, number[]>();
  for (let at = 0; at + BLOCK <= base.length; at += BLOCK) {
    const key = base.toString('latin1', at, at + BLOCK);
    const list = index.get(key);
    if (!list) index.set(key, [at]);
    else if (list.length < CANDIDATES) list.push(at);
  }
  let pending: number[] = [];
  const flush = () => {
    for (let at = 0; at < pending.length; at += MAX_INSERT) {
      const chunk = pending.slice(at, at + MAX_INSERT);
      out.push(chunk.length, ...chunk);
    }
    pending = [];
  };
  let i = 0;
  while (i < target.length) {
    let bestAt = -1;
    let bestLength = 0;
    if (i + BLOCK <= target.length) {
      for (const at of index.get(target.toString('latin1', i, i + BLOCK)) ?? []) {
        let length = 0;
        while (
          at + length < base.length &&
          i + length < target.length &&
          base[at + length] === target[i + length]
        )
          length += 1;
        if (length > bestLength) {
          bestLength = length;
          bestAt = at;
        }
      }
    }
    if (bestLength >= BLOCK) {
      flush();
      for (let done = 0; done < bestLength; done += MAX_COPY) {
        copyOp(bestAt + done, Math.min(MAX_COPY, bestLength - done), out);
      }
      i += bestLength;
    } else {
      pending.push(target[i] as number);
      i += 1;
    }
  }
  flush();
  return Buffer.from(out);
}
