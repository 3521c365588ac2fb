// An audit event as one sentence in the reader's language: who did what to which record, from
// what to what where the event's data says so. The one place sentences are made; the messages
// hold one template per action (audit.sentences.*), this file only picks the template and fills
// it from the event.
import { formatDate } from "@/components/documents/document-format";
import {
  auditActions,
  type AuditAction,
  type AuditEntityType,
  type AuditRecord,
} from "@/lib/audit-actions";
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

/** A piece of the sentence; the record's name carries the link to its page. */
export type SentencePart = { text: string; href?: string };

export type AuditSentence = { parts: SentencePart[]; text: string; href: string | null };

export type SentenceContext = {
  t: Translate;
  /** Kinds of record whose admin page the reader may open (documents: each one says). */
  links: ReadonlySet<AuditEntityType>;
};

type Values = Record<string, string | number>;
type Built = { key: string; values?: Values } | null;
type Builder = (e: SentenceEvent, h: Helpers) => Built;

// Stands for the record in the formatted message, to be cut out and made a link.
const RECORD = "\uE000";
const MAX_NAME = 120;
const MAX_VALUE = 80;

/** The sentence for one event. Unknown actions, and known ones with too little data, get a generic one. */
export function auditSentence(event: SentenceEvent, { t, links }: SentenceContext): AuditSentence {
  const h = helpers(event, t);
  const actor = event.actorName ?? t("audit.system");
  const known = event.action in auditActions ? (event.action as AuditAction) : null;
  let built: Built;
  if (event.redacted) {
    built = { key: "redacted", values: { action: h.actionLabel() } };
  } else {
    built = (known && builders[known](event, h)) || {
      key: "generic",
      values: { action: h.actionLabel(), entity: h.noun() },
    };
  }
  const text = t(`audit.sentences.${built.key}`, {
    ...clean(built.values ?? {}),
    actor: clean({ actor }).actor!,
    record: RECORD,
  });
  const href = event.redacted ? null : hrefFor(event, links);
  const name = clean({ name: h.recordName() }).name as string;
  const pieces = text.split(RECORD);
  const parts: SentencePart[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) parts.push(href ? { text: name, href } : { text: name });
    if (piece) parts.push({ text: piece });
  });
  return { parts, text: parts.map((p) => p.text).join(""), href };
}

const adminPages: Partial<Record<AuditEntityType, string>> = {
  unit: "/admin/units",
  registry: "/admin/registries",
  routeTemplate: "/admin/route-templates",
  organisation: "/admin/organisations",
  certificate: "/admin/signing",
  trustAnchor: "/admin/signing?tab=anchors",
  exchangePeer: "/admin/exchange",
};

function hrefFor(e: SentenceEvent, links: ReadonlySet<AuditEntityType>): string | null {
  if (!e.record) return null;
  if (e.entityType === "document") return e.record.openable ? `/documents/${e.entityId}` : null;
  if (!links.has(e.entityType as AuditEntityType)) return null;
  if (e.entityType === "user") {
    // The users page opens already searched for the person.
    return e.record.username
      ? `/admin/users?q=${encodeURIComponent(e.record.username)}`
      : "/admin/users";
  }
  return adminPages[e.entityType as AuditEntityType] ?? null;
}

/** Values are the organisation's own text: the stand-in for the record must not occur in them. */
function clean(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === "string" ? v.replaceAll(RECORD, "") : v,
    ]),
  );
}

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : typeof v === "number" ? v : 0);
const yes = (b: boolean) => (b ? "yes" : "no");
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

type Helpers = ReturnType<typeof helpers>;

function helpers(e: SentenceEvent, t: Translate) {
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

/** Directions name the lead, the co-handlers and the deadline. */
function direction(e: SentenceEvent, h: Helpers): Values {
  const lead = obj(e.data.lead);
  const co = (Array.isArray(e.data.co) ? e.data.co : [])
    .map((c) => str(obj(c).name))
    .filter(Boolean);
  const deadline = h.day(lead.deadline);
  return {
    lead: str(lead.name) ?? "",
    hasLead: yes(Boolean(str(lead.name))),
    deadline: deadline ?? "",
    hasDeadline: yes(Boolean(deadline)),
    co: co.join(", "),
    hasCo: yes(co.length > 0),
  };
}

const simple = (key: string) => () => ({ key });

/** A text the event may hold, and the ICU select saying whether it does: `{ name, hasName }`. */
const optional = (name: string, v: unknown): Values => {
  const text = str(v);
  const has = `has${name[0]!.toUpperCase()}${name.slice(1)}`;
  return { [name]: text ? shorten(text, MAX_VALUE) : "", [has]: yes(Boolean(text)) };
};

/**
 * A task's edit as its parts: each field from its old to its new value (days as dd/MM/yyyy,
 * priorities in words), the description edited, people and documents added or removed.
 */
function taskEditChanges(e: SentenceEvent, h: Helpers): string[] {
  const t = h.t;
  const out: string[] = [];
  const shown = (field: string, v: unknown) => {
    if (field === "startDate" || field === "deadline") return h.day(v) ?? t("audit.values.empty");
    if (field === "priority") return h.tr(`tasksUi.priority.${String(v)}`, String(v));
    return str(v) ? shorten(v as string, MAX_VALUE) : t("audit.values.empty");
  };
  for (const [field, c] of Object.entries(obj(e.data.changes))) {
    if (!["title", "startDate", "deadline", "priority"].includes(field)) continue;
    out.push(
      t("audit.change", {
        field: t(`audit.taskEdit.${field}`),
        from: shown(field, obj(c).from),
        to: shown(field, obj(c).to),
      }),
    );
  }
  if (e.data.description === true) out.push(t("audit.taskEdit.description"));
  for (const side of ["added", "removed"] as const) {
    for (const [what, names] of Object.entries(obj(e.data[side]))) {
      if (!["co", "watchers", "documents"].includes(what)) continue;
      const list = (Array.isArray(names) ? names : []).filter((n) => str(n));
      if (list.length === 0) continue;
      out.push(
        t(`audit.taskEdit.${side}`, {
          what: t(`audit.taskEdit.${what}`),
          names: shorten(list.join(", "), MAX_VALUE),
        }),
      );
    }
  }
  return out;
}

/** The absent leader a delegate acted for, as the ICU select `onBehalf` ("no" when none). */
const onBehalf = (e: { data: Record<string, unknown> }) => str(e.data.onBehalfOf) ?? "no";

const builders: Record<AuditAction, Builder> = {
  "incoming.registered": (e) => {
    const n = typeof e.data.registryNumber === "number" ? e.data.registryNumber : e.record?.number;
    return {
      key: "incoming.registered",
      values: { number: n ?? "", hasNumber: yes(typeof n === "number") },
    };
  },
  "incoming.presented": (e) => ({
    key: "incoming.presented",
    values: { leader: str(e.data.leader) ?? "", hasLeader: yes(Boolean(str(e.data.leader))) },
  }),
  "incoming.directed": (e, h) => ({ key: "incoming.directed", values: direction(e, h) }),
  "incoming.redirected": (e, h) => ({ key: "incoming.redirected", values: direction(e, h) }),
  "incoming.assignedToSpecialist": (e, h) => {
    const deadline = h.day(e.data.deadline);
    return {
      key: "incoming.assignedToSpecialist",
      values: {
        specialist: str(e.data.specialist) ?? "",
        hasSpecialist: yes(Boolean(str(e.data.specialist))),
        deadline: deadline ?? "",
        hasDeadline: yes(Boolean(deadline)),
      },
    };
  },
  "incoming.noted": simple("incoming.noted"),
  "incoming.extensionRequested": (e, h) => {
    // Before statuses had keys of their own, `from` and `to` held statuses, not days.
    const from = h.day(e.data.from);
    const to = h.day(e.data.to);
    return {
      key: "incoming.extensionRequested",
      values: { from: from ?? "", to: to ?? "", hasDates: yes(Boolean(from && to)) },
    };
  },
  "incoming.extensionApproved": (e, h) => {
    const granted = h.day(e.data.granted);
    return {
      key: "incoming.extensionApproved",
      values: { granted: granted ?? "", hasGranted: yes(Boolean(granted)) },
    };
  },
  "incoming.extensionRefused": simple("incoming.extensionRefused"),
  "incoming.partCompleted": (e) => ({
    key: "incoming.partCompleted",
    values: { role: String(e.data.role ?? ""), late: yes(e.data.late === true) },
  }),
  "incoming.completed": (e) => ({
    key: "incoming.completed",
    values: { late: yes(e.data.late === true) },
  }),
  "incoming.partReturned": (e) => ({
    key: "incoming.partReturned",
    values: { to: e.data.to === "unit_head" || e.data.to === "leader" ? e.data.to : "none" },
  }),
  "incoming.returned": simple("incoming.returned"),
  "incoming.returnedToSender": (e) => ({
    key: "incoming.returnedToSender",
    values: { issuer: str(e.data.issuer) ?? "", hasIssuer: yes(Boolean(str(e.data.issuer))) },
  }),
  "incoming.read": simple("incoming.read"),
  "incoming.recallAccepted": simple("incoming.recallAccepted"),
  "incoming.recallRefused": simple("incoming.recallRefused"),
  "outgoing.recallRequested": simple("outgoing.recallRequested"),
  "incoming.arrived": (e) => ({
    key: "incoming.arrived",
    values: { issuer: str(e.data.issuer) ?? "" },
  }),
  "incoming.resultSubmitted": (e) => ({
    key: "incoming.resultSubmitted",
    values: { role: String(e.data.role ?? ""), late: yes(e.data.late === true) },
  }),
  "incoming.resultAccepted": (e) => ({
    key: "incoming.resultAccepted",
    values: { role: String(e.data.role ?? ""), onBehalf: onBehalf(e) },
  }),
  "incoming.resultSentBack": (e) => ({
    key: "incoming.resultSentBack",
    values: { role: String(e.data.role ?? ""), onBehalf: onBehalf(e) },
  }),
  "incoming.directionWithdrawn": (e) => ({
    key: "incoming.directionWithdrawn",
    values: { onBehalf: onBehalf(e) },
  }),
  "incoming.forwarded": (e) => ({
    key: "incoming.forwarded",
    values: { to: Array.isArray(e.data.to) ? (e.data.to as string[]).join(", ") : "" },
  }),

  "outgoing.drafted": simple("outgoing.drafted"),
  "outgoing.draftSaved": (e) => ({
    key: "outgoing.draftSaved",
    values: {
      version: String(e.data.version ?? ""),
      restarted: yes(e.data.restarted !== undefined),
    },
  }),
  "outgoing.sentOnRoute": simple("outgoing.sentOnRoute"),
  "outgoing.reviewMarked": simple("outgoing.reviewMarked"),
  "outgoing.formatChecked": simple("outgoing.formatChecked"),
  "outgoing.returnedToDrafter": simple("outgoing.returnedToDrafter"),
  "outgoing.returnedToStep": (e) => ({
    key: "outgoing.returnedToStep",
    values: { step: String(e.data.step ?? "") },
  }),
  "outgoing.draftRefused": simple("outgoing.draftRefused"),
  "outgoing.draftCommented": simple("outgoing.draftCommented"),
  "outgoing.signatureRequested": simple("outgoing.signatureRequested"),
  "outgoing.signed": simple("outgoing.signed"),
  "outgoing.issued": (e) => ({
    key: "outgoing.issued",
    values: { number: str(e.data.number) ?? "", hasNumber: yes(Boolean(str(e.data.number))) },
  }),

  "user.created": (e, h) => {
    const unit = str(e.data.unitId) ? e.unitNames[e.data.unitId as string] : undefined;
    return {
      key: "user.created",
      values: {
        username: str(e.data.username) ?? "",
        hasUsername: yes(Boolean(str(e.data.username))),
        roles: h.roles(e.data.roles),
        hasRoles: yes(count(e.data.roles) > 0),
        unit: unit ?? "",
        hasUnit: yes(Boolean(unit)),
      },
    };
  },
  "user.updated": (_e, h) => h.edit("user.updated"),
  "user.reactivated": simple("user.reactivated"),
  "user.deactivated": simple("user.deactivated"),
  "user.passwordReset": (e) => ({
    key: "user.passwordReset",
    values: { wasLocked: yes(e.data.wasLocked === true) },
  }),
  "user.passwordChanged": simple("user.passwordChanged"),

  "unit.created": (e) => ({
    key: "unit.created",
    values: {
      shortName: str(e.data.shortName) ?? "",
      hasShortName: yes(Boolean(str(e.data.shortName))),
    },
  }),
  "unit.updated": (_e, h) => h.edit("unit.updated"),
  "unit.reactivated": simple("unit.reactivated"),
  "unit.deactivated": simple("unit.deactivated"),

  "registry.created": (e, h) => ({
    key: "registry.created",
    values: { kind: h.kind(e.data.kind), automatic: yes(e.data.automatic === true) },
  }),
  "registry.updated": (_e, h) => h.edit("registry.updated"),
  "registry.defaultChosen": (e, h) => ({
    key: "registry.defaultChosen",
    values: { kind: h.kind(e.data.kind) },
  }),

  "routeTemplate.created": (e, h) => ({
    key: "routeTemplate.created",
    values: { steps: h.steps(e.data.steps), hasSteps: yes(count(e.data.steps) > 0) },
  }),
  "routeTemplate.updated": (e, h) => {
    const name = obj(obj(e.data.changes).name);
    const from = str(name.from);
    return {
      key: "routeTemplate.updated",
      values: {
        from: from ? shorten(from, MAX_VALUE) : "",
        renamed: yes(Boolean(from)),
        steps: h.steps(e.data.steps),
        hasSteps: yes(count(e.data.steps) > 0),
      },
    };
  },
  "routeTemplate.deactivated": simple("routeTemplate.deactivated"),

  "meeting.created": simple("meeting.created"),
  "meeting.updated": simple("meeting.updated"),
  "meeting.cancelled": simple("meeting.cancelled"),
  "meeting.occurrenceCancelled": simple("meeting.occurrenceCancelled"),
  "meeting.occurrenceMoved": simple("meeting.occurrenceMoved"),
  "meeting.accepted": simple("meeting.accepted"),
  "meeting.declined": simple("meeting.declined"),
  "room.created": simple("room.created"),
  "room.updated": simple("room.updated"),
  "room.reserved": simple("room.reserved"),
  "room.reservationCancelled": simple("room.reservationCancelled"),

  "recipientGroup.created": (e) => ({
    key: "recipientGroup.created",
    values: { members: count(e.data.members) },
  }),
  "recipientGroup.updated": (e) => {
    const from = str(obj(obj(e.data.changes).name).from);
    const names = (v: unknown) =>
      shorten((Array.isArray(v) ? v : []).filter((n) => str(n)).join(", "), MAX_VALUE);
    return {
      key: "recipientGroup.updated",
      values: {
        from: from ? shorten(from, MAX_VALUE) : "",
        renamed: yes(Boolean(from)),
        added: names(e.data.added),
        hasAdded: yes(count(e.data.added) > 0),
        removed: names(e.data.removed),
        hasRemoved: yes(count(e.data.removed) > 0),
      },
    };
  },
  "recipientGroup.deleted": simple("recipientGroup.deleted"),

  "task.created": simple("task.created"),
  "task.createdFromDirection": simple("task.createdFromDirection"),
  "task.started": simple("task.started"),
  "task.handedOver": (e) => ({ key: "task.handedOver", values: { lead: str(e.data.lead) ?? "" } }),
  "task.progressReported": (e) => ({
    key: "task.progressReported",
    values: { percent: typeof e.data.percent === "number" ? e.data.percent : 0 },
  }),
  "task.reportApproved": (e) => ({
    key: "task.reportApproved",
    values: { percent: typeof e.data.percent === "number" ? e.data.percent : 0 },
  }),
  "task.reportReturned": simple("task.reportReturned"),
  "task.extensionRequested": (e, h) => ({
    key: "task.extensionRequested",
    values: { to: h.day(e.data.to) ?? "" },
  }),
  "task.extensionApproved": (e, h) => ({
    key: "task.extensionApproved",
    values: { to: h.day(e.data.to) ?? "" },
  }),
  "task.extensionRefused": simple("task.extensionRefused"),
  "task.extended": (e, h) => ({ key: "task.extended", values: { to: h.day(e.data.to) ?? "" } }),
  "task.completed": simple("task.completed"),
  "task.cancelled": simple("task.cancelled"),
  "task.reopened": simple("task.reopened"),
  "task.commented": simple("task.commented"),
  "task.edited": (e, h) => {
    const changes = taskEditChanges(e, h);
    return {
      key: "task.edited",
      values: { changes: changes.join("; "), hasChanges: yes(changes.length > 0) },
    };
  },
  "task.filesAdded": (e) => {
    const files = (Array.isArray(e.data.files) ? e.data.files : []).filter((f) => str(f));
    return {
      key: "task.filesAdded",
      values: {
        count: files.length,
        files: shorten(files.join(", "), MAX_VALUE),
        hasFiles: yes(files.length > 0),
      },
    };
  },
  "task.fileRemoved": (e) => ({
    key: "task.fileRemoved",
    values: optional("file", e.data.fileName),
  }),
  "user.passwordResetRequested": simple("user.passwordResetRequested"),
  "user.passwordResetByMail": simple("user.passwordResetByMail"),
  "user.mailSettingsChanged": simple("user.mailSettingsChanged"),
  "notice.drafted": simple("notice.drafted"),
  "notice.draftSaved": simple("notice.draftSaved"),
  "notice.published": (e) => ({
    key: "notice.published",
    values: { recipients: count(e.data.recipients) },
  }),
  "notice.withdrawn": simple("notice.withdrawn"),
  "notice.confirmed": simple("notice.confirmed"),
  "notice.reminded": (e) => ({
    key: "notice.reminded",
    values: { reminded: count(e.data.reminded) },
  }),

  "organisation.created": (e) => ({
    key: "organisation.created",
    values: { code: str(e.data.code) ?? "", hasCode: yes(Boolean(str(e.data.code))) },
  }),
  "organisation.updated": (_e, h) => h.edit("organisation.updated"),
  "organisation.moved": (e, h) => ({
    key: "organisation.moved",
    values: {
      from: h.orgName(e.data.from),
      to: h.orgName(e.data.to),
      hasTo: yes(Boolean(str(obj(e.data.to).name))),
      merge: yes(e.data.because === "merge"),
    },
  }),
  "organisation.closed": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.closed",
      values: {
        date: date ?? "",
        hasDate: yes(Boolean(date)),
        reason: str(e.data.reason) ? shorten(e.data.reason as string, MAX_VALUE) : "",
        hasReason: yes(Boolean(str(e.data.reason))),
      },
    };
  },
  "organisation.merged": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.merged",
      values: { into: h.orgName(e.data.into), date: date ?? "", hasDate: yes(Boolean(date)) },
    };
  },
  "organisation.absorbed": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.absorbed",
      values: {
        date: date ?? "",
        hasDate: yes(Boolean(date)),
        users: count(e.data.users),
        units: count(e.data.units),
      },
    };
  },
  "signing.certificateIssued": (e) => ({
    key: "signing.certificateIssued",
    values: { seal: yes(e.data.purpose === "seal"), ...optional("serial", e.data.serial) },
  }),
  "signing.certificateRenewed": (e) => ({
    key: "signing.certificateRenewed",
    values: optional("serial", e.data.serial),
  }),
  "signing.certificateRevoked": (e) => ({
    key: "signing.certificateRevoked",
    values: optional("reason", e.data.reason),
  }),
  "signing.certificateImported": (e) => ({
    key: "signing.certificateImported",
    values: { ...optional("issuer", e.data.issuer), pending: yes(e.data.anchor === "pending") },
  }),
  "signing.trustAnchorApproved": simple("signing.trustAnchorApproved"),
  "signing.trustAnchorRefused": simple("signing.trustAnchorRefused"),
  "signing.signatureImageSet": (e) => ({
    key: "signing.signatureImageSet",
    values: { drawn: yes(e.data.source === "drawn") },
  }),
  "signing.sealImageSet": (e) => ({
    key: "signing.sealImageSet",
    values: { generated: yes(e.data.source === "generated") },
  }),
  "exchange.peerAdded": (e) => ({
    key: "exchange.peerAdded",
    values: { ...optional("url", e.data.url), hosts: count(e.data.hosts) },
  }),
  "exchange.peerChanged": (e) => ({
    key: "exchange.peerChanged",
    values: { ...optional("url", e.data.url), hosts: count(e.data.hosts) },
  }),
  "exchange.retried": (e) => ({
    key: "exchange.retried",
    values: { status: yes(e.data.kind === "status") },
  }),
  "calendar.feedCreated": (e) => ({
    key: "calendar.feedCreated",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "calendar.feedRenewed": (e) => ({
    key: "calendar.feedRenewed",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "calendar.feedRevoked": (e) => ({
    key: "calendar.feedRevoked",
    values: { schedule: yes(e.data.scope === "schedule") },
  }),
  "schedule.created": simple("schedule.created"),
  "schedule.entryAdded": (e) => ({
    key: "schedule.entryAdded",
    values: {
      content: shorten(str(e.data.content) ?? "", MAX_VALUE),
      after: yes(e.data.afterPublication === true),
    },
  }),
  "schedule.entryEdited": (e) => ({
    key: "schedule.entryEdited",
    values: {
      content: shorten(str(e.data.content) ?? "", MAX_VALUE),
      after: yes(e.data.afterPublication === true),
    },
  }),
  "schedule.entryRemoved": (e) => ({
    key: "schedule.entryRemoved",
    values: { content: shorten(str(e.data.content) ?? "", MAX_VALUE) },
  }),
  "schedule.entryCancelled": (e) => ({
    key: "schedule.entryCancelled",
    values: { content: shorten(str(e.data.content) ?? "", MAX_VALUE) },
  }),
  "schedule.copiedPreviousWeek": (e) => ({
    key: "schedule.copiedPreviousWeek",
    values: { entries: count(e.data.entries) },
  }),
  "schedule.submitted": simple("schedule.submitted"),
  "schedule.published": simple("schedule.published"),
  "schedule.returned": (e) => ({
    key: "schedule.returned",
    values: { reason: shorten(str(e.data.reason) ?? "", MAX_VALUE) },
  }),
  "demo.seeded": (e) => ({
    key: "demo.seeded",
    values: { units: count(e.data.units), users: count(e.data.users) },
  }),
};
