import { log } from "@/lib/log";

export interface WriteBatchOptions<T> {
  /** Names the rows in log lines ("gateway usage"). */
  label: string;
  /** One multi-row write; it rejects when nothing was written. */
  write(items: T[]): Promise<void>;
  /** Rows per write. */
  maxBatch: number;
  /** The longest a row waits while writes succeed. */
  intervalMs: number;
  /** The memory bound: rows beyond it are dropped and counted (only while writes fail). */
  maxQueued: number;
}

const MAX_BACKOFF_MS = 5_000;
/** Failed writes in a row after which a failing batch is written one row at a time. */
export const ISOLATE_AFTER = 3;

/**
 * Rows written in the background, many per write: `add` never waits and never throws. A failed
 * write keeps its rows and is retried with backoff, so a database restart loses nothing until
 * the queue is full; after that new rows are dropped, counted and logged. One write runs at a
 * time, in the order rows were added (but for rows set aside while isolating, below).
 *
 * A row the database refuses (a poison row) must not hold the queue up, yet a refused write
 * looks the same as a database that refuses everything. So once ISOLATE_AFTER writes in a row
 * have failed, a batch whose multi-row write fails again is written one row at a time, and the
 * only evidence that a row is at fault is that the database accepted the row written just
 * before it:
 * - a row refused right after a row landed is dropped, counted in `rejected` and logged by count
 *   only (never its content: the database's message may quote the value);
 * - any other refused row is set aside and tried again later in the pass, after more rows;
 * - two refusals in a row end the pass: the rows not yet written go back to the head of the
 *   queue. During an outage a pass therefore costs the batch write and two single-row writes,
 *   and drops nothing. A pass that wrote or dropped a row is followed at once by the next one.
 * The price of the rule: a database that goes down between two single-row writes costs one row.
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

  /** Writes every row queued so far (one attempt each batch); rows of a failed write stay queued. */
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
      try {
        await this.options.write(batch);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        if (this.failures <= ISOLATE_AFTER || batch.length === 1) this.queue.unshift(...batch);
        else if (await this.writeOneByOne(batch)) continue;
        this.logFailure(error);
        return;
      }
    }
  }

  /**
   * Writes `batch` row by row (see the class comment); what is not written or dropped goes back
   * to the head of the queue. True when some row landed or was dropped: the queue moved.
   */
  private async writeOneByOne(batch: T[]): Promise<boolean> {
    const pending = [...batch];
    let previousLanded = false;
    let refusedInARow = 0;
    let landed = 0;
    let rejected = 0;
    let lastRefusal: unknown;
    let stopped = false;
    while (pending.length > 0) {
      const row = pending.shift()!;
      try {
        await this.options.write([row]);
        previousLanded = true;
        refusedInARow = 0;
        landed++;
      } catch (error) {
        refusedInARow++;
        if (previousLanded) {
          rejected++;
          lastRefusal = error;
        } else if (refusedInARow < 2) {
          pending.push(row);
        } else {
          this.queue.unshift(...pending, row);
          stopped = true;
          break;
        }
        previousLanded = false;
      }
    }
    this.logRejected(rejected, lastRefusal);
    if (!stopped) this.failures = 0;
    return landed + rejected > 0;
  }

  private logRejected(count: number, refusal: unknown): void {
    if (count === 0) return;
    this.rejected += count;
    log.error(`${this.options.label} records rejected by the database and dropped`, {
      rejected: count,
      rejectedTotal: this.rejected,
      code: errorCode(refusal),
      queued: this.queue.length,
    });
  }

  private logFailure(error: unknown): void {
    log.error(`${this.options.label} write failed`, {
      error: error instanceof Error ? error.message : String(error),
      queued: this.queue.length,
      attempt: this.failures,
    });
  }
}

/** The driver's error code (a PostgreSQL SQLSTATE, Prisma's P-code), never its message. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
