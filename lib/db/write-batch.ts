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

/**
 * Rows written in the background, many per write: `add` never waits and never throws. A failed
 * write keeps its rows and is retried with backoff, so a database restart loses nothing until
 * the queue is full; after that new rows are dropped, counted and logged. One write runs at a
 * time, in the order rows were added.
 */
export class WriteBatch<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private droppedSinceLog = 0;
  /** Rows dropped since the process started (the queue was full while writes failed). */
  dropped = 0;

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
        this.queue.unshift(...batch);
        this.failures++;
        log.error(`${this.options.label} write failed`, {
          error: error instanceof Error ? error.message : String(error),
          queued: this.queue.length,
          attempt: this.failures,
        });
        return;
      }
    }
  }
}
