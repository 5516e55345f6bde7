import { PassThrough, Readable, type Writable } from 'node:stream';
import { nextTurn } from '../platform/turns.js';

// Exports are written to the response as they are read, a page of rows at a
// time, never built whole in memory. Two shapes: text made page by page
// (CSV, JSON) is a Readable pulled from an async generator, which reads the
// next page only when the client has taken the last one; a writer that pushes
// (the XLSX zip) writes into a PassThrough and waits for it to drain.
//
// A failure after the first bytes went out destroys the stream: Fastify then
// logs it and cuts the connection, so the client sees a broken download
// rather than a file that looks complete but is not. Before the first byte
// it is an ordinary error response.

/**
 * Text chunks as a byte stream, pulled on demand, with a turn of the event
 * loop between chunks once the budget is spent (Pacer): a fast reader would
 * otherwise pull page after page without letting other requests run.
 */
export function textStream(chunks: AsyncIterable<string>): Readable {
  return Readable.from(paced(chunks), { objectMode: false });
}

async function* paced(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const pacer = new Pacer();
  for await (const chunk of chunks) {
    yield chunk;
    if (pacer.due) await pacer.turn();
  }
}

/**
 * Resolves once `out` can take more (or is gone), after giving the event
 * loop a turn, so other requests run between two pages of an export.
 */
export async function drained(out: Writable): Promise<void> {
  await nextTurn();
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Keeps an export's synchronous stretches short: `due` turns true once
 * `budgetMs` have passed since the last turn (the page's query included, as
 * on SQLite it runs synchronously), and `turn()` then gives the event loop a
 * turn (and waits for `out` to drain). Other requests wait at most about one
 * budget behind an export, however large, and a slow reader slows the writer.
 */
export class Pacer {
  private since = performance.now();

  /** `out`: the stream written to, when the caller pushes (a pulled stream has its own back-pressure) */
  constructor(
    private readonly out?: Writable,
    private readonly budgetMs = 5,
  ) {}

  get due(): boolean {
    return performance.now() - this.since >= this.budgetMs;
  }

  async turn(): Promise<void> {
    if (this.out) await drained(this.out);
    else await nextTurn();
    this.since = performance.now();
  }
}

/**
 * A stream that `write` fills; a failure of `write` destroys it with the
 * error (and is reported to `onError`, e.g. the request's logger).
 */
export function pushStream(write: (out: PassThrough) => Promise<void>, onError?: (err: Error) => void): Readable {
  const out = new PassThrough();
  write(out).catch((err: Error) => {
    onError?.(err);
    out.destroy(err);
  });
  return out;
}
