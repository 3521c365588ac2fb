import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWorkerPool,
  WorkerCrashError,
  WorkerStartError,
  WorkerTimeoutError,
  type WorkerPool,
} from "./worker-pool";

type Request = { sleepMs?: number; crash?: boolean; value?: number };
type Reply = { value?: number; threadId: number };

// A worker that answers after `sleepMs`, or dies on `crash` without answering.
const ECHO = `
import { parentPort, threadId } from "node:worker_threads";
parentPort.on("message", ({ sleepMs = 0, crash = false, value }) => {
  if (crash) throw new Error("crashed on purpose");
  setTimeout(() => parentPort.postMessage({ value, threadId }), sleepMs);
});
parentPort.postMessage("ready");
`;
// Slow to start: it loads for 500 ms before it reports ready.
const SLOW_START = ECHO.replace(
  'parentPort.postMessage("ready");',
  'setTimeout(() => parentPort.postMessage("ready"), 500);',
);
const BROKEN = `throw new Error("cannot load");`;

let dir: string;
const script = (name: string) => path.join(dir, name);
const pools: WorkerPool<Request, Reply>[] = [];

function pool(name: string, size: number, timeoutMs: number) {
  const created = createWorkerPool<Request, Reply>({ script: script(name), size, timeoutMs });
  pools.push(created);
  return created;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lien-thong-pool-"));
  writeFileSync(script("echo.mjs"), ECHO);
  writeFileSync(script("slow-start.mjs"), SLOW_START);
  writeFileSync(script("broken.mjs"), BROKEN);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe("createWorkerPool", () => {
  it("runs at most `size` jobs at once and the rest in line, answering each its own", async () => {
    const echo = pool("echo.mjs", 2, 5_000);
    const started = performance.now();
    const replies = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) => echo.run({ value, sleepMs: 150 })),
    );
    expect(replies.map((r) => r.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
    // Three rounds of two: all six at once would take one round, one at a time six.
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 150 - 10);
  });

  it("times a job from when a worker takes it, not while it waits in line or the worker starts", async () => {
    const slow = pool("slow-start.mjs", 1, 400);
    // Each job takes 100 ms of a 400 ms limit; the third waits 500 + 2 × 100 ms before it starts.
    const replies = await Promise.all([1, 2, 3].map((value) => slow.run({ value, sleepMs: 100 })));
    expect(replies.map((r) => r.value)).toEqual([1, 2, 3]);
  });

  it("stops a job past the time limit, and a fresh worker takes the next one", async () => {
    const echo = pool("echo.mjs", 1, 300);
    const first = await echo.run({ value: 1 });
    const started = performance.now();
    const [late, next] = await Promise.allSettled([
      echo.run({ value: 2, sleepMs: 5_000 }),
      echo.run({ value: 3 }),
    ]);
    expect(late).toMatchObject({ status: "rejected", reason: expect.any(WorkerTimeoutError) });
    expect(next).toMatchObject({ status: "fulfilled", value: { value: 3 } });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((next as PromiseFulfilledResult<Reply>).value.threadId).not.toBe(first.threadId);
  });

  it("fails only the job whose worker crashed, and keeps serving", async () => {
    const echo = pool("echo.mjs", 1, 5_000);
    const [crashed, next] = await Promise.allSettled([
      echo.run({ crash: true }),
      echo.run({ value: 7 }),
    ]);
    expect(crashed).toMatchObject({ status: "rejected", reason: expect.any(WorkerCrashError) });
    expect(next).toMatchObject({ status: "fulfilled", value: { value: 7 } });
  });

  it("reports a script that cannot start as such, once per job, without restarting forever", async () => {
    const broken = pool("broken.mjs", 2, 5_000);
    const results = await Promise.allSettled([broken.run({}), broken.run({}), broken.run({})]);
    for (const result of results) {
      expect(result).toMatchObject({ status: "rejected", reason: expect.any(WorkerStartError) });
    }
  });

  it("refuses jobs running and waiting when it is closed", async () => {
    const echo = createWorkerPool<Request, Reply>({
      script: script("echo.mjs"),
      size: 1,
      timeoutMs: 5_000,
    });
    const jobs = Promise.allSettled([echo.run({ sleepMs: 5_000 }), echo.run({})]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await echo.close();
    for (const job of await jobs) {
      expect(job).toMatchObject({
        status: "rejected",
        reason: { message: expect.stringMatching("closed") },
      });
    }
    await expect(echo.run({})).rejects.toThrow("closed");
  });
});
