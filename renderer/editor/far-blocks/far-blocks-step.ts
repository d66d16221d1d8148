import { Fragment, type Node as PmNode, type NodeType, type Schema } from '@tiptap/pm/model';
import { Step, StepMap, StepResult, type Mappable } from '@tiptap/pm/transform';
import { FAR_BLOCKS } from './far-blocks-node.js';

/** A stretch of the document's top level: from the start of one block to the end of another. */
export type TopRange = readonly [from: number, to: number];

/**
 * One step that puts many runs of top-level blocks into runs of far blocks (`hold`), or
 * takes the blocks of many runs back to the top level (release). ProseMirror's wrap is one
 * step per run, and each copied the whole top level: the 245 runs of a 4 MB paste took
 * 300 ms, then as long again in every plugin that replays a transaction's steps. This one
 * rebuilds the top level once. Its map is exact (one position per run boundary), so the
 * selection, the history and the decorations keep every position of the text.
 *
 * `ranges`, in document order: for `hold`, each run's blocks; for release, each run itself.
 */
export class FarBlocksStep extends Step {
  constructor(
    readonly hold: boolean,
    readonly ranges: readonly TopRange[],
  ) {
    super();
  }

  apply(doc: PmNode): StepResult {
    const type = farBlocksType(doc.type.schema);
    const children: PmNode[] = [];
    let next = 0;
    let run: PmNode[] | undefined;
    let failed = false;
    doc.forEach((child, pos) => {
      const end = pos + child.nodeSize;
      const range = this.ranges[next];
      if (!this.hold) {
        if (range?.[0] === pos) {
          next += 1;
          if (child.type !== type || range[1] !== end) failed = true;
          else child.forEach((block) => children.push(block));
        } else children.push(child);
        return;
      }
      if (!run && range?.[0] === pos) run = [];
      if (!run) {
        children.push(child);
        return;
      }
      if (child.type === type || !range || end > range[1]) failed = true;
      run.push(child);
      if (range && end === range[1]) {
        children.push(type.create(null, run));
        run = undefined;
        next += 1;
      }
    });
    if (failed || run || next < this.ranges.length) {
      return StepResult.fail('The runs of far blocks do not match the top level');
    }
    return StepResult.ok(doc.copy(Fragment.fromArray(children)));
  }

  override getMap(): StepMap {
    const edits: number[] = [];
    const [oldSize, newSize] = this.hold ? [0, 1] : [1, 0];
    for (const [from, to] of this.ranges) {
      // Held: a position opens the run before its first block and one closes it after the
      // last. Released: the run's own opening and closing positions go.
      const boundaries = this.hold ? [from, to] : [from, to - 1];
      for (const at of boundaries) {
        const last = edits.length - 3;
        // Boundaries that touch (two runs side by side) make one edit.
        if (last >= 0 && (edits[last] as number) + (edits[last + 1] as number) === at) {
          edits[last + 1] = (edits[last + 1] as number) + oldSize;
          edits[last + 2] = (edits[last + 2] as number) + newSize;
        } else edits.push(at, oldSize, newSize);
      }
    }
    return new StepMap(edits);
  }

  invert(): Step {
    // The k-th run moved by the two positions of each run before it.
    const shift = (k: number) => (this.hold ? 2 * k : -2 * k);
    return new FarBlocksStep(
      !this.hold,
      this.ranges.map(([from, to], k) =>
        this.hold ? [from + shift(k), to + shift(k) + 2] : [from + shift(k), to + shift(k) - 2],
      ),
    );
  }

  map(mapping: Mappable): Step | null {
    const ranges: TopRange[] = [];
    for (const [from, to] of this.ranges) {
      const start = mapping.mapResult(from, 1);
      const end = mapping.mapResult(to, -1);
      // A run whose edge went is left as it is: which blocks are held only changes speed.
      if (!start.deleted && !end.deleted && start.pos < end.pos) ranges.push([start.pos, end.pos]);
    }
    return ranges.length > 0 ? new FarBlocksStep(this.hold, ranges) : null;
  }

  override toJSON() {
    return { stepType: FAR_BLOCKS, hold: this.hold, ranges: this.ranges };
  }

  static override fromJSON(_schema: Schema, json: { hold: boolean; ranges: TopRange[] }): FarBlocksStep {
    return new FarBlocksStep(json.hold, json.ranges);
  }
}

Step.jsonID(FAR_BLOCKS, FarBlocksStep);

export function farBlocksType(schema: Schema): NodeType {
  const type = schema.nodes[FAR_BLOCKS];
  if (!type) throw new Error('The schema has no runs of far blocks');
  return type;
}
