// `npm run bench -- [--documents N] [--samples N] [--keep]`: first signing and verifying 1 MB and
// 10 MB PDFs beside OpenSSL (signing.ts, no database), then its own PostgreSQL and dataset, a
// production build of the app, and the inbox, the registry book and search measured through
// the tRPC HTTP endpoint as signed-in users, each beside the same SQL run raw in the same run.
// With `--load`, instead: many signed-in people at once over a day's mix of requests (load.ts).
// The script runs under the react-server export condition, as the app's server code does, so
// the signing modules' `import "server-only"` resolves to its empty marker.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { createDb, type Db } from "@/db/client";
import { vietnamToday } from "@/lib/dates";
import { repoRoot } from "@/scripts/build-fingerprint";
import { removeDataDir } from "@/scripts/database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/embedded-postgres";
import { ensureBuild, freePort, signIn, startApp } from "./app";
import { DATASET_FORMAT, generateDataset } from "./dataset";
import { runLoad } from "./load";
import { postmasterPid } from "./load-cpu";
import { formatResult, run, type Measurement } from "./measure";
import { defineMeasurements } from "./measurements";
import { calendarMeasurement } from "./calendar";
import { myTasksMeasurement } from "./tasks";
import { benchDispatch } from "./dispatch";
import { benchSigning } from "./signing";

const log = (line: string) => console.log(`▸ ${line}`);
const DATABASE = "lien_thong_bench";
/** Runs of each side before the timed samples: the JIT and the file cache settle. */
const SIGNING_WARMUP = 3;
const ONLY = ["signing", "lists", "dispatch"] as const;

const usage =
  "Usage: npm run bench -- [--documents N] [--samples N] [--warmup N] [--keep] [--data-dir DIR]\n" +
  "                        [--only signing|lists|dispatch] [--signing-samples N]\n" +
  "       npm run bench -- --load [--users N] [--duration S] [--think MS] [--documents N] [--keep]\n" +
  "  --load: N people (default 200), each signed in with their own session, go through a day's\n" +
  "  mix of requests for S seconds (default 60) with MS ms between requests on average (default\n" +
  "  0: none), after the health floor at the same concurrency for S/3 seconds. Prints only the\n" +
  "  load-health and load-mix lines: the per-list measurements are skipped.\n" +
  "  --only signing: only the sign-1mb, sign-10mb, verify-1mb and verify-10mb lines, beside\n" +
  "  OpenSSL, with no database and no build (a minute or so); --only lists: only the lines\n" +
  "  measured through the app; --only dispatch: only the health floor and the dispatch-100,\n" +
  "  delivery-status and sent-list lines. --signing-samples: samples per signing line (default 40).";

function readOptions() {
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        documents: { type: "string", default: "100000" },
        samples: { type: "string", default: "200" },
        warmup: { type: "string", default: "100" },
        keep: { type: "boolean", default: false },
        load: { type: "boolean", default: false },
        users: { type: "string", default: "200" },
        duration: { type: "string", default: "60" },
        think: { type: "string", default: "0" },
        "data-dir": { type: "string", default: ".data-bench" },
        only: { type: "string" },
        "signing-samples": { type: "string", default: "40" },
      },
      strict: true,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const int = (name: string, v: string, min: number) => {
    const n = Number(v.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < min)
      fail(`--${name} must be a whole number of at least ${min}, not "${v}".`);
    return n;
  };
  const only = values.only;
  if (only !== undefined && !ONLY.some((o) => o === only))
    fail(`--only takes ${ONLY.join(" or ")}, not "${only}".`);
  if (only !== undefined && values.load) fail("--only and --load do not go together.");
  return {
    only: only as (typeof ONLY)[number] | undefined,
    signingSamples: int("signing-samples", values["signing-samples"], 10),
    documents: int("documents", values.documents, 1000),
    samples: int("samples", values.samples, 10),
    warmup: int("warmup", values.warmup, 0),
    keep: values.keep,
    load: values.load,
    users: int("users", values.users, 1),
    duration: int("duration", values.duration, 5),
    think: int("think", values.think, 0),
    dataDir: path.resolve(repoRoot, values["data-dir"]),
  };
}

// --- everything started here is stopped on exit, Ctrl-C included ---

let server: EmbeddedPostgres | undefined;
const children: ChildProcess[] = [];
let stopping = false;
let removeOnExit: string | undefined;

let stopped: Promise<never> | undefined;

/**
 * Stops what the benchmark started, then exits. Once: Ctrl-C reaches npm, tsx and this process
 * alike, and a second signal must wait for the first stop rather than exit with the application
 * server still running.
 */
function stopAll(code: number): Promise<never> {
  stopping = true;
  stopped ??= (async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill("SIGTERM");
      const gone = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!gone) child.kill("SIGKILL");
    }
    await server?.stop();
    if (removeOnExit) await removeDataDir(removeOnExit, () => undefined);
    process.exit(code);
  })();
  return stopped;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (!stopping) log(`${signal}: stopping what the benchmark started ...`);
    void stopAll(130);
  });
}

/** The dataset of an earlier `--keep` run when it has the same size, else a new one. */
async function prepareDatabase(adminUrl: string, url: string, documents: number): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (exists.rowCount) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const meta = await client
        .query<{ documents: number; format: number }>("select documents, format from bench_meta")
        .catch(() => ({ rows: [] as { documents: number; format: number }[] }));
      await client.end();
      const kept = meta.rows[0];
      if (kept?.documents === documents && kept.format === DATASET_FORMAT) return true;
      await admin.query(`drop database ${DATABASE} with (force)`);
    }
    await admin.query(`create database ${DATABASE}`);
    return false;
  } finally {
    await admin.end();
  }
}

async function measureSigning(samples: number) {
  const openssl = spawnSync("openssl", ["version"], { encoding: "utf8" });
  log(
    `Signing beside OpenSSL, ${samples} samples per measurement: ${cpus().length} cores ` +
      `(${cpus()[0]?.model.trim()}), Node.js ${process.version}, ${openssl.stdout.trim()}.`,
  );
  await benchSigning({
    samples,
    warmup: SIGNING_WARMUP,
    log,
    print: (result, note) => {
      console.log(formatResult(result));
      log(
        `  ${note}; openssl p50 ${result.baseP50.toFixed(2)} ms, ` +
          `p50 ratio ${(result.p50 / result.baseP50).toFixed(2)}`,
      );
    },
  });
}

async function main() {
  const options = readOptions();
  if (!options.load && (options.only === undefined || options.only === "signing"))
    await measureSigning(options.signingSamples);
  if (options.only === "signing") return;
  if (!options.keep) removeOnExit = options.dataDir;
  const what = options.load
    ? `load test of ${options.users} people for ${options.duration} s`
    : `${options.samples} samples per measurement`;
  log(
    `Benchmark: ${options.documents.toLocaleString("en")} documents, ${what} ` +
      `(data in ${path.relative(repoRoot, options.dataDir)}${options.keep ? ", kept" : ""}).`,
  );
  if (existsSync(options.dataDir) && !existsSync(path.join(options.dataDir, "pg", "PG_VERSION"))) {
    await removeDataDir(options.dataDir, log);
  }
  server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "pg"),
    port: 54510,
    fast: true,
    log,
  });
  const url = server.url(DATABASE);
  const reused = await prepareDatabase(server.url("postgres"), url, options.documents);
  await migrateDatabase(url);
  const { db, pool } = createDb(url, 4);
  pool.removeAllListeners("error").on("error", (e) => stopping || console.error(e));
  try {
    await measureAll(db, pool, url, options, reused);
  } finally {
    await pool.end();
  }
}

async function measureAll(
  db: Db,
  pool: pg.Pool,
  url: string,
  options: ReturnType<typeof readOptions>,
  reused: boolean,
) {
  if (reused) {
    log("Reusing the dataset of an earlier --keep run; vacuum analyze ...");
    // Earlier runs added and removed their dispatch copies, and the server stopped before
    // autovacuum reached them: it would otherwise run in the middle of the measurements, and
    // plans made on stale statistics would change mid-run.
    await pool.query("vacuum analyze");
  } else {
    log("Seeding the demo organisations and generating the documents ...");
    const started = Date.now();
    const seeded = await seedDemo(db);
    await generateDataset(url, seeded, {
      documents: options.documents,
      today: vietnamToday(),
      log,
    });
    await pool.query("create table bench_meta (documents int not null, format int not null)");
    await pool.query("insert into bench_meta values ($1, $2)", [options.documents, DATASET_FORMAT]);
    log(`Dataset ready in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
  const facts = await pool.query<{ version: string; docs: number; parts: number; size: string }>(
    `select current_setting('server_version') as version,
       (select count(*)::int from document) as docs,
       (select count(*)::int from document_participant) as parts,
       pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  const f = facts.rows[0]!;
  log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, PostgreSQL ${f.version}.`,
  );
  log(
    `Data: ${f.docs.toLocaleString("en")} documents, ${f.parts.toLocaleString("en")} participant rows, ${f.size}.`,
  );

  await ensureBuild(log, (c) => children.push(c));
  const port = await freePort(3300);
  log(`Starting the application (next start) on port ${port} ...`);
  const app = await startApp({
    databaseUrl: url,
    authSecret: randomBytes(32).toString("base64url"),
    port,
    track: (c) => children.push(c),
    // Registrations upload files: they go with the benchmark's data, not the developer's.
    env: { FILES_DIR: path.join(options.dataDir, "files") },
  });
  if (options.load) {
    await runLoad({
      baseUrl: app.baseUrl,
      pool,
      users: options.users,
      duration: options.duration,
      think: options.think,
      appPid: app.child.pid,
      postgresPid: server && postmasterPid(server.dataDir),
      appOutput: app.output,
      log,
    });
    return;
  }
  const cookies: Record<string, string> = {};
  for (const login of ["chuyenvien.kt", "vanthu.dc"]) {
    cookies[login] = await signIn(app.baseUrl, login, DEMO_PASSWORD);
  }

  const sql = new pg.Client({ connectionString: url });
  sql.on("error", () => undefined);
  await sql.connect();
  try {
    let measurements = await defineMeasurements(pool, cookies);
    if (options.only === "dispatch") {
      // The floor, for reading the lines after it.
      measurements = measurements.filter((m) => m.name === "health");
    } else {
      measurements.push(
        await calendarMeasurement(pool, cookies["chuyenvien.kt"]!, options.documents),
      );
      measurements.push(
        await myTasksMeasurement(pool, cookies["chuyenvien.kt"]!, options.documents),
      );
    }
    /** One line: the API beside its raw SQL, replayed in the same run. */
    const measure = async (m: Measurement) => {
      const result = await run(m, {
        baseUrl: app.baseUrl,
        sql,
        samples: options.samples,
        warmup: options.warmup,
      });
      console.log(formatResult(result));
      log(`  raw SQL p50 ${result.baseP50.toFixed(2)} ms, ${m.statements.length} statement(s)`);
    };
    for (const m of measurements) await measure(m);
    // Last: it adds a hundred organisations to the dataset, and copies it takes away again.
    const dispatch = await benchDispatch(pool, db, {
      samples: Math.min(options.samples, 100),
      warmup: Math.min(options.warmup, 10),
      cookie: cookies["vanthu.dc"]!,
    });
    console.log(formatResult(dispatch.result));
    log(
      `  raw SQL p50 ${dispatch.result.baseP50.toFixed(2)} ms; target: p95 at most 500 ms ` +
        `(${dispatch.result.p95 <= 500 ? "met" : "NOT met"})`,
    );
    for (const m of [dispatch.status, dispatch.sent]) await measure(m);
    log(`  removed the ${await dispatch.remove()} documents the dispatch made`);
  } finally {
    await sql.end();
  }
}

main()
  .then(() => stopAll(0))
  .catch((error: unknown) => {
    // Connections cut by an interruption are not a failure worth a stack trace.
    if (stopping) return;
    console.error("\n✘ The benchmark failed:", error);
    void stopAll(1);
  });
