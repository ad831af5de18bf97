/** A worker thread of `lint` and `extract`: does the files the main thread sends, one after another, and sends back each outcome. */
import { parentPort } from 'node:worker_threads';
import { FileWork, type FileTask, type JobSpec } from './batch';

export function startWorker(job: JobSpec): void {
  const work = new FileWork(job);
  const port = parentPort!;
  port.on('message', (task: FileTask) => port.postMessage(work.run(task)));
}
