/**
 * What the import tells the user about one file, each thing once: a message said of every
 * footnote would drown the others, so repeated facts are counted and said in one line.
 */
export class Warnings {
  private readonly messages = new Set<string>();
  private readonly counts = new Map<string, { count: number; say: (count: number) => string }>();

  add(message: string): void {
    this.messages.add(message);
  }

  /** Counts one more occurrence of a fact; `say` writes the line for the total. */
  count(key: string, say: (count: number) => string): void {
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { count: 1, say });
  }

  list(): string[] {
    return [...this.messages, ...[...this.counts.values()].map(({ count, say }) => say(count))];
  }
}
