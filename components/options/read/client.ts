/**
 * Runs a ledger read in a dedicated worker of its own (parse.worker.ts), so that a hostile or huge file costs the
 * worker, not the options page: the page keeps painting while a workbook is inflated and checked, Cancel ends the
 * worker at once (even in the middle of a synchronous parse), and a worker that dies — an uncaught error, a
 * message that cannot be read — is reported as "the reader stopped" instead of leaving the page waiting.
 * Where there is no Worker (the unit tests' DOM) the same job runs in the page.
 */
import { type CountChunk, type ReadJob, type ReadResult, runReadJob } from './job';
import type { FromReader } from './parse.worker';

/** The reader's worker ended without an answer. */
export class ReaderStopped extends Error {
  override name = 'ReaderStopped';
}

export interface ReadRun {
  signal?: AbortSignal;
  onChunk?: (c: CountChunk) => void;
}

const abortError = () => new DOMException('The file reading was cancelled.', 'AbortError');

export function runRead<J extends ReadJob>(job: J, run: ReadRun = {}): Promise<ReadResult<J>> {
  if (run.signal?.aborted) return Promise.reject(abortError());
  if (typeof Worker === 'undefined') return runReadJob(job, run.onChunk);
  return new Promise<ReadResult<J>>((resolve, reject) => {
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), {
      type: 'module',
      name: 'huikuan-ledger-reader',
    });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      run.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => finish(() => reject(abortError()));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<FromReader>) => {
      const m = e.data;
      if (m.kind === 'chunk') run.onChunk?.(m.chunk);
      else if (m.kind === 'done') finish(() => resolve(m.result as ReadResult<J>));
      else finish(() => reject(Object.assign(new Error(m.message), { name: m.name })));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(() => reject(new ReaderStopped(e.message || 'the reader stopped')));
    };
    worker.onmessageerror = () => finish(() => reject(new ReaderStopped("the reader's answer could not be read")));
    worker.postMessage(job);
  });
}
