// The pieces every audit sentence is made with: the event as the sentence sees it, the helpers
// that read its data and translate its values, and the builder type each area's sentences follow.
import { formatDate } from "@/components/documents/document-format";
import type { AuditRecord } from "@/lib/audit-actions";
import { isCalendarDay } from "@/lib/dates";

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

export type SentenceEvent = {
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  data: Record<string, unknown>;
  redacted: boolean;
  record: AuditRecord | null;
  /** Names of units the data refers to by id. */
  unitNames: Record<string, string>;
};

export type Values = Record<string, string | number>;
export type Built = { key: string; values?: Values } | null;
export type Builder = (e: SentenceEvent, h: Helpers) => Built;

export const MAX_NAME = 120;
export const MAX_VALUE = 80;

export const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
export const count = (v: unknown): number =>
  Array.isArray(v) ? v.length : typeof v === "number" ? v : 0;
export const yes = (b: boolean) => (b ? "yes" : "no");
export const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export type Helpers = ReturnType<typeof helpers>;

export function helpers(e: SentenceEvent, t: Translate) {
  const tr = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const day = (v: unknown) => (isCalendarDay(v) ? formatDate(v) : null);
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") {
      return field === "unitId" ? t("audit.values.noUnit") : t("audit.values.empty");
    }
    if (field === "roles" && Array.isArray(v)) return roles(v);
    if (field === "unitId" && typeof v === "string")
      return e.unitNames[v] ?? t("audit.values.unknownUnit");
    if (field === "kind") return tr(`audit.values.kind.${String(v)}`, String(v));
    if (field === "periodKind") return tr(`audit.values.periodKind.${String(v)}`, String(v));
    if (field === "level") return tr(`levels.${String(v)}`, String(v));
    if (typeof v === "boolean") {
      return tr(`audit.values.${field}.${v}`, t(v ? "common.yes" : "common.no"));
    }
    return shorten(typeof v === "object" ? JSON.stringify(v) : String(v), MAX_VALUE);
  };
  const roles = (v: unknown) =>
    (Array.isArray(v) ? v : []).map((r) => tr(`roles.${String(r)}`, String(r))).join(", ");

  return {
    t,
    tr,
    day,
    roles,
    actionLabel: () => tr(`audit.actions.${e.action}`, e.action),
    noun: () => tr(`audit.nouns.${e.entityType}`, e.entityType),
    kind: (v: unknown) => value("kind", v),
    /** A route's steps in order, by their kinds: "Ký nháy → Kiểm tra thể thức → Ký ban hành". */
    steps: (v: unknown) =>
      (Array.isArray(v) ? v : [])
        .map((k) => tr(`outgoingPage.stepKind.${String(k)}`, String(k)))
        .join(" → "),
    orgName: (v: unknown) => str(obj(v).name) ?? t("audit.values.noParent"),
    recordName(): string {
      const name =
        e.record?.name ??
        str(e.data.fullName) ??
        str(e.data.username) ??
        str(e.data.name) ??
        `#${e.entityId.slice(0, 8)}`;
      return shorten(name, MAX_NAME);
    },
    /** An edit: one change as its own sentence, several listed after the record. */
    edit(key: string): Built {
      const changes = Object.entries(obj(e.data.changes))
        .filter(([field]) => field !== "version")
        .map(([field, c]) => ({
          field: tr(`audit.fields.${field}`, field),
          from: value(field, obj(c).from),
          to: value(field, obj(c).to),
        }));
      if (changes.length === 0) return null;
      if (changes.length === 1) return { key: "changedOne", values: changes[0]! };
      return {
        key,
        values: { changes: changes.map((c) => t("audit.change", c)).join("; ") },
      };
    },
  };
}

export const simple = (key: string) => () => ({ key });

/** A text the event may hold, and the ICU select saying whether it does: `{ name, hasName }`. */
export const optional = (name: string, v: unknown): Values => {
  const text = str(v);
  const has = `has${name[0]!.toUpperCase()}${name.slice(1)}`;
  return { [name]: text ? shorten(text, MAX_VALUE) : "", [has]: yes(Boolean(text)) };
};

/** The absent leader a delegate acted for, as the ICU select `onBehalf` ("no" when none). */
export const onBehalf = (e: { data: Record<string, unknown> }) => str(e.data.onBehalfOf) ?? "no";
