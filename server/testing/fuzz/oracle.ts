// Judges one fuzzed call: never a 500, nothing changed by a refused write, nothing the caller may
// not see in the answer, and nothing answered to someone who must first change their password.
import { translate } from "@/server/i18n/translate";
import { answerHaystack, type LeakWatch } from "./canaries";
import {
  causeOfServerError,
  findingKey,
  logExcerpt,
  type Finding,
  type Findings,
} from "./findings";
import type { ChangeDetector } from "./fingerprint";
import type { FuzzUser } from "./fixture";
import type { Verdict } from "./runner";

/** Answered to anyone, signed in or not. */
export const PUBLIC_TARGETS: ReadonlySet<string> = new Set(["GET /api/health"]);

/**
 * What a user who must change the password set by an admin may still be answered: who they are
 * (the page that asks them to change it reads `account.me`). Everything else waits for the change.
 */
export const MUST_CHANGE_PASSWORD_MAY_CALL: ReadonlySet<string> = new Set([
  ...PUBLIC_TARGETS,
  "account.me",
]);

export type Exchange = {
  target: string;
  /** The procedure or route the rules know the target by, when the target is a variant of it. */
  rulesOf?: string;
  user: FuzzUser;
  /** A mutation or a route that stores something: a refusal must leave the database as it was. */
  writes: boolean;
  /** What the caller sent, to tell an echo of its own words from a leak. */
  sent: string;
  send: () => Promise<Response>;
};

/** The two ways a message says "internal error", whatever the caller's locale. */
const internalMessages = (["vi", "en"] as const).map((l) => translate(l, "errors.internal"));

const isText = (headers: Headers) => /json|text/.test(headers.get("content-type") ?? "");

async function readBody(response: Response): Promise<string> {
  if (isText(response.headers)) return response.text();
  // PDFs and spreadsheets: ids and hashes would show in their uncompressed parts.
  return Buffer.from(await response.arrayBuffer()).toString("latin1");
}

export class Oracle {
  calls = 0;

  constructor(
    private readonly changes: ChangeDetector,
    private readonly leaks: LeakWatch,
    private readonly findings: Findings,
    private readonly signIn: (user: FuzzUser) => void,
  ) {}

  /** Runs the call and records what is wrong with it. */
  async judge(exchange: Exchange, input: unknown): Promise<Verdict> {
    const { target, user } = exchange;
    const rulesOf = exchange.rulesOf ?? target;
    this.calls++;
    this.signIn(user);
    const before = exchange.writes ? await this.changes.mark() : null;

    // The server logs a 500's cause with console.error; it is caught here, per call.
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    let status = 0;
    let body = "";
    let headers = new Headers();
    let thrown: unknown = null;
    try {
      const response = await exchange.send();
      status = response.status;
      headers = response.headers;
      body = await readBody(response);
    } catch (error) {
      // A route handler that throws instead of answering is a 500 in Next.js.
      status = 500;
      thrown = error;
    } finally {
      console.error = consoleError;
    }

    const found: Finding[] = [];
    const excerpt = isText(headers)
      ? body.slice(0, 200)
      : `${headers.get("content-type")}, ${body.length} bytes`;
    const add = (cause: string, detail: string) =>
      found.push({ target, cause, user: user.name, status, detail });

    if (status >= 500 || internalMessages.some((m) => body.includes(m))) {
      add(causeOfServerError(logged, thrown), logExcerpt(logged, thrown) || excerpt);
    }
    if (before && status >= 400) {
      const changed = await this.changes.changedSince(before);
      if (changed.length > 0) {
        add(`refused but changed ${changed.join(", ")}`, `HTTP ${status}: ${excerpt}`);
      }
    }
    if (status < 400 && !user.userId && !PUBLIC_TARGETS.has(rulesOf)) {
      add("answered nobody signed in", excerpt);
    }
    if (status < 400 && user.mustChangePassword && !MUST_CHANGE_PASSWORD_MAY_CALL.has(rulesOf)) {
      add("answered a user who must change the password first", excerpt);
    }
    const haystack = answerHaystack(headers, body);
    for (const token of this.leaks.leaks(user, rulesOf, exchange.sent, haystack)) {
      add(`leaked ${token.label}`, `${token.value} in the answer`);
    }

    for (const f of found) this.findings.record(f, input);
    return { keys: found.map(findingKey), status };
  }
}
