// What a signed-in person does all day, one request at a time: opens a box of their inbox (and
// sometimes its next page), the home page's counters, a document they saw in a list, a search in
// words typed without diacritics, the bell. Clerks open their own boxes and register documents.
import { addDays, vietnamToday } from "@/lib/dates";
import { mutate, query, type Reply, type Session } from "./load-client";
import type { LoadRole, LoadUser } from "./load-users";
import { actions, issuers, signers, topics, scopes, typeMix } from "./words";

export type VirtualUser = LoadUser &
  Session & {
    /** Documents seen in this person's answers, for the document page (newest last). */
    known: string[];
    /** The next page of each box last listed. */
    cursors: Map<string, string>;
    /** SHA-256 of the PDF a clerk uploaded at the start, attached to every registration. */
    pdf?: string;
  };

export type Outcome = { action: string; reply: Reply };

type Action = "inbox" | "counters" | "document" | "search" | "unread" | "notifications";

/** Shares of 100 requests; registrations come on top of these (see `registrationDue`). */
export const mixWeights: [Action, number][] = [
  ["inbox", 25],
  ["counters", 15],
  ["document", 20],
  ["search", 10],
  ["unread", 20],
  ["notifications", 10],
];

/** The boxes each role opens, and how often; a clerk's are the clerk boxes. */
const boxesOf: Record<LoadRole, [string, number][]> = {
  specialist: [
    ["to_handle", 3],
    ["handled", 1],
  ],
  unit_head: [
    ["to_handle", 3],
    ["handled", 1],
  ],
  leader: [
    ["to_direct", 2],
    ["info", 2],
    ["handled", 1],
  ],
  clerk: [
    ["to_present", 2],
    ["at_leader", 1],
    ["to_register", 1],
  ],
};

/** Page sizes of the inbox, search and bell in the interface. */
const PAGE = 30;
const BELL = 15;
const NEXT_PAGE_SHARE = 0.3;
const KNOWN_MAX = 60;

function pick<T>(weighted: [T, number][]): T {
  let r = Math.random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted.at(-1)![0];
}

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

const withoutDiacritics = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** What people type in the search box: two or three words of a topic or an action, unaccented. */
export const searchPhrases: string[] = [
  ...topics.flatMap((t) => {
    const w = withoutDiacritics(t).split(" ");
    return [w.slice(0, 2), w.slice(0, 3), w.slice(-2)].map((p) => p.join(" "));
  }),
  ...actions.map(withoutDiacritics),
];

function remember(vu: VirtualUser, data: unknown) {
  const items = (data as { items?: { id?: unknown }[] } | undefined)?.items ?? [];
  for (const item of items) if (typeof item.id === "string") vu.known.push(item.id);
  if (vu.known.length > KNOWN_MAX) vu.known.splice(0, vu.known.length - KNOWN_MAX);
}

async function openBox(baseUrl: string, vu: VirtualUser): Promise<Outcome> {
  const box = pick(boxesOf[vu.role]);
  const path = vu.role === "clerk" ? "inbox.clerkBox" : "inbox.list";
  const cursor = Math.random() < NEXT_PAGE_SHARE ? vu.cursors.get(box) : undefined;
  const reply = await query(baseUrl, vu, path, { box, limit: PAGE, cursor });
  if (reply.ok) {
    remember(vu, reply.data);
    const next = (reply.data as { nextCursor?: string | null }).nextCursor;
    if (next) vu.cursors.set(box, next);
    else vu.cursors.delete(box);
  }
  return { action: cursor ? `${path} (next page)` : path, reply };
}

/** One request of the person's day, chosen by weight. */
export async function step(baseUrl: string, vu: VirtualUser): Promise<Outcome> {
  const action = pick(mixWeights);
  if (action === "inbox" || (action === "document" && vu.known.length === 0)) {
    return openBox(baseUrl, vu);
  }
  if (action === "document") {
    const reply = await query(baseUrl, vu, "incoming.get", { id: any(vu.known) });
    return { action: "incoming.get", reply };
  }
  if (action === "search") {
    const reply = await query(baseUrl, vu, "search.documents", {
      q: any(searchPhrases),
      limit: PAGE,
    });
    if (reply.ok) remember(vu, reply.data);
    return { action: "search.documents", reply };
  }
  const path = {
    counters: "inbox.counters",
    unread: "notifications.unreadCount",
    notifications: "notifications.list",
  }[action];
  const input = action === "notifications" ? { limit: BELL } : undefined;
  return { action: path, reply: await query(baseUrl, vu, path, input) };
}

/**
 * A document as a clerk types it from the paper: its number is `code`, distinct for every
 * registration (across runs too), so that the duplicate check never holds one back.
 */
export function registrationInput(code: number, pdfSha256: string) {
  const today = vietnamToday();
  const type = any(typeMix);
  const [issuerName, issuerAbbr] = any(issuers);
  return {
    codeNumber: String(code),
    codeNotation: type.abbr ? `${type.abbr}-${issuerAbbr}` : `${issuerAbbr}-VP`,
    issuerName,
    documentDate: addDays(today, -(code % 4)),
    documentType: type.type,
    subject: `${type.prefix}${any(actions)} ${any(topics)} ${any(scopes)}`,
    signerName: any(signers),
    urgency: code % 10 === 0 ? "urgent" : "normal",
    pageCount: 1,
    deadline: code % 5 < 3 ? addDays(today, 5 + (code % 20)) : null,
    receivedVia: "electronic",
    files: [{ sha256: pdfSha256, fileName: `van-ban-den-${code}.pdf`, kind: "main" }],
  };
}

export async function register(baseUrl: string, vu: VirtualUser, code: number): Promise<Outcome> {
  const reply = await mutate(baseUrl, vu, "reception.receive", registrationInput(code, vu.pdf!));
  const id = (reply.data as { id?: unknown } | undefined)?.id;
  if (reply.ok && typeof id === "string") vu.known.push(id);
  return { action: "reception.receive", reply };
}
