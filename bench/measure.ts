// Timing: each measurement alternates one tRPC HTTP request with one run of the SQL the service
// issued for the same input (captured from drizzle's logger), so both see the same caches and
// the same machine load; the line printed compares their 95th percentiles.
import http from "node:http";
import type { Logger } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { schema, type Db } from "@/db/client";
import { loadActor, type Actor } from "@/server/authz/actor";

export type Statement = { text: string; params: unknown[] };

/** A drizzle handle that records every statement it runs, for replaying them as the baseline. */
export function capturingDb(pool: pg.Pool): { db: Db; take: () => Statement[] } {
  let captured: Statement[] = [];
  const logger: Logger = {
    logQuery: (text, params) => void captured.push({ text, params }),
  };
  const db = drizzle(pool, { schema, casing: "snake_case", logger });
  return {
    db,
    take: () => {
      const out = captured;
      captured = [];
      return out;
    },
  };
}

/**
 * The named person as the services see them, loaded through a capturing database whose
 * statements so far are then dropped: loading them is not part of what is measured.
 */
export async function benchActor(
  pool: pg.Pool,
  captured: { db: Db; take: () => Statement[] },
  username: string,
): Promise<Actor> {
  const { rows } = await pool.query<{ id: string; epoch: number }>(
    "select id, session_epoch as epoch from app_user where username = $1",
    [username],
  );
  if (!rows[0]) throw new Error(`bench: no person named ${username}`);
  const actor = await loadActor(captured.db, { userId: rows[0].id, sessionEpoch: rows[0].epoch });
  captured.take();
  if (!actor) throw new Error(`bench: ${username} cannot act`);
  return actor;
}

export function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type Measurement = {
  name: string;
  /** The tRPC query path and its input (undefined for procedures without input). */
  path: string;
  input: unknown;
  cookie: string;
  /** What the service ran for this input. */
  statements: Statement[];
  /** Checks the first answer, so a broken measurement fails instead of timing an error. */
  check?: (data: unknown) => string | null;
  /** A plain route rather than a tRPC procedure (`path` is then the URL path, `input` unused). */
  route?: boolean;
};

export type Result = {
  name: string;
  n: number;
  p50: number;
  p95: number;
  baseP50: number;
  baseP95: number;
};

export const formatResult = (r: Result) =>
  `bench ${r.name} n=${r.n} p50_ms=${r.p50.toFixed(2)} p95_ms=${r.p95.toFixed(2)} ` +
  `base_p95_ms=${r.baseP95.toFixed(2)} ratio=${(r.p95 / r.baseP95).toFixed(2)}`;

function trpcPath(path: string, input: unknown) {
  const query =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `/api/trpc/${path}${query}`;
}

/** One kept-alive connection, as a browser tab holds: the timing is the server's, not a handshake's. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(
  baseUrl: string,
  path: string,
  cookie: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        agent,
        headers: { cookie },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

export async function run(
  m: Measurement,
  options: { baseUrl: string; sql: pg.Client; samples: number; warmup: number },
): Promise<Result> {
  const path = m.route ? m.path : trpcPath(m.path, m.input);
  const api = async () => {
    const res = await get(options.baseUrl, path, m.cookie);
    if (res.status !== 200)
      throw new Error(`${m.path} answered HTTP ${res.status}: ${res.body.slice(0, 500)}`);
    return res.body;
  };
  const base = async () => {
    for (const s of m.statements) await options.sql.query(s.text, s.params);
  };
  const first = JSON.parse(await api()) as { result: { data: { json: unknown } } };
  const problem = m.check?.(m.route ? first : first.result.data.json);
  if (problem) throw new Error(`bench ${m.name}: ${problem}`);
  for (let i = 0; i < options.warmup; i++) {
    await api();
    await base();
  }
  const apiMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    let t = performance.now();
    await api();
    apiMs.push(performance.now() - t);
    t = performance.now();
    await base();
    baseMs.push(performance.now() - t);
  }
  apiMs.sort((a, b) => a - b);
  baseMs.sort((a, b) => a - b);
  return {
    name: m.name,
    n: options.samples,
    p50: percentile(apiMs, 50),
    p95: percentile(apiMs, 95),
    baseP50: percentile(baseMs, 50),
    baseP95: percentile(baseMs, 95),
  };
}
