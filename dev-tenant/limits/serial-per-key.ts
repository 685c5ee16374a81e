// Runs tasks one at a time per key (the client IP for password checks). A flood of logins from one
// address then queues behind itself: it has at most one hash in Node's thread pool at a time, so a
// login from another address waits for at most one hash per flooding address, not for the whole flood.
// Nothing else bounds the queue: each queued check was counted by the brute-force guard first, so an
// address queues at most its per-IP failure budget.

export class SerialPerKey {
  /** The tail of each key's chain: what the next task waits for. Dropped when its key has nothing left. */
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
