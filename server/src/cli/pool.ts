/**
 * Running `lint` and `extract` over many files: the files are spread over
 * worker threads (or done in the main thread with `--jobs 1`), and each
 * file's outcome is written as soon as every file found before it has been,
 * so the output is the same whatever the number of jobs, and memory holds
 * only the files in flight, never the whole run.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { failedOutcome, FileWork, type FileOutcome, type FileTask, type JobSpec } from './batch';
import { readBytes, type Found } from './inputs';

export interface BatchOptions {
  job: JobSpec;
  /** Worker threads to use; 1 does every file in the main thread. */
  jobs: number;
  /** The script a worker runs (the CLI bundle itself); without it, no worker is started. */
  workerScript: string | undefined;
  /** Called with each file's outcome (and each missing path's), in the order they were found. */
  emit(outcome: FileOutcome): void;
  /** Resolves when the output can take more (standard output drained). */
  drained?(): Promise<void>;
  /** Called as files are done: how many, and how many there are once the search has finished. */
  progress?(done: number, total: number | undefined): void;
}

/** Marks what a worker is started for (see `main.ts`). */
export interface WorkerData {
  cablewrightJob: JobSpec;
}

/**
 * How far ahead of the file being written files are handed out. Files done
 * early wait (as output, a few kilobytes each) for a slow one before them;
 * a wide window keeps the other workers busy meanwhile.
 */
const windowOf = (jobs: number) => 256 * jobs;
/** Tasks a worker holds: the one it is doing and the next, so that it never waits for the main thread. */
const DEPTH = 2;

/** Does every file `found` yields; returns how many files there were (missing paths aside). */
export async function runBatch(found: AsyncIterable<Found>, options: BatchOptions): Promise<number> {
  const iterator = found[Symbol.asyncIterator]();
  // A single file is done in the main thread: starting a worker would cost more than it saves.
  const head: Found[] = [];
  while (head.filter((f) => f.file).length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const parallel = options.jobs > 1 && options.workerScript !== undefined && head.filter((f) => f.file).length > 1;
  const order = new InOrder(options.emit);
  let done = 0;
  let total: number | undefined;
  const finished = (o: FileOutcome) => {
    order.put(o);
    options.progress?.(++done, total);
  };
  const doer: Doer = parallel ? new WorkerPool(options.job, options.jobs, options.workerScript!, finished) : new InThread(options.job, finished);
  const window = windowOf(parallel ? options.jobs : 1);
  let seq = 0;
  let files = 0;
  try {
    for await (const item of chain(head, iterator)) {
      const s = seq++;
      if (item.missing !== undefined) {
        order.put({ ...failedOutcome(options.job, { seq: s, file: { path: item.missing, stdin: false } }, 'no such file or directory'), pieces: [] });
        continue;
      }
      files++;
      while (s - order.next >= window) await order.advanced();
      await options.drained?.();
      const task: FileTask = { seq: s, file: item.file };
      if (item.file.stdin && parallel) {
        // Standard input is read here: a worker cannot.
        const read = readBytes(item.file);
        if (!read.ok) {
          finished(failedOutcome(options.job, task, read.reason));
          continue;
        }
        task.bytes = read.bytes;
      }
      doer.submit(task);
    }
    total = files;
    options.progress?.(done, total);
    while (order.next < seq) await order.advanced();
  } finally {
    await doer.close();
  }
  return files;
}

async function* chain<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Holds outcomes until every earlier one has been emitted. */
class InOrder {
  /** The sequence number to emit next. */
  next = 0;
  private readonly held = new Map<number, FileOutcome>();
  private waiting: (() => void)[] = [];

  constructor(private readonly emit: (o: FileOutcome) => void) {}

  put(o: FileOutcome): void {
    this.held.set(o.seq, o);
    const before = this.next;
    for (let h = this.held.get(this.next); h; h = this.held.get(this.next)) {
      this.held.delete(this.next++);
      this.emit(h);
    }
    if (this.next !== before) {
      const waiting = this.waiting;
      this.waiting = [];
      for (const w of waiting) w();
    }
  }

  /** Resolves when the next outcome in order has been emitted. */
  advanced(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

interface Doer {
  submit(task: FileTask): void;
  close(): Promise<void>;
}

/** `--jobs 1`: every file in the main thread, in order. */
class InThread implements Doer {
  private readonly work: FileWork;
  constructor(
    job: JobSpec,
    private readonly finished: (o: FileOutcome) => void,
  ) {
    this.work = new FileWork(job);
  }

  submit(task: FileTask): void {
    this.finished(this.work.run(task));
  }

  async close(): Promise<void> {}
}

interface Slot {
  worker: Worker;
  /** Tasks sent to it, in the order it does them. */
  tasks: FileTask[];
  /** Why it stopped, when it failed. */
  error?: Error;
}

/**
 * Worker threads, started as work comes (never more than `jobs`), each
 * running {@link FileWork}. A worker that dies (out of memory, a crash in
 * native code) takes only the file it was doing: that file is reported as
 * fatal, the files it held next go to the others, and a new worker is
 * started in its place.
 */
class WorkerPool implements Doer {
  private readonly slots: Slot[] = [];
  private readonly queue: FileTask[] = [];
  /** `--fix` writes files: the same file twice (named twice on the command line) is never fixed by two workers at once. */
  private readonly writing = new Set<string>();
  private closing = false;

  constructor(
    private readonly job: JobSpec,
    private readonly jobs: number,
    private readonly script: string,
    private readonly finished: (o: FileOutcome) => void,
  ) {}

  submit(task: FileTask): void {
    this.queue.push(task);
    this.pump();
  }

  private key(task: FileTask): string | undefined {
    return this.job.fix === 'write' && !task.file.stdin ? path.resolve(task.file.path) : undefined;
  }

  /** Hands queued tasks, in order, to workers with room: an idle one first, then a new one, then one with a task to spare. */
  private pump(): void {
    while (this.queue.length) {
      const key = this.key(this.queue[0]);
      if (key !== undefined && this.writing.has(key)) return;
      const slot = this.slots.find((s) => s.tasks.length === 0) ?? (this.slots.length < this.jobs ? this.start() : this.slots.find((s) => s.tasks.length < DEPTH));
      if (!slot) return;
      const task = this.queue.shift()!;
      if (key !== undefined) this.writing.add(key);
      slot.tasks.push(task);
      slot.worker.postMessage(task);
    }
  }

  private start(): Slot {
    const data: WorkerData = { cablewrightJob: this.job };
    const worker = new Worker(this.script, { workerData: data, stdout: false, stderr: false });
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (o: FileOutcome) => {
      const task = slot.tasks.shift();
      if (task) this.release(task);
      this.finished(o);
      this.pump();
    });
    worker.on('error', (e) => {
      slot.error = e;
    });
    worker.on('exit', (code) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (this.closing) return;
      const [culprit, ...rest] = slot.tasks;
      for (const t of slot.tasks) this.release(t);
      this.queue.unshift(...rest);
      if (culprit) this.finished(failedOutcome(this.job, culprit, `crashed while reading it (${slot.error?.message ?? `exit code ${code}`})`));
      this.pump();
    });
    this.slots.push(slot);
    return slot;
  }

  private release(task: FileTask): void {
    const key = this.key(task);
    if (key !== undefined) this.writing.delete(key);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
