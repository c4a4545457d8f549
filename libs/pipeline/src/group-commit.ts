/**
 * Runs the store work of polls that finish together in one transaction (group commit).
 *
 * Each poll stores its new items with their outbox rows in a transaction of its own, so that a crash
 * keeps all of them or none. A commit writes every page the transaction touched to the write-ahead
 * log, and most of those pages are shared between polls: the last leaf of the items table, of its
 * time and fetch-time indexes, of the outbox. In the ingest bench a poll's commit cost as much as
 * storing two of its five items. The polls that are ready within one turn of the event loop (their
 * preparation thread's answers arrive together while this thread is busy) are stored together instead:
 * each poll's work in a savepoint of its own, all of them in one transaction. A failing poll rolls back
 * alone; a failing commit fails them all, and nothing of any of them is stored.
 */
export class GroupCommit {
  private waiting: { work: () => void; settle: (err: { error: unknown } | null) => void }[] = [];
  private scheduled = false;

  /**
   * @param transaction runs `fn` in a transaction, or in a savepoint when called inside one
   *   (better-sqlite3's `db.transaction(fn)()`).
   */
  constructor(private readonly transaction: (fn: () => void) => void) {}

  /** Runs `work` in this turn's shared transaction; resolves once that has committed, rejects with `work`'s error or the commit's. */
  run(work: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ work, settle: (err) => (err ? reject(err.error) : resolve()) });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every poll whose answer came with this one joins it.
        setImmediate(() => this.commit());
      }
    });
  }

  private commit(): void {
    const group = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    const failed = new Map<number, { error: unknown }>();
    try {
      this.transaction(() => {
        group.forEach(({ work }, i) => {
          try {
            this.transaction(work);
          } catch (error) {
            failed.set(i, { error });
          }
        });
      });
    } catch (error) {
      for (const { settle } of group) settle({ error });
      return;
    }
    group.forEach(({ settle }, i) => settle(failed.get(i) ?? null));
  }
}
