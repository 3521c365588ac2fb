// `npm run bench -- --load`: N people signed in at once (each with their own session and
// connection) go about their day for a while, by default with no pause between requests, so that
// the server is always busy and the line printed is its throughput and tail latency at that load.
// Just before, the same people ask `GET /api/health` the same way: the floor of a request at the
// same concurrency, which the mix's p95 is compared with.
import type pg from "pg";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { signIn } from "./app";
import { health, newAgent, query, upload, type Reply } from "./load-client";
import { startCpuMeter } from "./load-cpu";
import { register, step, type Outcome, type VirtualUser } from "./load-mix";
import { prepareLoadUsers, type LoadUser } from "./load-users";
import { percentile } from "./measure";

export type LoadOptions = {
  baseUrl: string;
  pool: pg.Pool;
  users: number;
  /** Seconds of the mix; the health floor runs a third of it. */
  duration: number;
  /** Mean pause between one person's requests, in ms (0: none). */
  think: number;
  appPid: number | undefined;
  postgresPid: number | undefined;
  appOutput: () => string;
  log: (line: string) => void;
};

/** One registration in this many requests. */
const REGISTRATION_EVERY = 50;
/** Sign-ins at once: each costs the server an argon2 verification (19 MiB, about 30 ms). */
const SIGN_IN_CONCURRENCY = 8;

type PhaseResult = {
  n: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  byAction: Map<string, { ms: number[]; errors: number }>;
  examples: Map<string, number>;
};

async function inTurn<T, R>(items: T[], concurrency: number, run: (item: T) => Promise<R>) {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await run(items[i]!);
    }),
  );
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A one-page PDF for a clerk's registrations, different per clerk so each is a new file. */
async function receivedPdf(login: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = [
    "UY BAN NHAN DAN QUAN HOANG MAI",
    "CONG VAN DEN - thu tai he thong",
    `Van thu: ${login}`,
    "Noi dung: trien khai cong tac phong, chong thien tai va tim kiem cuu nan.",
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 56, y: 780 - i * 22, size: 12, font }));
  return pdf.save();
}

/**
 * Every person asks `step` until the time is up, one request at a time; their requests are
 * counted as they end, errors included, so a failure cannot shorten the measured work.
 */
async function runPhase(
  people: VirtualUser[],
  seconds: number,
  think: number,
  next: (vu: VirtualUser) => Promise<Outcome>,
): Promise<PhaseResult> {
  const byAction = new Map<string, { ms: number[]; errors: number }>();
  const examples = new Map<string, number>();
  const all: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  // A pause never runs past the end, which would stretch the time the requests are divided by.
  const pause = () => sleep(Math.min(Math.random() * 2 * think, until - performance.now()));
  await Promise.all(
    people.map(async (vu) => {
      // With pauses, each person starts somewhere in one, as in the middle of a working day: all
      // two hundred first requests at one instant would be a burst no office sends.
      if (think > 0) await pause();
      while (performance.now() < until) {
        const { action, reply } = await next(vu);
        const stats = byAction.get(action) ?? { ms: [], errors: 0 };
        byAction.set(action, stats);
        stats.ms.push(reply.ms);
        all.push(reply.ms);
        if (!reply.ok) {
          errors++;
          stats.errors++;
          const key = `${action}: ${reply.error ?? `HTTP ${reply.status}`}`.slice(0, 300);
          examples.set(key, (examples.get(key) ?? 0) + 1);
        }
        if (think > 0) await pause();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  all.sort((a, b) => a - b);
  return {
    n: all.length,
    rps: all.length / elapsed,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors,
    byAction,
    examples,
  };
}

const line = (name: string, r: PhaseResult, baseP95: number) =>
  `bench ${name} n=${r.n} rps=${r.rps.toFixed(1)} p50_ms=${r.p50.toFixed(2)} ` +
  `p95_ms=${r.p95.toFixed(2)} p99_ms=${r.p99.toFixed(2)} errors=${r.errors} ` +
  `base_p95_ms=${baseP95.toFixed(2)} ratio=${(r.p95 / baseP95).toFixed(2)}`;

function report(r: PhaseResult, log: (line: string) => void, appOutput: () => string) {
  const rows = [...r.byAction].sort((a, b) => b[1].ms.length - a[1].ms.length);
  for (const [action, s] of rows) {
    const ms = [...s.ms].sort((a, b) => a - b);
    log(
      `  ${action.padEnd(28)} n=${String(ms.length).padStart(6)} ` +
        `(${((100 * ms.length) / r.n).toFixed(1).padStart(4)} %) p50 ${percentile(ms, 50).toFixed(1)} ` +
        `p95 ${percentile(ms, 95).toFixed(1)} p99 ${percentile(ms, 99).toFixed(1)} ms` +
        (s.errors ? `, ${s.errors} errors` : ""),
    );
  }
  if (r.errors === 0) return;
  log(`${r.errors} errors; the most frequent:`);
  const top = [...r.examples].sort((a, b) => b[1] - a[1]).slice(0, 6);
  for (const [what, n] of top) log(`  ${n} × ${what}`);
  log(`The application's last output:\n${appOutput().slice(-3000)}`);
}

async function signInEveryone(options: LoadOptions, users: LoadUser[]): Promise<VirtualUser[]> {
  const started = Date.now();
  const people = await inTurn(users, SIGN_IN_CONCURRENCY, async (user) => ({
    ...user,
    cookie: await signIn(options.baseUrl, user.login, DEMO_PASSWORD),
    agent: newAgent(),
    known: [],
    cursors: new Map<string, string>(),
  }));
  options.log(
    `Signed in ${people.length} people, each with their own session, in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s (${SIGN_IN_CONCURRENCY} at a time).`,
  );
  return people;
}

/** Each person's first look (counters, first page of their main box), untimed; checks the data. */
async function firstLook(options: LoadOptions, people: VirtualUser[]) {
  const seen = new Map<
    string,
    { people: number; toHandle: number; toDirect: number; ids: number }
  >();
  const failures: string[] = [];
  await inTurn(people, 16, async (vu) => {
    const counters: Reply = await query(options.baseUrl, vu, "inbox.counters");
    const box = { specialist: "to_handle", unit_head: "to_handle", leader: "to_direct" };
    const list =
      vu.role === "clerk"
        ? await query(options.baseUrl, vu, "inbox.clerkBox", { box: "to_present", limit: 30 })
        : await query(options.baseUrl, vu, "inbox.list", { box: box[vu.role], limit: 30 });
    for (const r of [counters, list]) if (!r.ok) failures.push(`${vu.login}: ${r.error}`);
    const items = (list.data as { items?: { id: string }[] } | undefined)?.items ?? [];
    vu.known.push(...items.map((i) => i.id));
    const c = (counters.data ?? {}) as { toHandle?: number; leader?: { toDirect: number } | null };
    const s = seen.get(vu.role) ?? { people: 0, toHandle: 0, toDirect: 0, ids: 0 };
    seen.set(vu.role, {
      people: s.people + 1,
      toHandle: s.toHandle + (c.toHandle ?? 0),
      toDirect: s.toDirect + (c.leader?.toDirect ?? 0),
      ids: s.ids + items.length,
    });
  });
  if (failures.length > 0)
    throw new Error(`The first look failed:\n${failures.slice(0, 5).join("\n")}`);
  const avg = (v: number, n: number) => Math.round(v / n);
  const parts = [...seen].map(([role, s]) => {
    const counter =
      role === "leader"
        ? `${avg(s.toDirect, s.people)} to direct`
        : role === "clerk"
          ? "registered today"
          : `${avg(s.toHandle, s.people)} to handle`;
    return `${s.people} ${role}: ${counter}, first page ${avg(s.ids, s.people)} rows`;
  });
  options.log(`People, on average: ${parts.join("; ")}.`);
  const empty = people.filter((vu) => vu.role !== "clerk" && vu.known.length === 0);
  if (empty.length > 0)
    throw new Error(`${empty.length} people have an empty inbox (${empty[0]!.login}).`);
}

/**
 * A new connection for each person before a phase starts, opened by an untimed request, as a
 * browser tab holds one. A Node.js server that is saturated accepts new connections only after
 * the ones it serves fall idle: people who connected during the phase waited 3 to 15 s for their
 * first answer, which measured the accept queue rather than the requests. Fresh connections
 * also mean none has sat idle long enough for the server to close it.
 */
async function connectEveryone(options: LoadOptions, people: VirtualUser[]) {
  for (const vu of people) {
    vu.agent.destroy();
    vu.agent = newAgent();
  }
  const failed = (await inTurn(people, 20, (vu) => health(options.baseUrl, vu))).filter(
    (r) => !r.ok,
  );
  if (failed.length > 0) throw new Error(`Could not connect: ${failed[0]!.error}`);
}

/** Registration numbers this run starts from: above every one an earlier run typed. */
async function firstCode(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ top: string }>(
    `select coalesce(max(code_number::bigint), 1000)::text as top from document
     where code_number ~ '^[0-9]{1,15}$' and created_by_id in
       (select id from app_user where username like 'bench.%')`,
  );
  return Number(rows[0]!.top) + 1;
}

export async function runLoad(options: LoadOptions): Promise<void> {
  const { baseUrl, log } = options;
  const users = await prepareLoadUsers(options.pool, options.users, log);
  const people = await signInEveryone(options, users);
  const clerks = people.filter((vu) => vu.role === "clerk");
  for (const clerk of clerks) {
    const bytes = await receivedPdf(clerk.login);
    clerk.pdf = await upload(baseUrl, clerk, {
      name: `Công văn đến - ${clerk.login}.pdf`,
      type: "application/pdf",
      bytes,
    });
  }
  if (clerks.length === 0) log("No clerk among the people (fewer than 3): no registrations.");
  await firstLook(options, people);

  const healthSeconds = Math.max(5, Math.round(options.duration / 3));
  log(`Health floor: ${people.length} people ask GET /api/health for ${healthSeconds} s ...`);
  await connectEveryone(options, people);
  let cpu = startCpuMeter({ app: options.appPid, postgres: options.postgresPid });
  const floor = await runPhase(people, healthSeconds, options.think, async (vu) => ({
    action: "health",
    reply: await health(baseUrl, vu),
  }));
  log(cpu.stop());
  console.log(line("load-health", floor, floor.p95));
  report(floor, log, options.appOutput);

  log(
    `Mix: ${people.length} people for ${options.duration} s, ` +
      (options.think > 0
        ? `about ${options.think} ms between requests`
        : "no pause between requests") +
      `, one registration in ${REGISTRATION_EVERY} requests ...`,
  );
  await connectEveryone(options, people);
  let code = await firstCode(options.pool);
  let issued = 0;
  let registrations = 0;
  cpu = startCpuMeter({ app: options.appPid, postgres: options.postgresPid });
  const mix = await runPhase(people, options.duration, options.think, (vu) => {
    issued++;
    // The clerks take the registrations as they come due, so that they stay one in fifty
    // whatever the latencies of the other requests.
    if (vu.pdf && registrations < Math.floor(issued / REGISTRATION_EVERY)) {
      registrations++;
      return register(baseUrl, vu, code++);
    }
    return step(baseUrl, vu);
  });
  log(cpu.stop());
  console.log(line("load-mix", mix, floor.p95));
  report(mix, log, options.appOutput);
  people.forEach((vu) => vu.agent.destroy());
}
