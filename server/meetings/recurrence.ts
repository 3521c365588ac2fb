// Expanding a meeting's RRULE into occurrences at the right local times, and refusing rules
// that never end or run past the cap. Pure: no database.
import * as rruleModule from "rrule";
import { MAX_OCCURRENCES } from "@/lib/meetings";

// Node's own ESM loader (the start script, seeding) sees rrule's UMD build only as a default
// export; bundlers and vitest read its ESM build with named exports.
const { RRule } =
  "RRule" in rruleModule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default;

/** Vietnam keeps UTC+7 all year; the expansion runs on its wall clock. */
const OFFSET_MS = 7 * 3600 * 1000;

/** The parts of RFC 5545's RRULE a meeting may use; anything else is refused. */
const ALLOWED = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST"]);
const FREQUENCIES = new Set(["DAILY", "WEEKLY", "MONTHLY"]);

export type RecurrenceProblem =
  | "meetings.errors.recurrenceInvalid"
  | "meetings.errors.recurrenceEndless"
  | "meetings.errors.recurrenceTooMany"
  | "meetings.errors.recurrenceUntilBeforeStart";

export type SeriesSpec = {
  startsAt: Date;
  endsAt: Date;
  recurrence: string | null;
};

export type ExceptionSpec = {
  originalStart: Date;
  cancelled: boolean;
  newStart: Date | null;
  newEnd: Date | null;
  title: string | null;
  roomId: string | null;
  locationText: string | null;
};

export type Occurrence = {
  /** The start the series gives it (RECURRENCE-ID), also for a moved occurrence. */
  originalStart: Date;
  start: Date;
  end: Date;
  cancelled: boolean;
  /** Moved or changed by an exception. */
  changed: boolean;
  exception: ExceptionSpec | null;
};

// rrule computes in UTC fields: the local wall clock is written as if it were UTC ("floating"),
// so a Monday 07:30 stays 07:30 whatever the month; each result is then shifted to the instant.
const toFloating = (d: Date) => new Date(d.getTime() + OFFSET_MS);
const fromFloating = (d: Date) => new Date(d.getTime() - OFFSET_MS);

function ruleOf(spec: SeriesSpec): InstanceType<typeof RRule> {
  const options = RRule.parseString(spec.recurrence!);
  return new RRule({
    ...options,
    dtstart: toFloating(spec.startsAt),
    until: options.until ? toFloating(options.until) : null,
  });
}

/** What is wrong with a meeting's RRULE, or null when it is acceptable. */
export function recurrenceProblem(spec: SeriesSpec): RecurrenceProblem | null {
  if (spec.recurrence === null) return null;
  const parts = spec.recurrence.split(";").map((p) => p.split("="));
  if (
    spec.recurrence.length > 300 ||
    parts.some(([k, v]) => !k || !v || !ALLOWED.has(k)) ||
    new Set(parts.map(([k]) => k)).size !== parts.length
  ) {
    return "meetings.errors.recurrenceInvalid";
  }
  const fields = new Map(parts.map(([k, v]) => [k!, v!]));
  if (!FREQUENCIES.has(fields.get("FREQ") ?? "")) return "meetings.errors.recurrenceInvalid";
  let options;
  try {
    options = RRule.parseString(spec.recurrence);
  } catch {
    return "meetings.errors.recurrenceInvalid";
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 12)) {
    return "meetings.errors.recurrenceInvalid";
  }
  if (!fields.has("COUNT") && !fields.has("UNTIL")) return "meetings.errors.recurrenceEndless";
  if (fields.has("COUNT") && fields.has("UNTIL")) return "meetings.errors.recurrenceInvalid";
  if (options.count !== undefined && options.count !== null) {
    if (!Number.isInteger(options.count) || options.count < 1) {
      return "meetings.errors.recurrenceInvalid";
    }
    if (options.count > MAX_OCCURRENCES) return "meetings.errors.recurrenceTooMany";
  }
  if (options.until) {
    if (Number.isNaN(options.until.getTime())) return "meetings.errors.recurrenceInvalid";
    if (options.until < spec.startsAt) return "meetings.errors.recurrenceUntilBeforeStart";
  }
  // An UNTIL far away may still give too many: count them, stopping one past the cap.
  let n = 0;
  ruleOf(spec).all(() => ++n <= MAX_OCCURRENCES);
  if (n > MAX_OCCURRENCES) return "meetings.errors.recurrenceTooMany";
  if (n === 0) return "meetings.errors.recurrenceInvalid";
  return null;
}

/** The starts of a series as its rule gives them, before exceptions. */
export function seriesStarts(spec: SeriesSpec): Date[] {
  if (spec.recurrence === null) return [spec.startsAt];
  let n = 0;
  return ruleOf(spec)
    .all(() => ++n <= MAX_OCCURRENCES)
    .map(fromFloating);
}

/**
 * Every occurrence of a series with its exceptions applied: a cancelled one is kept and marked
 * (the calendar shows it struck through), a moved one takes its new time. An exception naming a
 * start the series does not give is ignored.
 */
export function expandOccurrences(spec: SeriesSpec, exceptions: ExceptionSpec[]): Occurrence[] {
  const length = spec.endsAt.getTime() - spec.startsAt.getTime();
  const byStart = new Map(exceptions.map((e) => [e.originalStart.getTime(), e]));
  return seriesStarts(spec).map((originalStart) => {
    const exception = byStart.get(originalStart.getTime()) ?? null;
    const start = exception?.newStart ?? originalStart;
    const end = exception?.newEnd ?? new Date(originalStart.getTime() + length);
    return {
      originalStart,
      start,
      end,
      cancelled: exception?.cancelled ?? false,
      changed: exception !== null && !exception.cancelled,
      exception,
    };
  });
}

/** The occurrences that overlap a half-open range [from, to). */
export function occurrencesIn(occurrences: Occurrence[], from: Date, to: Date): Occurrence[] {
  return occurrences.filter((o) => o.start < to && o.end > from);
}
