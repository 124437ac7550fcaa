import { log } from "@/lib/log";

export interface WriteBatchOptions<T> {
  /** Names the rows in log lines ("gateway usage"). */
  label: string;
  /** One multi-row write; it rejects when nothing was written. */
  write(items: T[]): Promise<void>;
  /**
   * When `write` failed because the database refused a row's content (a constraint, a value its
   * column cannot hold): the database's error code. Null when it failed to write at all (down,
   * timed out, busy).
   */
  refusalCode(error: unknown): string | null;
  /** Rows per write. */
  maxBatch: number;
  /** The longest a row waits while writes succeed. */
  intervalMs: number;
  /** The memory bound: rows beyond it are dropped and counted (only while writes fail). */
  maxQueued: number;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Rows written in the background, many per write: `add` never waits and never throws. A write
 * that fails to reach the database keeps its rows and is retried with backoff, so a database
 * restart loses nothing until the queue is full; after that new rows are dropped, counted and
 * logged. One write runs at a time, in the order rows were added.
 *
 * A row the database refuses (a poison row: a duplicate key, a value its column cannot hold)
 * must not hold the queue up. `refusalCode` tells such a refusal from an outage by the driver's
 * error code, so when a multi-row write is refused the batch is written again one row at a time:
 * - a row refused again is dropped, counted in `rejected` and logged by error code and count
 *   only (never its content, and never the database's message, which may quote the value);
 * - a row that fails for any other reason (the database went away meanwhile) ends the pass:
 *   it and the rows after it go back to the head of the queue, and nothing is dropped.
 * An outage therefore costs one write per attempt and drops nothing; a poison row costs one
 * write per row of its batch, once.
 */
export class WriteBatch<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private droppedSinceLog = 0;
  /** Rows dropped since the process started (the queue was full while writes failed). */
  dropped = 0;
  /** Rows the database refused on their own since the process started (see the class comment). */
  rejected = 0;

  constructor(private readonly options: WriteBatchOptions<T>) {}

  get queued(): number {
    return this.queue.length;
  }

  add(items: T[]): void {
    const room = Math.max(0, this.options.maxQueued - this.queue.length);
    if (items.length > room) this.drop(items.length - room);
    for (let index = 0; index < Math.min(room, items.length); index++) this.queue.push(items[index]!);
    this.schedule();
  }

  /** Writes every row queued so far (one attempt each batch); rows of a write that failed to reach the database stay queued. */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    await this.drain();
  }

  /** A last flush, retried a few times (a graceful stop); what still fails is dropped and logged. */
  async close(attempts = 3): Promise<void> {
    for (let attempt = 0; attempt < attempts && this.queue.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.options.intervalMs * 2 ** attempt));
      await this.flush();
    }
    this.clearTimer();
    if (this.queue.length > 0) {
      this.drop(this.queue.length);
      this.queue = [];
    }
  }

  private drop(count: number): void {
    // One line per burst of drops, not one per row: the count says how many.
    if (this.droppedSinceLog === 0)
      queueMicrotask(() => {
        log.error(`${this.options.label} records dropped`, {
          dropped: this.droppedSinceLog,
          droppedTotal: this.dropped,
          queued: this.queue.length,
        });
        this.droppedSinceLog = 0;
      });
    this.droppedSinceLog += count;
    this.dropped += count;
  }

  private schedule(): void {
    if (this.timer || this.writing || this.queue.length === 0) return;
    const delay =
      this.failures > 0
        ? Math.min(this.options.intervalMs * 2 ** this.failures, MAX_BACKOFF_MS)
        : this.queue.length >= this.options.maxBatch
          ? 0
          : this.options.intervalMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delay);
    // A pending write never keeps the process alive: a graceful stop flushes explicitly.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private drain(): Promise<void> {
    this.clearTimer();
    this.writing ??= this.writeQueued().finally(() => {
      this.writing = null;
      this.schedule();
    });
    return this.writing;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      let failure: unknown;
      try {
        await this.options.write(batch);
        this.failures = 0;
        continue;
      } catch (error) {
        if (this.options.refusalCode(error) === null) {
          this.queue.unshift(...batch);
          failure = error;
        } else {
          failure = await this.writeOneByOne(batch);
          if (failure === undefined) continue;
        }
      }
      this.failures++;
      this.logFailure(failure);
      return;
    }
  }

  /**
   * Writes a refused batch row by row (see the class comment). Undefined when every row landed
   * or was dropped; else the error that stopped it, its row and the rest back in the queue.
   */
  private async writeOneByOne(batch: T[]): Promise<unknown> {
    let rejected = 0;
    const codes = new Set<string>();
    let stoppedBy: unknown;
    for (let index = 0; index < batch.length; index++) {
      try {
        await this.options.write([batch[index]!]);
      } catch (error) {
        const code = this.options.refusalCode(error);
        if (code !== null) {
          rejected++;
          codes.add(code);
          continue;
        }
        this.queue.unshift(...batch.slice(index));
        stoppedBy = error;
        break;
      }
    }
    this.logRejected(rejected, [...codes]);
    return stoppedBy;
  }

  private logRejected(count: number, codes: string[]): void {
    if (count === 0) return;
    this.rejected += count;
    log.error(`${this.options.label} records rejected by the database and dropped`, {
      rejected: count,
      rejectedTotal: this.rejected,
      codes,
      queued: this.queue.length,
    });
  }

  /** Only failures to write at all get here: their message (connection refused, a timeout) quotes no row. */
  private logFailure(error: unknown): void {
    log.error(`${this.options.label} write failed`, {
      error: error instanceof Error ? error.message : String(error),
      queued: this.queue.length,
      attempt: this.failures,
    });
  }
}
