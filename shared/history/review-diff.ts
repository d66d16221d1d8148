import type { PartKey } from '../model/history.js';
import type { CommentThread, Review } from '../model/review.js';
import type { ThreadChange } from './diff-schema.js';

/**
 * The comment threads a comparison lists: new ones, resolved or reopened ones, those with
 * new replies or an edited text, and those deleted. Ordered as the parts of the sheet
 * (`order`), then by date.
 */
export function reviewChanges(
  before: Review | undefined,
  after: Review | undefined,
  titleOf: (key: PartKey) => string,
  order: (key: PartKey) => number,
): ThreadChange[] {
  const old = before?.threads ?? {};
  const now = after?.threads ?? {};
  const changes: { change: ThreadChange; thread: CommentThread }[] = [];
  const push = (kind: ThreadChange['kind'], thread: CommentThread, extra: Partial<ThreadChange> = {}) =>
    changes.push({
      thread,
      change: {
        kind,
        thread: thread.id,
        partTitle: titleOf(thread.part),
        quote: thread.quote,
        author: thread.author,
        text: thread.text,
        ...extra,
      },
    });
  for (const thread of Object.values(now)) {
    const previous = old[thread.id];
    if (!previous) {
      push('new', thread);
      if (thread.resolved) push('resolved', thread, { by: thread.resolved.by });
      continue;
    }
    if (!previous.resolved && thread.resolved) push('resolved', thread, { by: thread.resolved.by });
    if (previous.resolved && !thread.resolved) push('reopened', thread);
    if (previous.text !== thread.text) push('edited', thread);
    const known = new Set(previous.replies.map((reply) => reply.id));
    const added = thread.replies.filter((reply) => !known.has(reply.id));
    if (added.length > 0) {
      const by = [...new Set(added.map((reply) => reply.author))].join(', ');
      push('replied', thread, { by, count: added.length });
    }
  }
  for (const thread of Object.values(old)) {
    if (!now[thread.id]) push('deleted', thread);
  }
  return changes
    .sort(
      (a, b) =>
        order(a.thread.part) - order(b.thread.part) ||
        (a.thread.at < b.thread.at ? -1 : a.thread.at > b.thread.at ? 1 : 0),
    )
    .map(({ change }) => change);
}
