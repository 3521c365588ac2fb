// Moves the demo documents back in time once the services have written them: every timestamp a
// step wrote is moved to the moment the step is meant to have happened, and placeholder deadlines
// to the past days they stand for. The audit chain is left as written: it is hash-chained and
// append-only (db/migrations/0002), so it keeps the times the demo was seeded at.
import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** One step as it ran (`from`..`to`, database clock) and when it is meant to have happened. */
export type ClockStep = { from: string; to: string; at: string };

/** A deadline given as `from` (a day ahead) that is really `to` (a day past). */
export type DeadlineRemap = { documentId: string; from: string; to: string };

/** Every timestamp the incoming workflow writes. */
const stamped: [table: string, column: string][] = [
  ["document", "registered_at"],
  ["document", "presented_at"],
  ["document", "completed_at"],
  ["document", "created_at"],
  ["document", "updated_at"],
  ["document_file", "created_at"],
  ["document_event", "created_at"],
  ["document_participant", "created_at"],
  ["document_participant", "updated_at"],
  ["assignment", "created_at"],
  ["assignment", "updated_at"],
  ["assignment", "submitted_at"],
  ["assignment", "completed_at"],
  ["extension_request", "created_at"],
  ["extension_request", "decided_at"],
  ["notification", "created_at"],
];

/** The deadline columns a placeholder may have been copied to. */
const deadlines: [table: string, column: string, documentColumn: string][] = [
  ["document", "deadline", "id"],
  ["document", "issuer_deadline", "id"],
  ["assignment", "deadline", "document_id"],
  ["document_participant", "deadline", "document_id"],
  ["extension_request", "current_deadline", "document_id"],
  ["extension_request", "requested_deadline", "document_id"],
];

export async function shiftTimeline(
  db: Db,
  input: { clock: ClockStep[]; remaps: DeadlineRemap[]; documentIds: string[] },
): Promise<void> {
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(input.documentIds)}::jsonb)::uuid)`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table demo_clock on commit drop as
      select * from jsonb_to_recordset(${JSON.stringify(input.clock)}::jsonb)
        as c("from" timestamptz, "to" timestamptz, "at" timestamptz)`);
    for (const [table, column] of stamped) {
      const t = sql.raw(table);
      const c = sql.raw(column);
      await tx.execute(sql`update ${t} x set ${c} = k."at" + (x.${c} - k."from")
        from demo_clock k where x.${c} between k."from" and k."to"`);
    }
    await tx.execute(sql`update document
      set arrival_date = (registered_at at time zone 'Asia/Ho_Chi_Minh')::date
      where id in ${ids}`);

    for (const r of input.remaps) {
      for (const [table, column, key] of deadlines) {
        await tx.execute(sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${r.to}::date
          where ${sql.raw(key)} = ${r.documentId} and ${sql.raw(column)} = ${r.from}::date`);
      }
      // The history and the notifications quote the deadlines they were given.
      await tx.execute(sql`update document_event
        set data = replace(data::text, ${r.from}, ${r.to})::jsonb
        where document_id = ${r.documentId}`);
      await tx.execute(sql`update notification
        set params = replace(params::text, ${r.from}, ${r.to})::jsonb
        where document_id = ${r.documentId}`);
    }
    // Whether a step came after the deadline was judged on the seeding day: judge it again.
    await tx.execute(sql`update document_event e set data = jsonb_set(e.data, '{late}', 'true')
      from document d
      where d.id = e.document_id and d.id in ${ids} and e.data->>'late' = 'false'
        and (e.created_at at time zone 'Asia/Ho_Chi_Minh')::date > d.deadline`);
    // Older notifications have been seen.
    await tx.execute(sql`update notification set read_at = created_at + interval '2 hours'
      where document_id in ${ids} and read_at is null and created_at < now() - interval '2 days'`);
  });
}
