/**
 * The worker thread: runs the CPU-bound pipeline (parse, normalise, recognise, diff) for one
 * file's bytes at a time, turns the result into the corpus's rows, and posts them back. It
 * never touches the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { shareOcrLock } from '../extract/ocr.js';
import { diffNotice } from '../diff/index.js';
import { processBytes } from '../pipeline.js';
import type { WorkerReply, WorkerTask } from './pool.js';
import { documentRows } from './write.js';

if (!parentPort) throw new Error('worker.js runs only as a worker thread');
const port = parentPort;
shareOcrLock((workerData as { ocrLock: SharedArrayBuffer }).ocrLock);

async function handle(task: WorkerTask): Promise<WorkerReply> {
  try {
    const result = await processBytes(task.bytes, task.path, task.options);
    if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
    const record = result.value;
    return { ok: true, value: documentRows({ record, diff: record.kind === 'improvement_notice' ? diffNotice(record) : null }) };
  } catch (error) {
    return { ok: false, code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (task: WorkerTask) => {
  void handle(task).then((reply) => port.postMessage(reply));
});
