/**
 * A fixed set of worker threads behind a p-queue. The queue bounds how many files are in
 * flight (and so how many files' bytes are held in memory); each task gets an idle worker. A
 * worker that runs past the time limit, or dies, is terminated and replaced, and its file is
 * reported as `timeout`, `too_large` (out of memory) or `internal_error` — the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ProcessOptions } from '../pipeline.js';
import { releaseOcrLockOf } from '../extract/ocr.js';
import type { DocumentRows, IngestErrorCode } from './write.js';

export interface WorkerTask {
  path: string;
  bytes: Uint8Array;
  options: ProcessOptions;
}

export type WorkerReply = { ok: true; value: DocumentRows } | { ok: false; code: IngestErrorCode; message: string };

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  /**
   * Each worker's JavaScript heap limit. It bounds the batch's memory (V8 otherwise lets idle
   * garbage pile up) and stops one pathological file taking the machine: its worker dies and
   * the file is `too_large`.
   */
  heapMib: number;
  /** The worker script (`dist/src/store/worker.js` when built). */
  script?: URL;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: PQueue;
  private readonly script: URL;
  /** The workers' one OCR lock (see src/extract/ocr.ts): 0 when free, else the holder's thread id. */
  private readonly ocrLock = new SharedArrayBuffer(4);

  constructor(private readonly options: PoolOptions) {
    this.queue = new PQueue({ concurrency: options.size });
    this.script = options.script ?? new URL('./worker.js', import.meta.url);
    // Start every worker now: each loads the pipeline while the first files are read and hashed.
    for (let i = 0; i < options.size; i++) this.idle.push(this.spawn());
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return this.queue.add(() => this.dispatch(task));
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMib }, workerData: { ocrLock: this.ocrLock } });
    this.all.add(worker);
    // A worker that dies between tasks leaves the pool; the task listeners report failures.
    worker.on('error', () => undefined);
    const threadId = worker.threadId;
    worker.once('exit', () => {
      // A worker stopped mid-OCR (past its time limit) cannot let the lock go itself.
      releaseOcrLockOf(this.ocrLock, threadId);
      this.all.delete(worker);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
    });
    return worker;
  }

  private take(): Worker {
    return this.idle.pop() ?? this.spawn();
  }

  private retire(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  private dispatch(task: WorkerTask): Promise<WorkerReply> {
    const worker = this.take();
    return new Promise<WorkerReply>((resolve) => {
      const finish = (reply: WorkerReply, healthy: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) this.idle.push(worker);
        else this.retire(worker);
        resolve(reply);
      };
      const onMessage = (reply: WorkerReply): void => finish(reply, true);
      const onError = (error: Error & { code?: string }): void =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { ok: false, code: 'too_large', message: `processing needed more than ${this.options.heapMib} MiB of memory` }
            : { ok: false, code: 'internal_error', message: `worker failed: ${error.message}` },
          false,
        );
      const onExit = (code: number): void => finish({ ok: false, code: 'internal_error', message: `worker exited with code ${code}` }, false);
      const timer = setTimeout(
        () => finish({ ok: false, code: 'timeout', message: `processing took longer than ${this.options.timeoutMs} ms` }, false),
        this.options.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      const { buffer, byteOffset, byteLength } = task.bytes;
      // Hand the bytes over without copying when they own their whole buffer.
      const owned = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer;
      worker.postMessage(task, owned ? [buffer] : []);
    });
  }
}
