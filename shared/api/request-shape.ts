/**
 * The shape of a request before any schema sees it. zod, ProseMirror and the history walk
 * a request recursively: a request nested thousands of levels deep would overflow their
 * stack, outside any error handler, and a request that contains itself (Electron's IPC
 * keeps cycles) would never end. Both are refused here, with a walk that keeps its own
 * stack and visits each object once.
 */

/** Far deeper than the contract needs: a section of MAX_DOC_DEPTH levels stays under 220. */
export const MAX_REQUEST_DEPTH = 256;
/** Values of the request counted as a tree (an object reached twice counts twice, as a parser sees it). */
export const MAX_REQUEST_VALUES = 2_000_000;

interface Frame {
  value: object;
  children: unknown[];
  next: number;
  depth: number;
  size: number;
}

/** Why the request cannot be parsed safely, in French; undefined when it can. */
export function requestShapeProblem(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const measured = new Map<object, { depth: number; size: number }>();
  const onPath = new Set<object>();
  const tooDeep = `Requête trop imbriquée\u00a0: ${MAX_REQUEST_DEPTH} niveaux au plus.`;
  const stack: Frame[] = [];
  const enter = (value: object) => {
    onPath.add(value);
    stack.push({ value, children: Object.values(value), next: 0, depth: 0, size: 1 });
  };
  enter(request);
  let result = { depth: 0, size: 0 };
  while (stack.length > 0) {
    if (stack.length > MAX_REQUEST_DEPTH) return tooDeep;
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next];
      frame.next += 1;
      if (typeof child !== 'object' || child === null) {
        frame.size += 1;
        frame.depth = Math.max(frame.depth, 1);
        continue;
      }
      if (onPath.has(child)) return `Requête trop imbriquée\u00a0: elle se contient elle-même.`;
      const known = measured.get(child);
      if (known) {
        frame.size += known.size;
        frame.depth = Math.max(frame.depth, known.depth);
      } else {
        enter(child);
      }
    } else {
      stack.pop();
      onPath.delete(frame.value);
      const own = { depth: frame.depth + 1, size: frame.size };
      if (own.depth > MAX_REQUEST_DEPTH) return tooDeep;
      if (own.size > MAX_REQUEST_VALUES) {
        return `Requête trop volumineuse\u00a0: ${MAX_REQUEST_VALUES.toLocaleString('fr-FR')} valeurs au plus.`;
      }
      measured.set(frame.value, own);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.size += own.size;
        parent.depth = Math.max(parent.depth, own.depth);
      } else {
        result = own;
      }
    }
  }
  return result.depth > MAX_REQUEST_DEPTH ? tooDeep : undefined;
}
