// An audit event as one sentence in the reader's language: who did what to which record, from
// what to what where the event's data says so. The messages hold one template per action
// (audit.sentences.*); each area's builders (sentences-*.ts) pick it and fill it from the event,
// and this file makes the sentence, the record's name its link.
import { auditActions, type AuditAction, type AuditEntityType } from "@/lib/audit-actions";
import {
  helpers,
  type Built,
  type Builder,
  type SentenceEvent,
  type Translate,
  type Values,
} from "./sentence-kit";
import { adminSentences } from "./sentences-admin";
import { documentSentences } from "./sentences-documents";
import { workSentences } from "./sentences-work";

export type { SentenceEvent, Translate } from "./sentence-kit";

/** A piece of the sentence; the record's name carries the link to its page. */
export type SentencePart = { text: string; href?: string };

export type AuditSentence = { parts: SentencePart[]; text: string; href: string | null };

export type SentenceContext = {
  t: Translate;
  /** Kinds of record whose admin page the reader may open (documents: each one says). */
  links: ReadonlySet<AuditEntityType>;
};

// Stands for the record in the formatted message, to be cut out and made a link.
const RECORD = "\uE000";

const builders: Record<AuditAction, Builder> = {
  ...documentSentences,
  ...workSentences,
  ...adminSentences,
};

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
