import { Worker, type Transferable } from "node:worker_threads";

/** The job ran past the pool's time limit; its worker was stopped. */
export class WorkerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The worker did not answer within ${timeoutMs} ms.`);
    this.name = "WorkerTimeoutError";
  }
}

/** The worker died (uncaught error, out of memory, exit) while running the job. */
export class WorkerCrashError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkerCrashError";
  }
}

/** A worker could not start (its script failed to load, or did not report ready in time). */
export class WorkerStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkerStartError";
  }
}

export type WorkerPoolOptions = {
  /**
   * An ES module Node can run as it is. It posts one message when it is ready (its libraries
   * loaded), then answers each message it receives with exactly one message.
   */
  script: string;
  /** At most this many workers run at once; further jobs wait in line. */
  size: number;
  /**
   * A job's time limit, counted from when a ready worker takes it: neither waiting in line nor
   * a worker's start counts.
   */
  timeoutMs: number;
  /** How long a worker may take to report ready (default 30 s). */
  startTimeoutMs?: number;
};

export type WorkerPool<Request, Reply> = {
  run(request: Request, transfer?: readonly Transferable[]): Promise<Reply>;
  /** Stops every worker; jobs still running or waiting are refused. */
  close(): Promise<void>;
};

type Job = {
  request: unknown;
  transfer: readonly Transferable[];
  resolve: (reply: unknown) => void;
  reject: (error: unknown) => void;
};

type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout };

/**
 * A fixed-size pool of worker threads, one job per worker at a time, first come first served.
 * Workers start when jobs wait for them and stay for the next job; an idle worker does not keep
 * the process alive. A worker that runs past the time limit is terminated and a fresh one takes
 * the next job; one that crashes is replaced the same way, and only its own job fails. A worker
 * that cannot start fails the first job in line, so a broken script cannot restart forever.
 */
export function createWorkerPool<Request, Reply>(
  options: WorkerPoolOptions,
): WorkerPool<Request, Reply> {
  const live = new Set<Slot>();
  const idle: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function spawn() {
    const slot: Slot = { worker: new Worker(options.script), ready: false };
    live.add(slot);
    const startTimeoutMs = options.startTimeoutMs ?? 30_000;
    slot.timer = setTimeout(
      () => retire(slot, new Error(`It did not report ready within ${startTimeoutMs} ms.`)),
      startTimeoutMs,
    );
    slot.worker.on("message", (message: unknown) => {
      if (slot.ready) finish(slot, message);
      else becomeReady(slot);
    });
    slot.worker.on("error", (error) => retire(slot, error));
    slot.worker.on("messageerror", (error) => retire(slot, error));
    slot.worker.on("exit", (code) => retire(slot, new Error(`It exited with code ${code}.`)));
  }

  function pump() {
    if (closed) return;
    while (queue.length > 0 && idle.length > 0) start(idle.pop()!, queue.shift()!);
    const starting = [...live].filter((slot) => !slot.ready).length;
    const wanted = Math.min(queue.length - starting, options.size - live.size);
    for (let i = 0; i < wanted; i++) spawn();
  }

  function becomeReady(slot: Slot) {
    clearTimeout(slot.timer);
    slot.ready = true;
    rest(slot);
    pump();
  }

  function start(slot: Slot, job: Job) {
    slot.job = job;
    // A job in progress keeps the process alive until it is answered.
    slot.worker.ref();
    slot.timer = setTimeout(
      () => retire(slot, new WorkerTimeoutError(options.timeoutMs)),
      options.timeoutMs,
    );
    try {
      slot.worker.postMessage(job.request, job.transfer);
    } catch (error) {
      // The request could not be sent (e.g. a detached buffer): the job fails, the worker is fine.
      clearTimeout(slot.timer);
      slot.job = undefined;
      rest(slot);
      job.reject(error);
    }
  }

  function rest(slot: Slot) {
    slot.worker.unref();
    idle.push(slot);
  }

  function finish(slot: Slot, reply: unknown) {
    const job = slot.job;
    if (!live.has(slot) || !job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    rest(slot);
    job.resolve(reply);
    pump();
  }

  /** Takes a worker out of the pool for good, failing the job it was running. */
  function retire(slot: Slot, cause: Error) {
    if (!live.delete(slot)) return;
    clearTimeout(slot.timer);
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
    void slot.worker.terminate();
    if (!slot.ready) {
      queue
        .shift()
        ?.reject(new WorkerStartError(`The worker could not start: ${cause.message}`, { cause }));
    } else if (slot.job) {
      slot.job.reject(
        cause instanceof WorkerTimeoutError || closed
          ? cause
          : new WorkerCrashError(`The worker failed: ${cause.message}`, { cause }),
      );
    }
    slot.job = undefined;
    pump();
  }

  return {
    run(request, transfer = []) {
      if (closed) return Promise.reject(new Error("The worker pool is closed."));
      return new Promise((resolve, reject) => {
        queue.push({ request, transfer, resolve: resolve as (reply: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const closing = new Error("The worker pool is closed.");
      for (const job of queue.splice(0)) job.reject(closing);
      const slots = [...live];
      for (const slot of slots) retire(slot, closing);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
