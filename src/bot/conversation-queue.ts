/**
 * Runs tasks of one key one after another, in arrival order; tasks of different keys run side by
 * side. Turns of one conversation on this instance wait here instead of polling the store.
 * At most `maxWaiting` tasks wait per key: beyond that a task runs at once (the store's claim
 * still orders it), so a flood in one chat cannot pile up without bound.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, { tail: Promise<void>; waiting: number }>();

  constructor(private readonly maxWaiting = 50) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const entry = this.tails.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (entry.waiting >= this.maxWaiting) return task();
    entry.waiting++;
    const result = entry.tail.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    entry.tail = tail;
    this.tails.set(key, entry);
    void tail.then(() => {
      entry.waiting--;
      if (entry.waiting === 0 && this.tails.get(key) === entry) this.tails.delete(key);
    });
    return result;
  }
}
