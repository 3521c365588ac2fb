import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addDays, vietnamToday } from "@/lib/dates";
import type { ClerkBox, InboxBox, InboxFilter, OutgoingBox } from "@/lib/schemas/inbox";
import { verifyAuditChain } from "@/server/audit/verify";
import { loadActor, type Actor } from "@/server/authz/actor";
import { listClerkBox, listInbox } from "@/server/inbox/boxes";
import { inboxCounters } from "@/server/inbox/counters";
import { freshDatabase } from "@/server/testing/test-db";
import { seedDemo } from "./demo";
import { seedDemoDocuments } from "./demo-documents";
import { seedDemoOutgoing } from "./demo-outgoing";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
const today = vietnamToday();

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  await seedDemoDocuments(db, { orgs, users });
  await seedDemoOutgoing(db, { orgs, users });
}, 300_000);

const as = async (username: string): Promise<Actor> =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

const inbox = async (username: string, box: InboxBox, filter: InboxFilter | null = null) =>
  (await listInbox(db, await as(username), { box, filter, limit: 100 })).items;

const clerkBox = async (username: string, box: ClerkBox) =>
  (await listClerkBox(db, await as(username), { box, limit: 100 })).items;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

describe("the demo ward's documents", () => {
  it("gives the clerk of Định Công documents at every stage", async () => {
    const toPresent = await clerkBox("vanthu.dc", "to_present");
    expect(toPresent.length).toBeGreaterThanOrEqual(4);
    // One has waited several days: the clerk should see that it is late to be presented.
    expect(toPresent.some((d) => d.arrivalDate! <= addDays(today, -3))).toBe(true);
    expect((await clerkBox("vanthu.dc", "at_leader")).length).toBeGreaterThanOrEqual(7);
    expect(await clerkBox("vanthu.dc", "returned")).toHaveLength(1);
    expect((await clerkBox("vanthu.dc", "in_progress")).length).toBeGreaterThanOrEqual(8);
    expect((await clerkBox("vanthu.dc", "completed")).length).toBeGreaterThanOrEqual(8);
    expect(await clerkBox("vanthu.dc", "returned_to_sender")).toHaveLength(1);
  });

  it("has the chair directing, urgent ones first, and reviewing a result", async () => {
    const toDirect = await inbox("chutich.dc", "to_direct");
    expect(toDirect.length).toBeGreaterThanOrEqual(5);
    const urgent = toDirect.filter((d) => d.urgency !== "normal");
    expect(urgent.length).toBeGreaterThanOrEqual(2);
    expect(toDirect[0]!.urgency).toBe("flash");
    expect(toDirect.some((d) => d.confidentiality !== "normal")).toBe(true);
    expect((await inbox("chutich.dc", "to_review")).length).toBeGreaterThanOrEqual(1);
    expect((await inbox("chutich.dc", "handled")).length).toBeGreaterThanOrEqual(10);
  });

  it("has the vice-chair directing and reading copies for information", async () => {
    expect((await inbox("phochutich.dc", "to_direct")).length).toBeGreaterThanOrEqual(2);
    const counters = await inboxCounters(db, await as("phochutich.dc"));
    expect(counters.infoUnread).toBeGreaterThanOrEqual(4);
    const info = await inbox("phochutich.dc", "info");
    expect(info.some((d) => d.box === "info_read")).toBe(true);
    expect((await inbox("phochutich.dc", "handled")).length).toBeGreaterThanOrEqual(2);
  });

  it("has both units handling, with results to review", async () => {
    for (const head of ["truongphong.kt", "truongphong.vhxh"]) {
      expect((await inbox(head, "to_handle")).length).toBeGreaterThanOrEqual(1);
      expect((await inbox(head, "to_review")).length).toBeGreaterThanOrEqual(1);
      expect((await inbox(head, "handled")).length).toBeGreaterThanOrEqual(4);
    }
    for (const specialist of ["chuyenvien.kt", "chuyenvien.vhxh"]) {
      expect((await inbox(specialist, "to_handle")).length).toBeGreaterThanOrEqual(3);
      expect((await inbox(specialist, "handled")).length).toBeGreaterThanOrEqual(4);
    }
    const sentBack = await inbox("chuyenvien.vhxh", "to_handle", "returned");
    expect(sentBack).toHaveLength(1);
  });

  it("has overdue work and work due within three days", async () => {
    let overdue = 0;
    let dueSoon = 0;
    for (const name of ["chuyenvien.kt", "chuyenvien.vhxh", "truongphong.kt"]) {
      const counters = await inboxCounters(db, await as(name));
      overdue += counters.overdue;
      dueSoon += counters.dueSoon;
    }
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(dueSoon).toBeGreaterThanOrEqual(3);
    const overdueItems = await inbox("chuyenvien.kt", "to_handle", "overdue");
    expect(overdueItems.every((d) => d.deadline! < today)).toBe(true);
    // The document, its parts and its people agree on a deadline moved into the past.
    const disagree = await rows(sql`select d.id from document d
      join assignment a on a.document_id = d.id and a.role = 'lead' and a.status <> 'withdrawn'
      where d.deadline < ${today}::date and a.deadline is distinct from d.deadline`);
    expect(disagree).toEqual([]);
  });

  it("has a pending extension request and late completions", async () => {
    const [ext] = await rows<{ n: number }>(
      sql`select count(*)::int as n from extension_request where status = 'pending'`,
    );
    expect(ext!.n).toBe(1);
    const [late] = await rows<{ n: number }>(sql`select count(*)::int as n from document
      where status = 'completed' and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date > deadline`);
    expect(late!.n).toBeGreaterThanOrEqual(3);
    const [onTime] = await rows<{ n: number }>(sql`select count(*)::int as n from document
      where status = 'completed' and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline`);
    expect(onTime!.n).toBeGreaterThanOrEqual(3);
  });

  it("uses every status a registered document can have", async () => {
    const statuses = await rows<{ status: string }>(
      sql`select distinct status from document
          where organisation_id = ${orgs.dinhcong} and direction = 'incoming'`,
    );
    // `received` is an electronic arrival not yet registered, which only the exchange creates.
    expect(statuses.map((s) => s.status).sort()).toEqual(
      [
        "completed",
        "in_progress",
        "presented",
        "registered",
        "returned",
        "returned_to_sender",
      ].sort(),
    );
  });

  it("spreads the documents over four weeks, numbered in order of arrival", async () => {
    const docs = await rows<{ number: number; at: string; arrival: string }>(sql`
      select d.registry_number as number, d.registered_at::text as at, d.arrival_date::text as arrival
      from document d join registry r on r.id = d.registry_id
      where d.organisation_id = ${orgs.dinhcong} and r.kind = 'incoming'
      order by d.registry_number`);
    expect(docs.length).toBeGreaterThanOrEqual(30);
    for (let i = 1; i < docs.length; i++) {
      expect(Date.parse(docs[i]!.at)).toBeGreaterThanOrEqual(Date.parse(docs[i - 1]!.at));
    }
    expect(docs[0]!.arrival <= addDays(today, -25)).toBe(true);
    expect(docs.at(-1)!.arrival >= addDays(today, -1)).toBe(true);
    // Each step of a document's history comes after its registration, in order, before now.
    const disorder = await rows(sql`select e.id from document_event e
      join document d on d.id = e.document_id
      where e.created_at < d.registered_at or e.created_at > now()
        or exists (select 1 from document_event f where f.document_id = e.document_id
          and f.id > e.id and f.created_at < e.created_at)`);
    expect(disorder).toEqual([]);
  });

  it("keeps a main PDF per incoming document whose text can be searched", async () => {
    const [files] = await rows<{ docs: number; searchable: number }>(sql`
      select count(distinct f.document_id)::int as docs,
        count(*) filter (where b.text_content ilike '%' || left(d.code_number, 4) || '%')::int as searchable
      from document_file f join file_blob b on b.sha256 = f.sha256
      join document d on d.id = f.document_id where f.kind = 'main'`);
    const [all] = await rows<{ n: number }>(
      sql`select count(*)::int as n from document where direction = 'incoming'`,
    );
    expect(files!.docs).toBe(all!.n);
    expect(files!.searchable).toBe(all!.n);
  });

  it("gives Hoàng Liệt a handful too", async () => {
    expect((await clerkBox("vanthu.hl", "to_present")).length).toBeGreaterThanOrEqual(2);
    expect((await inbox("chutich.hl", "to_direct")).length).toBeGreaterThanOrEqual(2);
    expect(await clerkBox("vanthu.hl", "returned_to_sender")).toHaveLength(1);
  });

  it("leaves the audit chains whole", async () => {
    for (const key of ["dinhcong", "hoangliet"]) {
      const report = await verifyAuditChain(db, orgs[key]!);
      expect(report.ok).toBe(true);
      expect(report.events).toBeGreaterThan(key === "dinhcong" ? 150 : 8);
    }
  });

  it("gives the outgoing road a document at each place: drafting, review, returned, format check, two to sign", async () => {
    const outgoing = async (username: string, box: OutgoingBox) =>
      (await listInbox(db, await as(username), { box, filter: null, limit: 100 })).items;
    expect(await outgoing("chuyenvien.vhxh", "drafting")).toHaveLength(1);
    expect(await outgoing("chuyenvien.vhxh", "draft_returned")).toHaveLength(1);
    expect(await outgoing("truongphong.kt", "draft_review")).toHaveLength(1);
    expect(await outgoing("vanthu.dc", "draft_review")).toHaveLength(1);
    expect(await outgoing("chutich.dc", "to_sign")).toHaveLength(2);
    // The one at the format check answers a letter the specialist handles; the letter shows it.
    const [reply] = await rows<{ answers: string | null }>(
      sql`select answers_document_id as answers from outgoing_draft d join document o on o.id = d.document_id
          where o.subject like 'báo cáo kết quả rà soát các điểm ngập úng%'`,
    );
    expect(reply?.answers).toBeTruthy();
  });
});
