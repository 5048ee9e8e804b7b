/**
 * The ledger reader's dedicated worker (one per read, ended when the read is done or cancelled): runs a
 * ReadJob (job.ts) and posts the streamed chunks, then the result or the error, back to the options page.
 */
import { type ReadJob, runReadJob } from './job';

export type FromReader =
  | { kind: 'chunk'; chunk: import('./job').CountChunk }
  | { kind: 'done'; result: unknown }
  | { kind: 'error'; name: string; message: string };

const post = (m: FromReader) => self.postMessage(m);

self.onmessage = (e: MessageEvent<ReadJob>) => {
  runReadJob(e.data, (chunk) => post({ kind: 'chunk', chunk })).then(
    (result) => post({ kind: 'done', result }),
    (err: unknown) => {
      const x = err as { name?: string; message?: string } | undefined;
      post({ kind: 'error', name: x?.name ?? 'Error', message: String(x?.message ?? err) });
    },
  );
};
