import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { exchangePeer, organisation, unit } from "@/db/schema/org";
import { routeTemplate } from "@/db/schema/outgoing";
import { notice } from "@/db/schema/notices";
import { meeting, room } from "@/db/schema/meetings";
import { recipientGroup } from "@/db/schema/recipient-groups";
import { registry } from "@/db/schema/registry";
import { scheduleSheet } from "@/db/schema/schedule";
import { signingCertificate, trustAnchor } from "@/db/schema/signing";
import { task } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import type { AuditRecord } from "@/lib/audit-actions";
import { isUuid } from "@/lib/schemas/fields";
import type { Actor } from "../authz/actor";
import { visibleTo, withheldFrom } from "../incoming/visibility";

type EventRef = { entityType: string; entityId: string; data: Record<string, unknown> };

export type RecordLookup = {
  /** Records by `type:id`. */
  records: Map<string, AuditRecord>;
  /** Documents whose events show only who did what kind of thing, and when. */
  withheld: Set<string>;
  /** Names of the units an event's data refers to by id (a user's unit before and after). */
  unitNames: Map<string, string>;
};

export const recordKey = (type: string, id: string) => `${type}:${id}`;

const plain = (name: string): AuditRecord => ({
  name,
  number: null,
  username: null,
  openable: false,
});

/**
 * The records a page of events is about, as they are now, in one query per kind. The ids come
 * from the organisation's own chain, so naming them reveals nothing of another organisation
 * beyond what its events already say (a merged organisation, a person who moved with it).
 * Documents are the exception that needs the reader: a secret or restricted one the reader is
 * not on keeps its subject and number to itself, and only a document the reader may open gets
 * a link.
 */
export async function lookUpRecords(
  db: Db,
  actor: Actor,
  events: EventRef[],
): Promise<RecordLookup> {
  const ids = (type: string) => [
    ...new Set(
      events.filter((e) => e.entityType === type && isUuid(e.entityId)).map((e) => e.entityId),
    ),
  ];
  const unitIds = new Set([...ids("unit"), ...events.flatMap(unitIdsIn).filter(isUuid)]);
  const [
    documents,
    users,
    units,
    registries,
    templates,
    groups,
    organisations,
    certificates,
    peers,
    anchors,
    notices,
  ] = await Promise.all([
    whenAny(ids("document"), (list) =>
      db
        .select({
          id: document.id,
          subject: document.subject,
          number: document.registryNumber,
          withheld: sql<boolean>`${withheldFrom(actor)}`,
          openable: sql<boolean>`${visibleTo(actor)}`,
        })
        .from(document)
        .where(inArray(document.id, list)),
    ),
    whenAny(ids("user"), (list) =>
      db
        .select({ id: appUser.id, name: appUser.fullName, username: appUser.username })
        .from(appUser)
        .where(inArray(appUser.id, list)),
    ),
    whenAny([...unitIds], (list) =>
      db.select({ id: unit.id, name: unit.name }).from(unit).where(inArray(unit.id, list)),
    ),
    whenAny(ids("registry"), (list) =>
      db
        .select({ id: registry.id, name: registry.name })
        .from(registry)
        .where(inArray(registry.id, list)),
    ),
    whenAny(ids("routeTemplate"), (list) =>
      db
        .select({ id: routeTemplate.id, name: routeTemplate.name })
        .from(routeTemplate)
        .where(inArray(routeTemplate.id, list)),
    ),
    whenAny(ids("recipientGroup"), (list) =>
      db
        .select({ id: recipientGroup.id, name: recipientGroup.name })
        .from(recipientGroup)
        .where(inArray(recipientGroup.id, list)),
    ),
    whenAny(ids("organisation"), (list) =>
      db
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(inArray(organisation.id, list)),
    ),
    whenAny(ids("certificate"), (list) =>
      db
        .select({ id: signingCertificate.id, name: signingCertificate.subjectName })
        .from(signingCertificate)
        .where(inArray(signingCertificate.id, list)),
    ),
    whenAny(ids("exchangePeer"), (list) =>
      db
        .select({ id: exchangePeer.id, name: exchangePeer.name })
        .from(exchangePeer)
        .where(inArray(exchangePeer.id, list)),
    ),
    whenAny(ids("trustAnchor"), (list) =>
      db
        .select({ id: trustAnchor.id, name: trustAnchor.subjectName })
        .from(trustAnchor)
        .where(inArray(trustAnchor.id, list)),
    ),
    whenAny(ids("notice"), (list) =>
      db.select({ id: notice.id, name: notice.title }).from(notice).where(inArray(notice.id, list)),
    ),
  ]);

  const sheets = await whenAny(ids("scheduleSheet"), (list) =>
    db
      .select({
        id: scheduleSheet.id,
        year: scheduleSheet.year,
        week: scheduleSheet.week,
        unitName: unit.name,
      })
      .from(scheduleSheet)
      .leftJoin(unit, eq(unit.id, scheduleSheet.unitId))
      .where(inArray(scheduleSheet.id, list)),
  );
  const meetings = await whenAny(ids("meeting"), (list) =>
    db
      .select({ id: meeting.id, name: meeting.title })
      .from(meeting)
      .where(inArray(meeting.id, list)),
  );
  const rooms = await whenAny(ids("room"), (list) =>
    db.select({ id: room.id, name: room.name }).from(room).where(inArray(room.id, list)),
  );
  const tasks = await whenAny(ids("task"), (list) =>
    db.select({ id: task.id, name: task.title }).from(task).where(inArray(task.id, list)),
  );
  const records = new Map<string, AuditRecord>();
  const withheld = new Set<string>();
  for (const d of documents) {
    if (d.withheld) withheld.add(d.id);
    else
      records.set(recordKey("document", d.id), {
        name: d.subject,
        number: d.number,
        username: null,
        openable: d.openable,
      });
  }
  for (const u of users)
    records.set(recordKey("user", u.id), { ...plain(u.name), username: u.username });
  for (const u of units) records.set(recordKey("unit", u.id), plain(u.name));
  for (const r of registries) records.set(recordKey("registry", r.id), plain(r.name));
  for (const r of templates) records.set(recordKey("routeTemplate", r.id), plain(r.name));
  for (const g of groups) records.set(recordKey("recipientGroup", g.id), plain(g.name));
  for (const o of organisations) records.set(recordKey("organisation", o.id), plain(o.name));
  for (const c of certificates) records.set(recordKey("certificate", c.id), plain(c.name));
  for (const a of anchors) records.set(recordKey("trustAnchor", a.id), plain(a.name));
  for (const p of peers) records.set(recordKey("exchangePeer", p.id), plain(p.name));
  for (const n of notices) records.set(recordKey("notice", n.id), plain(n.name));
  for (const w of sheets) {
    const name = `${w.week}/${w.year}${w.unitName ? ` – ${w.unitName}` : ""}`;
    records.set(recordKey("scheduleSheet", w.id), plain(name));
  }
  for (const t of tasks) records.set(recordKey("task", t.id), plain(t.name));
  for (const m of meetings) records.set(recordKey("meeting", m.id), plain(m.name));
  for (const r of rooms) records.set(recordKey("room", r.id), plain(r.name));
  return {
    records,
    withheld,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
  };
}

async function whenAny<T>(list: string[], query: (list: string[]) => Promise<T[]>): Promise<T[]> {
  return list.length === 0 ? [] : query(list);
}

/** Unit ids in a user event's data: the unit given at creation, or both ends of a move. */
export function unitIdsIn(e: EventRef): string[] {
  if (e.entityType !== "user") return [];
  const changes = e.data.changes as Record<string, { from?: unknown; to?: unknown }> | undefined;
  const move = changes?.unitId;
  return [e.data.unitId, move?.from, move?.to].filter((v): v is string => typeof v === "string");
}
