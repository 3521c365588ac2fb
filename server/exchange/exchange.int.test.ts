import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document, documentFile } from "@/db/schema/documents";
import { assignment } from "@/db/schema/handling";
import { exchangeArrival, exchangeInbox, exchangeOutbox } from "@/db/schema/exchange";
import { exchangePeer } from "@/db/schema/org";
import { notification } from "@/db/schema/notify";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadVisibleDocument } from "../incoming/visibility";
import { applyIncomingAction } from "../incoming/workflow";
import { ensureAuthority } from "../signing/service/authority";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveKeys } from "../testing/outgoing-route";
import { connectDeployments, issueTo } from "../testing/two-deployments";
import { peerInput } from "@/lib/schemas/exchange";
import { drainOutbox, type RetryPolicy } from "./outbox";
import { listOutbox, listPeers, retryMessage, savePeer } from "./peers";
import { receiveMessage } from "./receive";

let A: WorkflowWorld;
let B: WorkflowWorld;
let peers: { peerOfA: string; peerOfB: string };
const fast: RetryPolicy = { baseSeconds: 1, maxSeconds: 60, maxAttempts: 3 };

/** The wire from one deployment to another: its POSTs land in the other's receipt. */
function wire(to: () => Db, seen: string[] = []): typeof fetch {
  return (async (_url: string, init?: RequestInit) => {
    const body = Buffer.from(init!.body as string, "utf8");
    seen.push(body.toString("utf8"));
    const answer = await receiveMessage(to(), body);
    return Response.json(answer.body, { status: answer.status });
  }) as typeof fetch;
}

const drainA = (fetcher = wire(() => B.db)) => drainOutbox(A.db, { fetch: fetcher, policy: fast });
const drainB = (fetcher = wire(() => A.db)) => drainOutbox(B.db, { fetch: fetcher, policy: fast });

const ward = { drafter: "chuyenvien.kt", signer: "chutich.dc", clerk: "vanthu.dc" };

beforeAll(async () => {
  A = await createWorkflowWorld();
  B = await createWorkflowWorld();
  await giveKeys(A, "dinhcong", { signer: "chutich.dc", clerk: "vanthu.dc" });
  peers = await connectDeployments(A, B, { a: "http://a.invalid", b: "http://b.invalid" });
});

async function copiesAt(world: WorkflowWorld, org: string, subject: string) {
  return world.db
    .select({ id: document.id, status: document.status, version: document.version })
    .from(document)
    .where(
      and(
        eq(document.organisationId, world.orgs[org]!),
        eq(document.subject, subject),
        eq(document.direction, "incoming"),
      ),
    );
}

async function actOn(
  world: WorkflowWorld,
  username: string,
  id: string,
  input: IncomingActionRequest,
) {
  const actor = await world.as(username);
  const doc = await loadVisibleDocument(world.db, actor, id);
  return applyIncomingAction(world.db, actor, { documentId: id, version: doc.version, input });
}

async function codesAt(sentId: string) {
  const rows = await A.db
    .select({ org: delivery.recipientOrganisationId, code: deliveryEvent.code })
    .from(deliveryEvent)
    .innerJoin(delivery, eq(delivery.id, deliveryEvent.deliveryId))
    .where(eq(delivery.documentId, sentId))
    .orderBy(deliveryEvent.code);
  const of = (org: string) => rows.filter((r) => r.org === A.orgs[org]).map((r) => r.code);
  return { hoangliet: of("hoangliet"), hoangmai: of("hoangmai") };
}

describe("exchange between two deployments", () => {
  it("sends the document to the peer, once, and every status back, once", async () => {
    const subject = "V/v phối hợp tổ chức ngày hội đại đoàn kết toàn dân tộc";
    const sent = await issueTo(A, ward, subject, ["hoangliet", "hoangmai"]);
    // Issued: the recipients the peer hosts wait, one package for the peer in the outbox.
    const waiting = await A.db.select().from(delivery).where(eq(delivery.documentId, sent.id));
    expect(waiting.map((d) => d.status)).toEqual(["pending", "pending"]);
    const [message] = await A.db
      .select()
      .from(exchangeOutbox)
      .where(eq(exchangeOutbox.documentId, sent.id));
    expect(message).toMatchObject({ kind: "document", state: "pending", peerId: peers.peerOfA });

    const packages: string[] = [];
    expect(await drainA(wire(() => B.db, packages))).toMatchObject({ sent: 1, failed: 0 });
    expect(packages[0]).toContain("<edXML:Subject>" + subject);
    // Each recipient on B holds its copy, to be registered, with the signed PDF.
    const [hl] = await copiesAt(B, "hoangliet", subject);
    const [hm] = await copiesAt(B, "hoangmai", subject);
    expect(hl!.status).toBe("received");
    expect(hm!.status).toBe("received");
    const copy = await loadVisibleDocument(B.db, await B.as("vanthu.hl"), hl!.id);
    expect(copy).toMatchObject({
      codeNotation: sent.numberNotation.split("/").slice(1).join("/"),
      issuerName: "Ủy ban nhân dân phường Định Công",
      issuerOrganisationId: B.orgs.dinhcong,
      signerName: expect.any(String),
    });
    const [sentMain] = await A.db
      .select({ sha256: documentFile.sha256 })
      .from(documentFile)
      .where(and(eq(documentFile.documentId, sent.id), eq(documentFile.kind, "main")));
    const [copyMain] = await B.db
      .select({ sha256: documentFile.sha256 })
      .from(documentFile)
      .where(and(eq(documentFile.documentId, hl!.id), eq(documentFile.kind, "main")));
    expect(copyMain!.sha256).toBe(sentMain!.sha256);
    const bell = await B.db
      .select()
      .from(notification)
      .where(
        and(eq(notification.documentId, hl!.id), eq(notification.userId, B.users["vanthu.hl"]!)),
      );
    expect(bell).toHaveLength(1);

    // The same package again (a retry after a lost answer): already received, nothing new.
    await A.db
      .update(exchangeOutbox)
      .set({ state: "pending", nextAttemptAt: new Date(0) })
      .where(eq(exchangeOutbox.id, message!.id));
    const again: string[] = [];
    expect(await drainA(wire(() => B.db, again))).toMatchObject({ sent: 1 });
    expect(again[0]).toBe(packages[0]);
    expect(await copiesAt(B, "hoangliet", subject)).toHaveLength(1);
    expect(await copiesAt(B, "hoangmai", subject)).toHaveLength(1);

    // The arrivals (01) go back: the sender sees both recipients holding it.
    expect(await drainB()).toMatchObject({ sent: 2 });
    const arrived = await A.db.select().from(delivery).where(eq(delivery.documentId, sent.id));
    expect(arrived.map((d) => d.status)).toEqual(["arrived", "arrived"]);

    // Hoàng Liệt registers, is directed, handles and completes; Hoàng Mai refuses.
    await actOn(B, "vanthu.hl", hl!.id, { action: "register" });
    await actOn(B, "vanthu.hl", hl!.id, { action: "present", leaderId: B.users["chutich.hl"]! });
    await actOn(B, "chutich.hl", hl!.id, {
      action: "direct",
      direction: "Văn thư tổng hợp, báo cáo.",
      lead: { userId: B.users["vanthu.hl"]! },
      co: [],
      info: [],
    });
    await actOn(B, "vanthu.hl", hl!.id, { action: "addNote", note: "Đang tổng hợp.", files: [] });
    const [part] = await B.db
      .select()
      .from(assignment)
      .where(and(eq(assignment.documentId, hl!.id), eq(assignment.role, "lead")));
    await actOn(B, "vanthu.hl", hl!.id, {
      action: "submitResult",
      assignmentId: part!.id,
      result: "Đã báo cáo.",
      files: [],
    });
    await actOn(B, "chutich.hl", hl!.id, {
      action: "reviewResult",
      assignmentId: part!.id,
      accept: true,
    });
    await actOn(B, "vanthu.hoangmai", hm!.id, {
      action: "returnToSender",
      reason: "Không thuộc thẩm quyền của quận.",
    });
    expect((await loadVisibleDocument(B.db, await B.as("vanthu.hl"), hl!.id)).status).toBe(
      "completed",
    );
    expect(await drainB()).toMatchObject({ sent: 5, failed: 0 });
    // Sent again (as after a crash before the answer): nothing is recorded twice.
    await B.db
      .update(exchangeOutbox)
      .set({ state: "pending", nextAttemptAt: new Date(0) })
      .where(eq(exchangeOutbox.kind, "status"));
    expect(await drainB()).toMatchObject({ sent: 7 });
    expect(await codesAt(sent.id)).toEqual({
      hoangliet: ["01", "03", "04", "05", "06"],
      hoangmai: ["01", "02"],
    });
    const after = await A.db
      .select({
        org: delivery.recipientOrganisationId,
        status: delivery.status,
        reason: delivery.reason,
      })
      .from(delivery)
      .where(eq(delivery.documentId, sent.id));
    expect(after.find((d) => d.org === A.orgs.hoangliet)!.status).toBe("completed");
    expect(after.find((d) => d.org === A.orgs.hoangmai)).toMatchObject({
      status: "refused",
      reason: "Không thuộc thẩm quyền của quận.",
    });
    const refusedBell = await A.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.documentId, sent.id),
          eq(notification.userId, A.users["vanthu.dc"]!),
          eq(notification.kind, "deliveryRefused"),
        ),
      );
    expect(refusedBell).toHaveLength(1);
  });

  it("sends a reply the other way, linked to the document it answers", async () => {
    await giveKeys(B, "hoangliet", { signer: "chutich.hl", clerk: "vanthu.hl" });
    const asked = await issueTo(A, ward, "V/v đề nghị báo cáo số hộ nghèo", ["hoangliet"]);
    await drainA();
    const [copy] = await copiesAt(B, "hoangliet", "V/v đề nghị báo cáo số hộ nghèo");
    await actOn(B, "vanthu.hl", copy!.id, { action: "register" });
    const reply = await issueTo(
      B,
      { drafter: "vanthu.hl", signer: "chutich.hl", clerk: "vanthu.hl" },
      "V/v báo cáo số hộ nghèo",
      ["dinhcong"],
      copy!.id,
    );
    await drainB();
    const [arrivedAtA] = await copiesAt(A, "dinhcong", "V/v báo cáo số hộ nghèo");
    expect(arrivedAtA).toBeDefined();
    const atA = await loadVisibleDocument(A.db, await A.as("vanthu.dc"), arrivedAtA!.id);
    expect(atA.respondsToDocumentId).toBe(asked.id);
    // Registered at A: B's sender sees it.
    await actOn(A, "vanthu.dc", arrivedAtA!.id, { action: "register" });
    await drainA();
    const [replyDelivery] = await B.db
      .select()
      .from(delivery)
      .where(eq(delivery.documentId, reply.id));
    expect(replyDelivery!.status).toBe("registered");
  });

  it("retries what the peer did not answer, with backoff, and marks it failed in the end", async () => {
    const subject = "V/v kiểm tra công tác phòng cháy chữa cháy";
    await issueTo(A, ward, subject, ["hoangmai"]);
    const down = (async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    expect(await drainA(down)).toMatchObject({ sent: 0, deferred: 1 });
    const [row] = await A.db
      .select()
      .from(exchangeOutbox)
      .where(and(eq(exchangeOutbox.kind, "document"), eq(exchangeOutbox.state, "pending")));
    expect(row).toMatchObject({ attempts: 1, lastError: "ECONNREFUSED" });
    // Not due before its backoff.
    expect(await drainA(down)).toMatchObject({ deferred: 0 });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    const due = () =>
      A.db
        .update(exchangeOutbox)
        .set({ nextAttemptAt: new Date(0) })
        .where(eq(exchangeOutbox.id, row!.id));
    await due();
    const busy = (async () => new Response("busy", { status: 503 })) as typeof fetch;
    expect(await drainA(busy)).toMatchObject({ deferred: 1 });
    await due();
    expect(await drainA(busy)).toMatchObject({ failed: 1 });
    const outbox = await listOutbox(A.db, await A.as("quantri"), { state: "failed", limit: 50 });
    expect(outbox.rows[0]).toMatchObject({ attempts: 3, lastError: "HTTP 503: busy", subject });
    // The admin sends it again: it arrives.
    await retryMessage(A.db, await A.as("quantri"), { id: row!.id });
    expect(await drainA()).toMatchObject({ sent: 1 });
    expect(await copiesAt(B, "hoangmai", subject)).toHaveLength(1);
    expect(
      (await refusedWith(retryMessage(A.db, await A.as("quantri"), { id: row!.id }))).messageKey,
    ).toBe("exchange.alreadySent");
  });

  it("takes only what a peer signed, about organisations it hosts; a refusal is final and keeps nothing", async () => {
    const subject = "V/v rà soát đất công";
    // B pauses its peer: A's package is refused as from nobody it knows.
    await B.db
      .update(exchangePeer)
      .set({ active: false })
      .where(eq(exchangePeer.id, peers.peerOfB));
    await issueTo(A, ward, subject, ["hoangliet"]);
    expect(await drainA()).toMatchObject({ failed: 1 });
    const [failed] = await A.db
      .select()
      .from(exchangeOutbox)
      .where(eq(exchangeOutbox.state, "failed"));
    expect(failed!.lastError).toContain("HTTP 403");
    expect(failed!.lastError).toContain("không được ký bởi hệ thống liên thông nào");
    expect(await copiesAt(B, "hoangliet", subject)).toHaveLength(0);
    await B.db.update(exchangePeer).set({ active: true }).where(eq(exchangePeer.id, peers.peerOfB));

    // A package changed on the way: its signature no longer holds.
    const tampered: typeof fetch = (async (_url: string, init?: RequestInit) => {
      const body = Buffer.from(String(init!.body).replace(subject, "V/v rà soát đất công (sửa)"));
      const answer = await receiveMessage(B.db, body);
      return Response.json(answer.body, { status: answer.status });
    }) as typeof fetch;
    await retryMessage(A.db, await A.as("quantri"), { id: failed!.id });
    expect(await drainA(tampered)).toMatchObject({ failed: 1 });
    const [again] = await A.db
      .select()
      .from(exchangeOutbox)
      .where(eq(exchangeOutbox.id, failed!.id));
    expect(again!.lastError).toContain("HTTP 400");
    expect(await copiesAt(B, "hoangliet", "V/v rà soát đất công (sửa)")).toHaveLength(0);

    // A status about a document B never sent is refused.
    await drainB();
    const inboxBefore = await A.db.select({ n: sql<number>`count(*)::int` }).from(exchangeInbox);
    const [arrival] = await B.db.select().from(exchangeArrival).limit(1);
    await B.db
      .update(exchangeArrival)
      .set({ codeNumber: "999" })
      .where(eq(exchangeArrival.incomingDocumentId, arrival!.incomingDocumentId));
    await B.db.insert(exchangeOutbox).values({
      peerId: peers.peerOfB,
      kind: "status",
      messageKey: "status:forged",
      documentId: arrival!.incomingDocumentId,
      statusCode: "06",
    });
    expect(await drainB()).toMatchObject({ failed: 1 });
    const [forged] = await B.db
      .select()
      .from(exchangeOutbox)
      .where(eq(exchangeOutbox.messageKey, "status:forged"));
    expect(forged!.lastError).toContain("HTTP 422");
    const inboxAfter = await A.db.select({ n: sql<number>`count(*)::int` }).from(exchangeInbox);
    expect(inboxAfter[0]!.n).toBe(inboxBefore[0]!.n);
  });

  it("sends each message once when drains run at the same time", async () => {
    const subjects = ["V/v thứ nhất", "V/v thứ hai", "V/v thứ ba"];
    for (const s of subjects) await issueTo(A, ward, s, ["hoangmai"]);
    const posted: string[] = [];
    const slow = (async (url: string, init?: RequestInit) => {
      await new Promise((r) => setTimeout(r, 50));
      return wire(() => B.db, posted)(url, init);
    }) as typeof fetch;
    const results = await Promise.all([drainA(slow), drainA(slow), drainA(slow)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(posted).toHaveLength(3);
    for (const s of subjects) expect(await copiesAt(B, "hoangmai", s)).toHaveLength(1);
  });
});

describe("setting up peers", () => {
  it("refuses a certificate that is none, our own root, and organisations with people", async () => {
    const admin = await A.as("quantri");
    const base = {
      name: "Hệ thống tỉnh Nghệ An",
      url: "https://vanban.nghean.example",
      organisationIds: [] as string[],
      active: true,
    };
    const notPem = await refusedWith(savePeer(A.db, admin, { ...base, certificate: "không phải" }));
    expect(notPem.fieldErrors.certificate?.[0]?.key).toBe("exchange.badCertificate");
    const own = (await ensureAuthority(A.db)).root.certificate.toString();
    expect(
      (await refusedWith(savePeer(A.db, admin, { ...base, certificate: own }))).fieldErrors
        .certificate?.[0]?.key,
    ).toBe("exchange.ownRoot");
    const other = (await ensureAuthority(B.db)).root.certificate.toString();
    expect(
      (await refusedWith(savePeer(A.db, admin, { ...base, certificate: other }))).fieldErrors
        .certificate?.[0]?.key,
    ).toBe("exchange.duplicatePeer");
    const [peer] = (await listPeers(A.db, admin)).filter((p) => p.id === peers.peerOfA);
    const staffed = await refusedWith(
      savePeer(A.db, admin, {
        id: peer!.id,
        version: peer!.version,
        name: peer!.name,
        url: peer!.url,
        certificate: peer!.certificatePem,
        organisationIds: [A.orgs.dinhcong!],
        active: true,
      }),
    );
    expect(staffed.fieldErrors.organisationIds?.[0]).toEqual({
      key: "exchange.hasPeople",
      params: { name: "Ủy ban nhân dân phường Định Công" },
    });
    for (const url of ["ftp://x.example", "https://u:p@x.example", "không phải địa chỉ"]) {
      const parsed = peerInput.safeParse({ ...base, url, certificate: other });
      expect(parsed.error?.issues[0]?.message).toBe("exchange.badUrl");
    }
    const stale = await refusedWith(
      savePeer(A.db, admin, {
        id: peer!.id,
        version: peer!.version + 5,
        name: "Đổi tên",
        url: peer!.url,
        certificate: peer!.certificatePem,
        organisationIds: peer!.organisations.map((o) => o.id),
        active: true,
      }),
    );
    expect(stale.code).toBe("STALE");
    expect((await listPeers(A.db, admin)).find((p) => p.id === peer!.id)).toMatchObject({
      name: peer!.name,
      organisations: peer!.organisations,
    });
    const forbidden = await refusedWith(listPeers(A.db, await A.as("vanthu.dc")));
    expect(forbidden.code).toBe("FORBIDDEN");
  });
});
