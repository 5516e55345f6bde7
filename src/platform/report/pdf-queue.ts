import { AppError } from '../http/errors.js';

// PDF reports are printed by Chromium, which costs memory and CPU per page.
// A process prints at most `concurrency` at once (OPENAIMS_PDF_CONCURRENCY);
// up to `queueMax` more wait their turn (OPENAIMS_PDF_QUEUE); past that a
// request is turned away at once with 503 and a Retry-After estimated from
// how long recent PDFs took, instead of piling up until everyone times out.
// The queue is per process: each app node protects its own Chromium.

export interface PdfLimits {
  /** PDFs printed at once */
  concurrency: number;
  /** PDFs allowed to wait; 0: none wait */
  queueMax: number;
}

/** The config's defaults, for callers that pass none (scripts, unit tests). */
export const DEFAULT_PDF_LIMITS: PdfLimits = { concurrency: 2, queueMax: 8 };

/** Until a PDF has been timed, assume this long per PDF (a cold Chromium start included). */
const FIRST_GUESS_MS = 3_000;

export const PDF_QUEUE_FULL_TITLE = 'PDF queue full';

export class PdfQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** recent render time, smoothed, for Retry-After */
  private averageMs = FIRST_GUESS_MS;
  private limits: PdfLimits = DEFAULT_PDF_LIMITS;

  stats() {
    return { active: this.active, queued: this.waiting.length, ...this.limits, averageMs: Math.round(this.averageMs) };
  }

  /**
   * Seconds until a request turned away now would likely get a slot: the
   * PDFs ahead of it (printing and waiting) shared among the slots, times
   * the recent time per PDF. At least 1.
   */
  retryAfterSeconds(): number {
    const ahead = this.active + this.waiting.length;
    const rounds = Math.ceil((ahead + 1) / this.limits.concurrency);
    return Math.max(1, Math.ceil((rounds * this.averageMs) / 1000));
  }

  /** Runs `print` in a slot: at once, after waiting, or not at all (503). */
  async run<T>(limits: PdfLimits, print: () => Promise<T>): Promise<T> {
    this.limits = limits;
    await this.acquire();
    const started = Date.now();
    try {
      const out = await print();
      this.averageMs = 0.7 * this.averageMs + 0.3 * (Date.now() - started);
      return out;
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return;
    }
    if (this.waiting.length >= this.limits.queueMax) {
      const retry = this.retryAfterSeconds();
      throw new AppError(
        503,
        PDF_QUEUE_FULL_TITLE,
        `The PDF queue is full: ${this.active} PDF report${this.active === 1 ? ' is' : 's are'} printing and ${this.waiting.length} waiting (at most ${this.limits.queueMax} wait). Retry in about ${retry} s, or choose XLSX or DOCX.`,
        [],
        { 'retry-after': String(retry) },
      );
    }
    // release() hands its slot straight to the first waiter, so active stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    // A lowered limit takes effect as slots free up.
    else this.active--;
  }
}
