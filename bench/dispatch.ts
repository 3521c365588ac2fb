// Issuing one document to a hundred organisations: how long until every recipient holds it
// (`bench dispatch-100`: the deliveries, the copies with their files, their histories, their
// audit chains and their clerks' bells, in the issuing transaction), beside the same rows
// inserted by raw SQL in one transaction. Then the sender's table of the hundred recipients
// (`bench delivery-status`) and the sender's list of documents sent (`bench sent-list`), measured
// like the lists, through tRPC.
import { randomBytes, randomInt } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type pg from "pg";
import type { Db } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { fileBlob } from "@/db/schema/files";
import { organisation } from "@/db/schema/org";
import { appUser, userRole } from "@/db/schema/users";
import { loadActor } from "@/server/authz/actor";
import { deliverIssued } from "@/server/delivery/deliver";
import { sentDocuments } from "@/server/delivery/sent";
import { deliveriesOf } from "@/server/delivery/status";
import { capturingDb, percentile, type Measurement, type Result } from "./measure";

const RECIPIENTS = 100;
/** The recipients' codes: 900.01.01.H26 to 999.01.01.H26, wards of Hoàng Mai. */
const CODE_SUFFIX = ".01.01.H26";

/** A hundred wards, each with its clerk; kept between runs with --keep. */
async function recipients(db: Db): Promise<{ organisationId: string; name: string }[]> {
  const existing = await db
    .select({ organisationId: organisation.id, name: organisation.name })
    .from(organisation)
    .where(like(organisation.code, `9__${CODE_SUFFIX}`));
  if (existing.length === RECIPIENTS) return existing;
  const [district] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.code, "000.00.28.H26"));
  const made = await db
    .insert(organisation)
    .values(
      Array.from({ length: RECIPIENTS }, (_, i) => ({
        code: `9${String(i).padStart(2, "0")}${CODE_SUFFIX}`,
        name: `Ủy ban nhân dân phường Thử nghiệm ${i + 1}`,
        shortName: "UBND",
        level: "commune" as const,
        parentId: district?.id ?? null,
      })),
    )
    .returning({ organisationId: organisation.id, name: organisation.name });
  const clerks = await db
    .insert(appUser)
    .values(
      made.map((o, i) => ({
        organisationId: o.organisationId,
        username: `vanthu.thunghiem${i + 1}`,
        fullName: `Văn thư phường Thử nghiệm ${i + 1}`,
        passwordHash: "bench-no-sign-in",
      })),
    )
    .returning({ id: appUser.id, organisationId: appUser.organisationId });
  await db.insert(userRole).values(
    clerks.map((c) => ({
      userId: c.id,
      organisationId: c.organisationId,
      role: "clerk" as const,
    })),
  );
  return made;
}

/** Issued công văn of Định Công, each with its signed file, none delivered yet. */
async function issuedDocuments(db: Db, count: number, createdById: string, organisationId: string) {
  const sha256 = randomBytes(32).toString("hex");
  // Numbers of their own each run: a kept dataset already holds the copies of earlier runs,
  // and a document is known at its recipient by its number, notation and date.
  const firstNumber = randomInt(100_000, 1_000_000) * 1000;
  await db
    .insert(fileBlob)
    .values({ sha256, size: 180_000, mimeType: "application/pdf", pageCount: 2 });
  const docs = await db
    .insert(document)
    .values(
      Array.from({ length: count }, (_, i) => ({
        organisationId,
        direction: "outgoing" as const,
        status: "issued" as const,
        documentType: "cong_van" as const,
        subject: `V/v triển khai kế hoạch chuyển đổi số năm 2027 (${i + 1})`,
        codeNumber: String(firstNumber + i),
        codeNotation: "UBND-VP",
        documentDate: "2026-12-01",
        issuerName: "Ủy ban nhân dân phường Định Công",
        issuerCode: "000.01.28.H26",
        signerName: "Nguyễn Đức Thắng",
        urgency: "normal" as const,
        confidentiality: "normal" as const,
        createdById,
      })),
    )
    .returning();
  await db.insert(documentFile).values(
    docs.map((d) => ({
      documentId: d.id,
      organisationId,
      sha256,
      fileName: "cong-van.pdf",
      kind: "main" as const,
      uploadedById: createdById,
    })),
  );
  return docs;
}

/** The same rows as a delivery to every recipient, written by hand in one statement. */
const RAW_DISPATCH = `
with r as (
  select unnest($2::uuid[]) as org, unnest($3::text[]) as name, unnest($4::uuid[]) as clerk
), copies as (
  insert into document (organisation_id, direction, status, received_via, document_type, subject,
    code_number, code_notation, document_date, issuer_organisation_id, issuer_name, issuer_code,
    signer_name, urgency, confidentiality, page_count, created_by_id)
  select r.org, 'incoming', 'received', 'exchange', d.document_type, d.subject, d.code_number,
    d.code_notation, d.document_date, d.organisation_id, d.issuer_name, d.issuer_code,
    d.signer_name, d.urgency, d.confidentiality, 2, $5
  from r, document d where d.id = $1
  returning id, organisation_id
), files as (
  insert into document_file (document_id, organisation_id, sha256, file_name, kind, uploaded_by_id)
  select c.id, c.organisation_id, f.sha256, f.file_name, f.kind, $5
  from copies c, document_file f where f.document_id = $1
), history as (
  insert into document_event (document_id, organisation_id, actor_id, actor_name, action, to_status, data)
  select c.id, c.organisation_id, $5, 'Ủy ban nhân dân phường Định Công', 'arrived', 'received',
    jsonb_build_object('issuer', 'Ủy ban nhân dân phường Định Công')
  from copies c
), audit as (
  insert into audit_event (organisation_id, seq, actor_id, actor_name, action, entity_type,
    entity_id, data, created_at, prev_hash, hash)
  select c.organisation_id, coalesce(h.seq, 0) + 1, $5, 'Văn thư', 'incoming.arrived', 'document',
    c.id::text, '{}'::jsonb, now(), coalesce(h.hash, ''), md5(c.id::text)
  from copies c left join audit_chain_head h on h.organisation_id = c.organisation_id
  returning organisation_id, seq, hash
), heads as (
  insert into audit_chain_head (organisation_id, seq, hash)
  select organisation_id, seq, hash from audit
  on conflict (organisation_id) do update set seq = excluded.seq, hash = excluded.hash
), bells as (
  insert into notification (organisation_id, user_id, kind, document_id, message_key, params)
  select c.organisation_id, r.clerk, 'documentArrived', c.id, 'documentArrived', '{}'::jsonb
  from copies c join r on r.org = c.organisation_id
), deliveries as (
  insert into delivery (document_id, organisation_id, recipient_organisation_id, recipient_name,
    incoming_document_id, status, status_at)
  select $1, d.organisation_id, c.organisation_id, r.name, c.id, 'arrived', now()
  from copies c join r on r.org = c.organisation_id, document d where d.id = $1
  returning id
)
insert into delivery_event (delivery_id, code, status, at)
select id, '01', 'arrived', now() from deliveries`;

/**
 * Takes away what dispatching to the test wards made: the issued documents, their deliveries and
 * the wards' copies, so that a kept dataset stays the size it was generated at. Before a run it
 * also clears what an interrupted run left. Their audit events stay: the log is append-only, and
 * they sit in the chains of the test wards alone.
 */
async function removeDispatched(pool: pg.Pool, wards: string[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ sent: string[] }>(
      `select coalesce(array_agg(distinct document_id), '{}') as sent
       from delivery where recipient_organisation_id = any($1::uuid[])`,
      [wards],
    );
    const { sent } = rows[0]!;
    await client.query(
      `delete from delivery_event where delivery_id in
         (select id from delivery where document_id = any($1::uuid[]))`,
      [sent],
    );
    await client.query("delete from delivery where document_id = any($1::uuid[])", [sent]);
    // The issued documents, and every document the wards hold: their copies.
    const gone = await client.query(
      "delete from document where id = any($1::uuid[]) or organisation_id = any($2::uuid[])",
      [sent, wards],
    );
    await client.query("commit");
    return gone.rowCount ?? 0;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

export async function benchDispatch(
  pool: pg.Pool,
  db: Db,
  options: { samples: number; warmup: number; cookie: string },
): Promise<{
  result: Result;
  status: Measurement;
  sent: Measurement;
  remove: () => Promise<number>;
}> {
  const to = await recipients(db);
  const wards = to.map((r) => r.organisationId);
  await removeDispatched(pool, wards);
  const [clerkRow] = await db
    .select({ id: appUser.id, epoch: appUser.sessionEpoch, organisationId: appUser.organisationId })
    .from(appUser)
    .where(eq(appUser.username, "vanthu.dc"));
  const clerk = (await loadActor(db, { userId: clerkRow!.id, sessionEpoch: clerkRow!.epoch }))!;
  const runs = options.warmup + options.samples;
  const ours = await issuedDocuments(db, runs, clerk.userId, clerk.organisationId);
  const raws = await issuedDocuments(db, runs, clerk.userId, clerk.organisationId);
  const clerks = await db
    .select({ id: appUser.id, organisationId: appUser.organisationId })
    .from(appUser)
    .innerJoin(userRole, and(eq(userRole.userId, appUser.id), eq(userRole.role, "clerk")))
    .where(like(appUser.username, "vanthu.thunghiem%"));
  const clerkOf = new Map(clerks.map((c) => [c.organisationId, c.id]));
  const recipientList = { organisations: to, outside: [] as string[] };
  const api = (i: number) =>
    db.transaction((tx) => deliverIssued(tx, clerk, ours[i]!, recipientList, new Date()));
  const raw = async (i: number) => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(RAW_DISPATCH, [
        raws[i]!.id,
        to.map((r) => r.organisationId),
        to.map((r) => r.name),
        to.map((r) => clerkOf.get(r.organisationId)!),
        clerk.userId,
      ]);
      await client.query("commit");
    } finally {
      client.release();
    }
  };
  const apiMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const { delivered } = await api(i);
    const a = performance.now() - t;
    if (delivered !== RECIPIENTS) throw new Error(`dispatch-100 delivered ${delivered} copies`);
    t = performance.now();
    await raw(i);
    const b = performance.now() - t;
    if (i >= options.warmup) {
      apiMs.push(a);
      baseMs.push(b);
    }
  }
  apiMs.sort((x, y) => x - y);
  baseMs.sort((x, y) => x - y);
  // Some 20,000 rows went into each of these tables: settled now, or autovacuum would work on
  // them while the next two lines are measured.
  await pool.query(
    `vacuum analyze document, document_file, document_event, audit_event, audit_chain_head,
      notification, delivery, delivery_event`,
  );
  const result: Result = {
    name: "dispatch-100",
    n: options.samples,
    p50: percentile(apiMs, 50),
    p95: percentile(apiMs, 95),
    baseP50: percentile(baseMs, 50),
    baseP95: percentile(baseMs, 95),
  };

  // The sender's table for the last one dispatched, as its page asks for it.
  const { db: capturing, take } = capturingDb(pool);
  const input = { documentId: ours.at(-1)!.id };
  await deliveriesOf(capturing, clerk, input.documentId);
  const status: Measurement = {
    name: "delivery-status",
    path: "delivery.list",
    input,
    cookie: options.cookie,
    statements: take(),
    check: (d) =>
      (d as unknown[]).length === RECIPIENTS ? null : "the table does not list every recipient",
  };

  // The clerk's "Đã gửi": the first page of its documents sent, each with its hundred recipients
  // counted by status.
  const sentInput = { filter: "all" as const, limit: 30 };
  await sentDocuments(capturing, clerk, sentInput);
  const sent: Measurement = {
    name: "sent-list",
    path: "delivery.sent",
    input: sentInput,
    cookie: options.cookie,
    statements: take(),
    check: (d) => {
      const items = (d as { items: { recipients: number }[] }).items;
      // Ours and the raw ones: two documents sent to a hundred for each run.
      return items.length === Math.min(30, 2 * runs) &&
        items.every((i) => i.recipients === RECIPIENTS)
        ? null
        : "the list does not show a page of documents sent to a hundred";
    },
  };
  return { result, status, sent, remove: () => removeDispatched(pool, wards) };
}
