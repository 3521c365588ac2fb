// What is measured: for each, the tRPC call a page makes and, captured from the service itself
// for the same actor and input, the SQL it runs (the baseline).
import type pg from "pg";
import { vietnamToday } from "@/lib/dates";
import { listInbox } from "@/server/inbox/boxes";
import { inboxCounters } from "@/server/inbox/counters";
import { incomingRegistryBook } from "@/server/reports/registry-book";
import { searchDocuments } from "@/server/search/documents";
import { checkHealth } from "@/server/system/health";
import { benchActor, capturingDb, type Measurement } from "./measure";

const hasItems = (data: unknown) => {
  const d = data as { items?: unknown[]; rows?: unknown[] };
  const n = (d.items ?? d.rows ?? []).length;
  return n > 0 ? null : "the first answer was empty: the dataset does not exercise this query";
};

/** The search a clerk types: common words, no diacritics, over all the organisation's mail. */
export const SEARCH_WORDS = "phong chong thien tai";

export async function defineMeasurements(
  pool: pg.Pool,
  cookies: Record<string, string>,
): Promise<Measurement[]> {
  const captured = capturingDb(pool);
  const { db, take } = captured;
  const handler = await benchActor(pool, captured, "chuyenvien.kt");
  const clerk = await benchActor(pool, captured, "vanthu.dc");
  const today = vietnamToday();
  const out: Measurement[] = [];

  // The floor: what any request costs the server beyond its SQL (here a bare `select 1`).
  await checkHealth(db);
  out.push({
    name: "health",
    path: "/api/health",
    route: true,
    input: undefined,
    cookie: "",
    statements: take(),
    check: (d) => ((d as { status?: string }).status === "ok" ? null : "the server is not healthy"),
  });

  const inbox = { box: "to_handle" as const, limit: 50 };
  const firstPage = await listInbox(db, handler, inbox);
  out.push({
    name: "inbox",
    path: "inbox.list",
    input: inbox,
    cookie: cookies["chuyenvien.kt"]!,
    statements: take(),
    check: hasItems,
  });
  const next = { ...inbox, cursor: firstPage.nextCursor };
  await listInbox(db, handler, next);
  out.push({
    name: "inbox-next",
    path: "inbox.list",
    input: next,
    cookie: cookies["chuyenvien.kt"]!,
    statements: take(),
    check: hasItems,
  });

  await inboxCounters(db, handler);
  out.push({
    name: "counters",
    path: "inbox.counters",
    input: undefined,
    cookie: cookies["chuyenvien.kt"]!,
    statements: take(),
    check: (d) => ((d as { toHandle: number }).toHandle > 0 ? null : "no document to handle"),
  });

  const book = { from: `${today.slice(0, 4)}-01-01`, to: today, limit: 100 };
  await incomingRegistryBook(db, clerk, book);
  out.push({
    name: "registry-book",
    path: "reports.registryBook",
    input: book,
    cookie: cookies["vanthu.dc"]!,
    statements: take(),
    check: hasItems,
  });

  const search = { q: SEARCH_WORDS, limit: 50 };
  await searchDocuments(db, clerk, search);
  out.push({
    name: "search",
    path: "search.documents",
    input: search,
    cookie: cookies["vanthu.dc"]!,
    statements: take(),
    check: hasItems,
  });
  await searchDocuments(db, handler, search);
  out.push({
    name: "search-handler",
    path: "search.documents",
    input: search,
    cookie: cookies["chuyenvien.kt"]!,
    statements: take(),
    check: hasItems,
  });
  return out;
}
