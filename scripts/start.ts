// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL), migrations, demo data,
// production build when the sources changed, then Next.js. One command, nothing to install.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { constants } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/demo";
import { seedDemoCertificates } from "@/db/seed/demo-certificates";
import { seedDemoDocuments } from "@/db/seed/demo-documents";
import { seedDemoExchange } from "@/db/seed/demo-exchange";
import { seedDemoOutgoing } from "@/db/seed/demo-outgoing";
import { seedDemoMeetings } from "@/db/seed/demo-meetings";
import { seedDemoSchedule } from "@/db/seed/demo-schedule";
import { seedDemoTasks } from "@/db/seed/demo-tasks";
import { closePdfInspector } from "@/server/files/pdf-inspect";
import { getFileStore } from "@/server/files/store";
import { ensureAuthority } from "@/server/signing/service/authority";
import {
  computeBuildFingerprint,
  isBuildCurrent,
  repoRoot,
  writeBuildFingerprint,
} from "./build-fingerprint";
import {
  assertDataDirFree,
  DataDirInUseError,
  openDatabase,
  removeDataDir,
  type OpenDatabase,
} from "./database";
import { ensurePdfjsAssets } from "./pdfjs-assets";
import { appPackages, ensureSystemPackages } from "./system-check";
import { isRunning, npmAncestors, processId, type ProcessId } from "./processes";
import { printBanner } from "./start-banner";

const log = (line: string) => console.log(`▸ ${line}`);

/** A failure explained by its message alone; anything else also prints its stack. */
class StartError extends Error {}

function checkNodeVersion() {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `Liên Thông needs Node.js 20.19 or newer; this is ${process.versions.node}. ` +
        "Install a current Node.js (https://nodejs.org) and run `npm ci && npm start` again.",
    );
    process.exit(1);
  }
}

function readOptions() {
  const usage = "Usage: npm start -- [--dev] [--port N] [--data-dir DIR] [--fresh] [--no-build]";
  try {
    const { values } = parseArgs({
      options: {
        dev: { type: "boolean", default: false },
        fresh: { type: "boolean", default: false },
        "no-build": { type: "boolean", default: false },
        "data-dir": { type: "string" },
        port: { type: "string" },
      },
      strict: true,
    });
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error("Invalid port.");
    return {
      dev: values.dev,
      fresh: values.fresh,
      build: !values["no-build"],
      dataDir: path.resolve(repoRoot, values["data-dir"] ?? process.env.DATA_DIR ?? ".data"),
      port,
      hostname: process.env.HOSTNAME || "0.0.0.0",
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** AUTH_SECRET signs the session cookies; a generated one is kept so sessions survive a restart. */
function ensureAuthSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const secret = readFileSync(file, "utf8").trim();
    if (secret) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  log(`Generated AUTH_SECRET in ${file}.`);
  return secret;
}

// --- process lifecycle: whatever is running when a signal arrives is stopped in order ---

let database: Promise<OpenDatabase> | undefined;
let child: ChildProcess | undefined;
let stopping = false;

const running = (p: ChildProcess | undefined): p is ChildProcess =>
  p !== undefined && p.exitCode === null && p.signalCode === null;

function waitForExit(p: ChildProcess, ms?: number): Promise<boolean> {
  if (!running(p)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = ms === undefined ? undefined : setTimeout(() => resolve(false), ms);
    p.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function shutdown(code: number, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (running(child)) {
    child.kill(signal);
    if (!(await waitForExit(child, 20_000))) {
      log("Next.js did not stop within 20 s; killing it.");
      child.kill("SIGKILL");
      await waitForExit(child, 5_000);
    }
  }
  const db = await database?.catch(() => undefined);
  if (db?.embedded) {
    log("Stopping PostgreSQL ...");
    await db.stop();
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (!stopping) log(`${signal} received; shutting down.`);
    void shutdown(0, signal === "SIGHUP" ? "SIGTERM" : signal);
  });
}

/** Shuts down when the npm that started us goes away without passing its signal on. */
function watchLauncher() {
  const ancestors = npmAncestors();
  if (ancestors.length === 0) return;
  const timer = setInterval(() => {
    if (stopping || ancestors.every((a) => isRunning(a))) return;
    clearInterval(timer);
    log("npm was stopped; shutting down.");
    void shutdown(0);
  }, 1000);
  timer.unref();
}

// A Next.js server outlives a start that was killed outright (SIGKILL) and keeps the port;
// it is recorded so the next start can stop it, as embedded-postgres.ts does for PostgreSQL.
const nextRecord = (dataDir: string) => path.join(dataDir, "next.json");

async function stopLeftoverNext(dataDir: string) {
  const file = nextRecord(dataDir);
  if (!existsSync(file)) return;
  let left: ProcessId;
  try {
    left = JSON.parse(readFileSync(file, "utf8")) as ProcessId;
  } catch {
    left = { pid: 0, started: null };
  }
  rmSync(file, { force: true });
  if (left.pid <= 0 || !isRunning(left)) return;
  log(`A Next.js server from an earlier run is still running (pid ${left.pid}); stopping it.`);
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(left.pid, name);
    } catch {
      // it exited meanwhile
    }
  };
  signal("SIGTERM");
  for (let i = 0; i < 100 && isRunning(left); i++) await new Promise((r) => setTimeout(r, 100));
  if (isRunning(left)) signal("SIGKILL");
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  child = spawn(path.join(repoRoot, "node_modules", ".bin", "next"), args, {
    cwd: repoRoot,
    env,
    stdio: "inherit",
  });
  return child;
}

function exitCodeOf(p: ChildProcess): number {
  if (p.exitCode !== null) return p.exitCode;
  return 128 + (p.signalCode ? constants.signals[p.signalCode] : 1);
}

function requireCurrentBuild() {
  if (isBuildCurrent(computeBuildFingerprint())) return;
  throw new StartError(
    "No current production build in .next (never built, or the sources changed since). " +
      "Run `npm start` without --no-build, or `npm test -- --only build`, to build it.",
  );
}

async function buildIfNeeded() {
  const fingerprint = computeBuildFingerprint();
  if (isBuildCurrent(fingerprint)) {
    log("The production build in .next is current.");
    return;
  }
  log("Building the application (next build); this takes a few minutes the first time ...");
  // The same environment as `npm test`'s build, so either may reuse the other's.
  const build = runNext(["build"], { NEXT_TELEMETRY_DISABLED: "1", ...process.env });
  await waitForExit(build);
  if (stopping) return;
  if (build.exitCode !== 0) throw new StartError(`next build failed (exit ${exitCodeOf(build)}).`);
  writeBuildFingerprint(fingerprint);
}

async function waitForPort(host: string, port: number, p: ChildProcess): Promise<boolean> {
  while (running(p)) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  checkNodeVersion();
  const options = readOptions();
  watchLauncher();
  assertDataDirFree(options.dataDir);
  // --no-build is for test runs that built just before: fail before starting anything.
  if (!options.dev && !options.build) requireCurrentBuild();
  await stopLeftoverNext(options.dataDir);
  if (options.fresh) {
    log(`--fresh: deleting ${options.dataDir}`);
    await removeDataDir(options.dataDir, log);
  }

  database = openDatabase({ dataDir: options.dataDir, log });
  const db = await database;
  if (stopping) return;
  if (!db.embedded) log("Using the PostgreSQL server given by DATABASE_URL.");

  // Before anything that keeps keys: the CA's keys are sealed with a key derived from it.
  const authSecret = ensureAuthSecret(options.dataDir);
  process.env.AUTH_SECRET = authSecret;

  log("Applying migrations ...");
  await migrateDatabase(db.url);
  // The demo's files go where the server will look for them (FILES_DIR, else DATA_DIR/files).
  process.env.DATA_DIR = path.resolve(options.dataDir);
  const demoDocuments = process.env.LIEN_THONG_DEMO_DOCUMENTS !== "0";
  const { db: client, pool } = createDb(db.url, 2);
  let seededNow: Awaited<ReturnType<typeof seedDemo>> | null = null;
  try {
    if (await isDatabaseEmpty(client)) {
      log("Empty database: loading the demo organisations and accounts ...");
      const seeded = await seedDemo(client);
      seededNow = seeded;
      await seedDemoSchedule(client, seeded);
      await seedDemoMeetings(client, seeded);
      if (demoDocuments) {
        log("Loading four weeks of demo documents ...");
        const started = Date.now();
        const { documents } = await seedDemoDocuments(client, seeded, { store: getFileStore() });
        await seedDemoOutgoing(client, seeded);
        await seedDemoTasks(client, seeded);
        log(
          `${documents} demo documents loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      }
    }
    // The deployment's own certificate and time-stamping authority, made on the first start.
    await ensureAuthority(client);
    if (seededNow) {
      log("Issuing the demo leaders' and seals' signing certificates ...");
      await seedDemoCertificates(client, seededNow);
      if (demoDocuments) {
        log("Sending a signed document from Hoàng Liệt to three organisations ...");
        await seedDemoExchange(client, seededNow);
      }
    }
  } finally {
    await closePdfInspector();
    await pool.end();
  }
  if (stopping) return;

  if (!options.dev && options.build) await buildIfNeeded();
  if (stopping) return;

  ensurePdfjsAssets(repoRoot);
  try {
    ensureSystemPackages(appPackages, log);
  } catch (error) {
    log(`${(error as Error).message}\nThe application runs without them, with less (see above).`);
  }
  const mode = options.dev ? "dev" : "start";
  log(`Starting Next.js (next ${mode}) on ${options.hostname}:${options.port} ...`);
  const next = runNext([mode, "--port", String(options.port), "--hostname", options.hostname], {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: authSecret,
    // Uploaded files live beside the database unless FILES_DIR says otherwise.
    DATA_DIR: path.resolve(options.dataDir),
    PORT: String(options.port),
    HOSTNAME: options.hostname,
  });
  if (next.pid) writeFileSync(nextRecord(options.dataDir), JSON.stringify(processId(next.pid)));
  next.once("exit", () => {
    rmSync(nextRecord(options.dataDir), { force: true });
    if (stopping) return;
    const code = exitCodeOf(next);
    log(`Next.js exited (${code}).`);
    void shutdown(code);
  });
  const probeHost = ["0.0.0.0", "::"].includes(options.hostname) ? "127.0.0.1" : options.hostname;
  if (await waitForPort(probeHost, options.port, next)) printBanner(options.hostname, options.port);
}

main().catch((error: unknown) => {
  if (error instanceof StartError || error instanceof DataDirInUseError) {
    console.error(`\n✘ ${error.message}`);
  } else {
    console.error("\n✘ Liên Thông could not start:", error);
  }
  void shutdown(1);
});
