// `npm test`: every check the project has, cheapest first, stopping at the first failure,
// then one summary line per stage and, last, `tests: N passed, M failed`.
// `npm test -- --only unit,int,e2e` runs a subset (int and e2e bring the build with them).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  computeBuildFingerprint,
  isBuildCurrent,
  repoRoot,
  writeBuildFingerprint,
} from "./build-fingerprint";
import { ensureSystemPackages, testPackages } from "./system-check";

type Counts = { passed: number; failed: number; skipped: number };
type Outcome =
  | { status: "passed" | "failed"; counts?: Counts; note?: string }
  | { status: "skipped"; note: string };
type Stage = {
  key: string;
  title: string;
  /** `captured`, for a stage run beside others: where its commands' output goes. */
  run: (captured?: Buffer[]) => Promise<Outcome>;
  /** Next to each other, stages of one group run at once, their output shown as each ends. */
  group?: string;
};
type Result = { stage: Stage; outcome: Outcome | { status: "not run" }; ms: number };

let reports = "";
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

const running = new Set<ChildProcess>();
let interrupted = false;

/**
 * Runs a command to its end. Its output goes straight to the terminal, or, with `captured`,
 * into that list, to be shown in one piece when it ends (for commands that run side by side).
 */
function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  captured?: Buffer[],
): Promise<number> {
  return new Promise((resolve) => {
    const line = `\n$ ${path.relative(repoRoot, command)} ${args.join(" ")}\n`;
    if (captured) captured.push(Buffer.from(line));
    else process.stdout.write(line);
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: captured ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.stdout?.on("data", (chunk: Buffer) => captured?.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => captured?.push(chunk));
    running.add(child);
    child.on("error", (error) => {
      captured?.push(Buffer.from(`${error.message}\n`));
      if (!captured) console.error(error.message);
      running.delete(child);
      resolve(127);
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const passFail = (code: number) => (code === 0 ? "passed" : "failed");

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Counts from vitest's JSON reporter (the Jest-compatible format). */
function vitestCounts(file: string): Counts | undefined {
  const r = readJson(file) as Record<string, number> | undefined;
  if (!r || typeof r.numTotalTests !== "number") return undefined;
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON reporter; a test that passed on retry counts as passed. */
function playwrightCounts(file: string): Counts | undefined {
  const r = readJson(file) as { stats?: Record<string, number> } | undefined;
  if (!r?.stats) return undefined;
  const s = r.stats;
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
  };
}

async function vitest(project: "unit" | "integration"): Promise<Outcome> {
  const out = path.join(reports, `${project}.json`);
  const code = await run(bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${out}`,
  ]);
  return { status: passFail(code), counts: vitestCounts(out) };
}

async function build(): Promise<Outcome> {
  const fingerprint = computeBuildFingerprint();
  if (isBuildCurrent(fingerprint)) return { status: "skipped", note: ".next is current" };
  const code = await run(bin("next"), ["build"]);
  if (code === 0) writeBuildFingerprint(fingerprint);
  return { status: passFail(code) };
}

async function e2e(): Promise<Outcome> {
  const out = path.join(reports, "e2e.json");
  const code = await run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  return { status: passFail(code), counts: playwrightCounts(out) };
}

const stages: Stage[] = [
  {
    key: "system",
    title: "system packages",
    run: async () => {
      ensureSystemPackages(testPackages);
      return { status: "passed" };
    },
  },
  {
    key: "typecheck",
    title: "typecheck (tsc)",
    // The application, then the worker scripts Node runs unbundled (plain ES modules with JSDoc types).
    group: "checks",
    run: async (captured) => ({
      status: passFail(
        (await run(bin("tsc"), ["--noEmit"], {}, captured)) ||
          (await run(bin("tsc"), ["--noEmit", "-p", "tsconfig.workers.json"], {}, captured)),
      ),
    }),
  },
  {
    key: "lint",
    title: "lint (eslint)",
    group: "checks",
    run: async (captured) => ({
      status: passFail(await run(bin("eslint"), ["--max-warnings", "0", "."], {}, captured)),
    }),
  },
  {
    key: "format",
    title: "format (prettier)",
    group: "checks",
    run: async (captured) => ({
      status: passFail(
        await run(bin("prettier"), ["--check", "--log-level", "warn", "."], {}, captured),
      ),
    }),
  },
  { key: "unit", title: "unit tests", run: () => vitest("unit") },
  // Before the integration tests: two deployments exchanging documents run the production build.
  { key: "build", title: "next build", run: build },
  { key: "int", title: "integration tests", run: () => vitest("integration") },
  { key: "e2e", title: "end-to-end tests", run: e2e },
];

function selectStages(): Stage[] {
  const { values } = parseArgs({ options: { only: { type: "string" } }, strict: true });
  if (!values.only) return stages;
  const wanted = new Set(
    values.only
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const known = stages.map((s) => s.key).filter((k) => k !== "system");
  const unknown = [...wanted].filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    console.error(`Unknown stage ${unknown.join(", ")}; choose from ${known.join(", ")}.`);
    process.exit(2);
  }
  // The end-to-end tests run the production build; the PDF and browser tests need system tools.
  if (wanted.has("e2e") || wanted.has("int")) wanted.add("build");
  if (wanted.has("e2e") || wanted.has("int")) wanted.add("system");
  return stages.filter((s) => wanted.has(s.key));
}

function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

function describe(counts: Counts | undefined): string {
  if (!counts) return "";
  const parts = [`${counts.passed} passed`, `${counts.failed} failed`];
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
  return parts.join(", ");
}

function detailOf(outcome: Result["outcome"]): string {
  if (outcome.status === "not run") return "not run";
  if (outcome.status === "skipped") return `skipped: ${outcome.note}`;
  const { counts, note } = outcome;
  // Counts speak for themselves, unless the stage failed without a failing test (a crash).
  const status = counts && (outcome.status === "passed" || counts.failed > 0) ? "" : outcome.status;
  return [status, describe(counts), note].filter(Boolean).join(", ");
}

function printSummary(results: Result[]): boolean {
  const mark = { passed: "✔", failed: "✘", skipped: "○", "not run": "·" } as const;
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const width = Math.max(...results.map((r) => r.stage.title.length));
  console.log("\nSummary");
  for (const { stage, outcome, ms } of results) {
    const counts = "counts" in outcome ? outcome.counts : undefined;
    totals.passed += counts?.passed ?? 0;
    totals.failed += counts?.failed ?? 0;
    totals.skipped += counts?.skipped ?? 0;
    const time = outcome.status === "not run" ? "" : `  (${duration(ms)})`;
    console.log(
      `  ${mark[outcome.status]} ${stage.title.padEnd(width)}  ${detailOf(outcome)}${time}`,
    );
  }
  const ok = results.every((r) => r.outcome.status !== "failed") && !interrupted;
  if (ok) rmSync(reports, { recursive: true, force: true });
  else console.log(`\nReports (JSON) kept in ${reports}`);
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  return ok;
}

async function runStage(result: Result, together: boolean) {
  const started = Date.now();
  const captured: Buffer[] = [];
  try {
    result.outcome = await result.stage.run(together ? captured : undefined);
  } catch (error) {
    const message = `\n✘ ${result.stage.title}: ${(error as Error).message}\n`;
    if (together) captured.push(Buffer.from(message));
    else process.stderr.write(message);
    result.outcome = { status: "failed" };
  }
  result.ms = Date.now() - started;
  if (together) process.stdout.write(Buffer.concat(captured));
  if (interrupted && result.outcome.status !== "skipped") {
    result.outcome = { status: "failed", note: "interrupted" };
  }
}

async function main() {
  const selected = selectStages();
  reports = mkdtempSync(path.join(tmpdir(), "lien-thong-reports-"));
  const results: Result[] = selected.map((stage) => ({
    stage,
    outcome: { status: "not run" },
    ms: 0,
  }));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      interrupted = true;
      for (const child of running) child.kill(signal);
    });
  }
  // Consecutive stages of one group run together; the run stops after a batch with a failure.
  const batches: Result[][] = [];
  for (const result of results) {
    const last = batches.at(-1);
    if (result.stage.group && last?.[0]?.stage.group === result.stage.group) last.push(result);
    else batches.push([result]);
  }
  for (const batch of batches) {
    if (interrupted) break;
    await Promise.all(batch.map((result) => runStage(result, batch.length > 1)));
    if (batch.some((result) => result.outcome.status === "failed")) break;
  }
  process.exit(printSummary(results) ? 0 : 1);
}

if (!existsSync(bin("vitest"))) {
  console.error("The dependencies are not installed: run `npm ci` first.");
  process.exit(1);
}
void main();
