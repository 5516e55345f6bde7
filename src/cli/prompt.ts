import { CliError, type FieldSpec, fieldErrorLine, usageError } from './context.js';

// Interactive questions, only when stdin is a terminal. Prompts go to stderr
// so stdout stays clean for --json; passwords are read in raw mode, unechoed.

export const EXIT_CANCELLED = 130;

export function canPrompt(): boolean {
  return !!process.stdin.isTTY;
}

/**
 * Fails with a usage error naming every missing flag when nothing can be asked;
 * call it before doing any work so scripts fail fast.
 */
export function requireOrPrompt(missing: string[]): void {
  if (missing.length === 0 || canPrompt()) return;
  throw usageError(
    `missing ${missing.join(', ')} (stdin is not a terminal, so aims cannot ask for ${missing.length > 1 ? 'them' : 'it'})`,
  );
}

// Typed-ahead or pasted input can arrive in one chunk holding several answers;
// what one question does not consume waits here for the next.
let pending = '';

/** Reads one line in raw mode, echoing it (or not, for secrets) to stderr. */
function readLine(question: string, echo: boolean): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const consume = (): boolean => {
      while (pending.length) {
        const ch = String.fromCodePoint(pending.codePointAt(0) as number);
        pending = pending.slice(ch.length);
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          if (ch === '\r' && pending.startsWith('\n')) pending = pending.slice(1);
          finish();
          resolve(value);
          return true;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('cancelled', EXIT_CANCELLED));
          return true;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (value && echo) process.stderr.write('\b \b');
          value = value.slice(0, -1);
        } else if (ch >= ' ') {
          value += ch;
          if (echo) process.stderr.write(ch);
        }
      }
      return false;
    };
    const onData = (chunk: string) => {
      pending += chunk;
      consume();
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
    consume();
  });
}

export interface Question<S extends FieldSpec = FieldSpec> {
  spec: S;
  label: string;
  secret?: boolean;
  /** shown in brackets; an empty answer takes it */
  defaultValue?: string;
}

/** Asks until the answer passes the field's schema; secrets are asked twice. */
export async function ask<S extends FieldSpec>(q: Question<S>): Promise<ReturnType<S['schema']['parse']>> {
  for (;;) {
    const suffix = q.defaultValue ? ` [${q.defaultValue}]` : '';
    let answer = await readLine(`${q.label}${suffix}: `, !q.secret);
    if (answer === '' && q.defaultValue !== undefined) answer = q.defaultValue;
    const r = q.spec.schema.safeParse(answer);
    if (!r.success) {
      process.stderr.write(`  ${fieldErrorLine(q.spec.flag, r.error.issues)}\n`);
      continue;
    }
    if (q.secret && (await readLine(`Repeat ${q.label.toLowerCase()}: `, false)) !== answer) {
      process.stderr.write('  the two entries differ; try again\n');
      continue;
    }
    return r.data as ReturnType<S['schema']['parse']>;
  }
}
