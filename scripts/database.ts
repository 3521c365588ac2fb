// The database for `npm start` and the maintenance scripts: DATABASE_URL when given, otherwise
// the embedded PostgreSQL kept in `${DATA_DIR}/pg`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { isRunning, processId, type ProcessId } from "./processes";

export const DATABASE_NAME = "lien_thong";
const DEFAULT_PORT = 54329;

export type OpenDatabase = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  embedded: boolean;
  stop: () => Promise<void>;
};

/** An empty DATABASE_URL counts as unset, so a caller can force the embedded server. */
export const externalDatabaseUrl = () => process.env.DATABASE_URL || undefined;

export class DataDirInUseError extends Error {}

// The embedded server treats a server it finds on its cluster as left over and stops it; the
// process that owns the server records itself here so a second start cannot do that to it.
const ownerFile = (dataDir: string) => path.join(dataDir, "running.json");
type Owner = ProcessId & { url: string };

/** The live process serving this data folder, if any (`npm start`, audit:verify). */
export function runningOwner(dataDir: string): { pid: number; url: string } | undefined {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Owner;
    return owner.pid !== process.pid && isRunning(owner) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function assertDataDirFree(dataDir: string): void {
  const owner = runningOwner(dataDir);
  if (!owner) return;
  throw new DataDirInUseError(
    `Liên Thông is already running on ${dataDir} (pid ${owner.pid}). Stop it first, ` +
      "or start another instance with its own --data-dir, --port and EMBEDDED_PG_PORT.",
  );
}

/**
 * Opens the database. With `shareRunning`, a server already run by another process on the same
 * data folder is used as it is (read-only tools); otherwise that is an error.
 */
export async function openDatabase(options: {
  dataDir: string;
  log?: (line: string) => void;
  shareRunning?: boolean;
}): Promise<OpenDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = externalDatabaseUrl();
  if (external) return { url: external, embedded: false, stop: async () => undefined };

  const running = runningOwner(options.dataDir);
  if (running && options.shareRunning) {
    return { url: running.url, embedded: false, stop: async () => undefined };
  }
  assertDataDirFree(options.dataDir);

  const portSetting = process.env.EMBEDDED_PG_PORT;
  const port = portSetting ? Number(portSetting) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number, not "${portSetting}".`);
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "pg"),
    port,
    // A port chosen on purpose (tests, a second instance) must not silently move.
    strictPort: Boolean(portSetting),
    log,
  });
  try {
    await ensureDatabase(server.url("postgres"), DATABASE_NAME, log);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`PostgreSQL is running on 127.0.0.1:${server.port} (data in ${server.dataDir}).`);
  const url = server.url(DATABASE_NAME);
  mkdirSync(options.dataDir, { recursive: true });
  const owner: Owner = { ...processId(process.pid), url };
  writeFileSync(ownerFile(options.dataDir), JSON.stringify(owner) + "\n", { mode: 0o600 });
  const stop = async () => {
    rmSync(ownerFile(options.dataDir), { force: true });
    await server.stop();
  };
  return { url, embedded: true, stop };
}

async function ensureDatabase(adminUrl: string, name: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      log(`Creating database ${name} ...`);
      await client.query(`create database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Deletes a data folder, including a cluster kept elsewhere (see embedded-postgres.ts) and
 * after stopping a server a killed run left on it: removing files under a live server corrupts it.
 */
export async function removeDataDir(dataDir: string, log: (line: string) => void): Promise<void> {
  const pointer = path.join(dataDir, "pgdata-location.txt");
  const clusters = [path.join(dataDir, "pg")];
  if (existsSync(pointer)) clusters.push(readFileSync(pointer, "utf8").trim());
  for (const cluster of clusters) await stopServerOn(cluster, log);
  for (const cluster of clusters.slice(1)) rmSync(cluster, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

async function stopServerOn(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const server = { pid, started: null };
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(server, "postgres")) return;
  log(`Stopping the PostgreSQL server left running on ${clusterDir} (pid ${pid}).`);
  process.kill(pid, "SIGINT");
  const until = Date.now() + 30_000;
  while (isRunning(server, "postgres") && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
}
