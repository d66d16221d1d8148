import { mergeSequences } from './sequence.js';
import { same } from './values.js';

/**
 * Three-way merge of plain JSON, field by field, for the files people rarely edit at the
 * same time: template.json, layout.json and repository.json. Objects merge key by key;
 * lists of objects with an `id` (families, variables, sections…) merge as lists of those
 * ids, each element then merged on its own; anything else is one value. When the same field
 * was changed differently on both sides our value stays and the other is reported (the
 * file has a single place for it; the other value stays in the shared history).
 */
export interface FieldConflict {
  /** « families.2.name »: where, for the report. */
  path: string;
  ours: unknown;
  theirs: unknown;
}

export interface JsonMerge {
  value: unknown;
  conflicts: FieldConflict[];
}

type JsonObject = Record<string, unknown>;
type Keyed = JsonObject & { id: string };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isKeyedList = (value: unknown): value is Keyed[] =>
  Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export function mergeJson(base: unknown, ours: unknown, theirs: unknown, path = ''): JsonMerge {
  if (same(ours, theirs)) return { value: ours, conflicts: [] };
  if (base !== undefined && same(base, ours)) return { value: theirs, conflicts: [] };
  if (base !== undefined && same(base, theirs)) return { value: ours, conflicts: [] };
  // Removed on one side, edited on the other: the edit wins.
  if (ours === undefined) return { value: theirs, conflicts: [] };
  if (theirs === undefined) return { value: ours, conflicts: [] };
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base))) {
    return mergeObjects(base ?? {}, ours, theirs, path);
  }
  if (isKeyedList(ours) && isKeyedList(theirs) && (base === undefined || isKeyedList(base))) {
    return mergeKeyedLists(base ?? [], ours, theirs, path);
  }
  return { value: ours, conflicts: [{ path, ours, theirs }] };
}

function mergeObjects(base: JsonObject, ours: JsonObject, theirs: JsonObject, path: string): JsonMerge {
  const value: JsonObject = {};
  const conflicts: FieldConflict[] = [];
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const merged = mergeJson(base[key], ours[key], theirs[key], join(path, key));
    if (merged.value !== undefined) value[key] = merged.value;
    conflicts.push(...merged.conflicts);
  }
  return { value, conflicts };
}

/**
 * The order of the ids merges as a sequence; two sides adding at the same place both keep
 * theirs (ours first). An element removed on one side but edited on the other comes back,
 * after the element it followed on the side that kept it.
 */
function mergeKeyedLists(base: Keyed[], ours: Keyed[], theirs: Keyed[], path: string): JsonMerge {
  const byId = (list: Keyed[]) => new Map(list.map((item) => [item.id, item]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const segments = mergeSequences(
    base.map((item) => item.id),
    ours.map((item) => item.id),
    theirs.map((item) => item.id),
    (id) => id,
  );
  const order = [...new Set(segments.flatMap((s) => (s.kind === 'ok' ? s.items : [...s.ours, ...s.theirs])))];
  for (const list of [ours, theirs]) {
    list.forEach((item, index) => {
      const original = b.get(item.id);
      if (order.includes(item.id) || !original || same(original, item)) return;
      const previous = list
        .slice(0, index)
        .reverse()
        .find((candidate) => order.includes(candidate.id));
      order.splice(previous ? order.indexOf(previous.id) + 1 : 0, 0, item.id);
    });
  }
  const conflicts: FieldConflict[] = [];
  const value = order.flatMap((id, index) => {
    const merged = mergeJson(b.get(id), o.get(id), t.get(id), join(path, index));
    conflicts.push(...merged.conflicts);
    return merged.value === undefined ? [] : [merged.value];
  });
  return { value, conflicts };
}
