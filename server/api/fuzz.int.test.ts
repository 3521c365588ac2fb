// Property-based fuzzing of every tRPC procedure and every route handler, over HTTP, as every
// kind of caller. The procedures are read from the router, so a new one is fuzzed without anyone
// adding it here. A call passes when the answer is not a 500, a refused write changed nothing,
// the answer carries nothing of another organisation's or of the secret document (except what
// the caller named), and nobody was answered who should not be.
//   CI: a fixed seed.  By hand: FUZZ_SCALE=20 npm run fuzz (20 times the calls),
//   FUZZ_SEED=n for another seed, FUZZ_ONLY=search.documents (a substring) to replay one target.
import type { AnyProcedure } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as DbClient from "@/db/client";
import type { Db } from "@/db/client";
import { procedureInputArbitrary } from "@/server/testing/fuzz/arbitraries";
import { LeakWatch } from "@/server/testing/fuzz/canaries";
import { sharedFileOwnership } from "@/server/testing/fuzz/file-ownership";
import { Findings } from "@/server/testing/fuzz/findings";
import { ChangeDetector, publicTables } from "@/server/testing/fuzz/fingerprint";
import { buildFuzzWorld, type FuzzUser, type FuzzWorld } from "@/server/testing/fuzz/fixture";
import { cursorPool, hintFor } from "@/server/testing/fuzz/hints";
import { Oracle } from "@/server/testing/fuzz/oracle";
import { routeFuzzes, type RouteHandlers } from "@/server/testing/fuzz/routes";
import { fuzzSettings, fuzzUntilQuiet, seedFor } from "@/server/testing/fuzz/runner";
import {
  cookieArbitrary,
  procedureRequest,
  rawBodyArbitrary,
  rawProcedureRequest,
  rawShapeArbitrary,
  type ProcedureType,
} from "@/server/testing/fuzz/trpc-wire";
import { worldDamage } from "@/server/testing/fuzz/world-guard";
import { freshDatabase } from "@/server/testing/test-db";

// The handlers run as Next.js runs them; only the session cookie's decoding is replaced by the
// user the test names, and the database by this file's own.
const state = vi.hoisted(() => {
  // Small, so that an upload past the limit is cheap to send.
  process.env.UPLOAD_MAX_MB = "1";
  return {
    db: undefined as unknown,
    session: null as { userId: string; sessionEpoch: number } | null,
  };
});
vi.mock("@/server/auth/auth", () => ({
  currentSession: async () => state.session,
  sessionFromCookieHeader: async () => state.session,
}));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof DbClient>()),
  getDb: () => state.db,
}));

const { appRouter } = await import("@/server/api/root");
const trpcRoute = await import("@/app/api/trpc/[trpc]/route");
const handlers: RouteHandlers = {
  upload: (await import("@/app/api/files/route")).POST,
  download: (await import("@/app/api/files/[fileId]/route")).GET,
  reports: {
    "registry-book": (await import("@/app/api/reports/registry-book/route")).GET,
    "follow-up-book": (await import("@/app/api/reports/follow-up-book/route")).GET,
    "outgoing-book": (await import("@/app/api/reports/outgoing-book/route")).GET,
    handling: (await import("@/app/api/reports/handling/route")).GET,
  },
  health: (await import("@/app/api/health/route")).GET,
};

const settings = fuzzSettings(process.env);
const only = process.env.FUZZ_ONLY;
const chosen = (target: string) => !only || target.includes(only);
const runs = (base: number) => Math.max(1, Math.round(base * settings.scale));
const reproduce = `FUZZ_SEED=${settings.seed} FUZZ_ONLY='<target>' npm run fuzz`;

type ProcedureEntry = { path: string; type: ProcedureType; schema: unknown };

/** The router's procedures, flat by path; several `.input()`s are one intersection. */
const procedures: ProcedureEntry[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
).map(([path, procedure]) => {
  const inputs = (procedure._def.inputs as unknown[]).filter(
    (i) => typeof i === "object" && i !== null && "_zod" in i,
  );
  const schema = inputs.reduce<unknown>(
    (left, right) =>
      left === undefined ? right : { _zod: { def: { type: "intersection", left, right } } },
    undefined,
  );
  return { path, type: procedure._def.type as ProcedureType, schema };
});

let db: Db;
let world: FuzzWorld;
let cursors: string[];
let oracle: Oracle;
const findings = new Findings();

const signIn = (user: FuzzUser) => {
  state.session = user.userId ? { userId: user.userId, sessionEpoch: 1 } : null;
};

/** Stops the run when fuzzing a target damaged what the run relies on (see world-guard.ts). */
async function guard(target: string) {
  const damage = await worldDamage(db, world);
  if (damage.length > 0) {
    throw new Error(
      `fuzzing ${target} damaged the fixture: ${damage.join("; ")}. ` +
        "Keep its writes away from these records in server/testing/fuzz/hints.ts.",
    );
  }
}

/** Real cursors, from the first page of each list as each of its people sees it. */
async function realCursors(): Promise<string[]> {
  const lists: [string, string, unknown][] = [
    ["vanthu.dc", "search.documents", { limit: 1 }],
    ["vanthu.dc", "inbox.clerkBox", { box: "to_present", limit: 1 }],
    ["chutich.dc", "search.documents", { limit: 1 }],
    ["chutich.dc", "inbox.list", { box: "handled", limit: 1 }],
    ["vanthu.hl", "search.documents", { limit: 1 }],
    ["vanthu.hl", "inbox.clerkBox", { box: "to_present", limit: 1 }],
  ];
  const found: string[] = [];
  for (const [name, path, input] of lists) {
    signIn(world.users.find((u) => u.name === name)!);
    const { request } = procedureRequest(path, "query", input, "");
    const body = (await (await trpcRoute.GET(request)).json()) as {
      result?: { data?: { json?: { nextCursor?: unknown } } };
    };
    const cursor = body.result?.data?.json?.nextCursor;
    if (typeof cursor === "string") found.push(cursor);
  }
  return found;
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  state.db = db;
  world = await buildFuzzWorld(db, settings.seed);
  const ids = [...world.records.hoangliet.documents, world.secret.documentId];
  cursors = cursorPool(await realCursors(), ids);
  const changes = new ChangeDetector(db, await publicTables(db));
  oracle = new Oracle(changes, new LeakWatch(world), findings, signIn);
});

afterAll(() => {
  if (!oracle) return;
  const routes = routeFuzzes(world, handlers, cursors).length;
  console.log(
    `fuzz: ${procedures.length} procedures, ${routes} route handlers, ${oracle.calls} calls, ` +
      `seed ${settings.seed}, scale ${settings.scale}, ${findings.size} distinct failures`,
  );
});

/** Per procedure and caller at scale 1: every procedure is small, so every one gets the same. */
const RUNS_PER_CALLER = 24;
const RAW_RUNS_PER_CALLER = 3;

describe("fuzzing every procedure and route handler", () => {
  const timeout = 600_000 * settings.scale;

  it(
    "answers every procedure's near-valid, sharp and random inputs without a 500, a change on refusal or a leak",
    { timeout },
    async () => {
      for (const p of procedures.filter((p) => chosen(p.path))) {
        for (const user of world.users) {
          const hint = hintFor(world, cursors, user, p.path, p.type === "mutation");
          const arbitrary = fc.tuple(
            procedureInputArbitrary(p.schema, hint, cursors),
            cookieArbitrary,
          );
          await fuzzUntilQuiet(
            arbitrary,
            {
              seed: seedFor(settings.seed, `${p.path} ${user.name}`),
              numRuns: runs(RUNS_PER_CALLER),
            },
            ([input, cookie]) => {
              const { request, text } = procedureRequest(p.path, p.type, input, cookie);
              return oracle.judge(
                {
                  target: p.path,
                  user,
                  writes: p.type === "mutation",
                  sent: text,
                  send: () => trpcRoute[request.method === "GET" ? "GET" : "POST"](request),
                },
                input,
              );
            },
          );
        }
        await guard(p.path);
      }
      const ours = (t: string) => procedures.some((p) => p.path === t);
      expect(findings.keysOf(ours), findings.report(ours, reproduce)).toEqual([]);
    },
  );

  it(
    "answers malformed wire bodies (not JSON, not superjson, deep, huge, misrouted) without a 500",
    { timeout },
    async () => {
      const target = (path: string) => `${path} (raw wire)`;
      for (const p of procedures.filter((p) => chosen(target(p.path)))) {
        for (const user of world.users.filter((u) => u.userId)) {
          await fuzzUntilQuiet(
            fc.tuple(rawBodyArbitrary, rawShapeArbitrary),
            {
              seed: seedFor(settings.seed, `raw ${p.path} ${user.name}`),
              numRuns: runs(RAW_RUNS_PER_CALLER),
            },
            ([body, shape]) => {
              const request = rawProcedureRequest(p.path, p.type, body, shape);
              return oracle.judge(
                {
                  target: target(p.path),
                  rulesOf: p.path,
                  user,
                  writes: p.type === "mutation",
                  sent: body,
                  send: () => trpcRoute[request.method === "GET" ? "GET" : "POST"](request),
                },
                { body, shape },
              );
            },
          );
        }
        await guard(target(p.path));
      }
      const ours = (t: string) => t.endsWith("(raw wire)");
      expect(findings.keysOf(ours), findings.report(ours, reproduce)).toEqual([]);
    },
  );

  it(
    "answers the file, report and health routes' odd ids, headers, bodies and queries the same way",
    { timeout },
    async () => {
      const routes = routeFuzzes(world, handlers, cursors);
      for (const route of routes.filter((r) => chosen(r.target))) {
        for (const user of world.users) {
          await fuzzUntilQuiet(
            route.arbitrary(user),
            {
              seed: seedFor(settings.seed, `${route.target} ${user.name}`),
              numRuns: runs(route.runs),
            },
            async (value) => {
              const exchange = route.request(value);
              // No HTTP client could send it (a header the Fetch API refuses): nothing to judge.
              if (!exchange) return { keys: [], status: 0 };
              return oracle.judge(
                { target: route.target, user, writes: route.writes, ...exchange },
                value,
              );
            },
          );
        }
      }
      const ours = (t: string) => routes.some((r) => r.target === t);
      expect(findings.keysOf(ours), findings.report(ours, reproduce)).toEqual([]);
    },
  );

  it("leaves every organisation's files attached only to its own documents", async () => {
    expect(await sharedFileOwnership(db, world)).toEqual([]);
  });
});
