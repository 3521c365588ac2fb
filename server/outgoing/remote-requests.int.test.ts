import { spawnSync } from "node:child_process";
import { randomUUID, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentEvent, documentFile } from "@/db/schema/documents";
import { documentSignature, signatureRequest } from "@/db/schema/signing";
import { readStoredFile } from "../files/generated";
import { issuePersonCertificate } from "../signing/pki/ca";
import { signSha256Digest } from "../signing/pki";
import { crlUrl, ensureAuthority } from "../signing/service/authority";
import { issueCertificate } from "../signing/service/certificates";
import { setPin } from "../signing/service/holder";
import {
  registerRemoteProvider,
  unregisterRemoteProvider,
  type RemoteAnswer,
} from "../signing/service/remote";
import { linkRemoteCertificate } from "../signing/service/remote-certificates";
import { verifyPdf } from "../signing/verify/verify-pdf";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { outgoingRoute } from "../testing/outgoing-route";
import { getOutgoingDocument } from "./document";
import {
  cancelSignatureRequest,
  collectSignature,
  collectWaitingSignatures,
  signatureRequestOf,
} from "./remote-requests";
import { issueSigned, signDraft, signMany } from "./sign-requests";

/**
 * A remote signing service as the tests drive it: it keeps the holder's key, records each request
 * and answers "pending" until the test approves (signs the digest) or declines on the holder's
 * behalf.
 */
function phoneService() {
  const keys = new Map<string, KeyObject>();
  const requests = new Map<string, { keyId: string; digest: Buffer; answer: RemoteAnswer }>();
  const provider = {
    id: "test-phone",
    label: "Ký số trên điện thoại",
    approvalSeconds: 300,
    request: async (p: { keyId: string; digest: Buffer; description: string }) => {
      const reference = randomUUID();
      requests.set(reference, { ...p, answer: { status: "pending" } });
      return reference;
    },
    answer: async (reference: string): Promise<RemoteAnswer> =>
      requests.get(reference)?.answer ?? { status: "refused", reason: "unknown reference" },
  };
  const last = () => [...requests.entries()].at(-1)!;
  return {
    provider,
    keys,
    requestCount: () => requests.size,
    approveLast(withKey?: KeyObject) {
      const [, r] = last();
      r.answer = {
        status: "signed",
        signature: signSha256Digest(withKey ?? keys.get(r.keyId)!, r.digest),
      };
    },
    declineLast() {
      last()[1].answer = { status: "refused", reason: "Người ký từ chối trên điện thoại" };
    },
  };
}

let world: WorkflowWorld;
const phone = phoneService();
const { version, act, draftFor, draftAtSignature } = outgoingRoute(() => world);
const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-remote-"));
let strangerKey: KeyObject;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
  registerRemoteProvider(phone.provider);
  const authority = await ensureAuthority(world.db);
  // The service holds the chairman's key; here there is only its certificate.
  const issued = await issuePersonCertificate({
    issuer: authority.issuing,
    fullName: "Nguyễn Đức Thắng",
    title: "Chủ tịch",
    organizationName: "Ủy ban nhân dân phường Định Công",
    organizationCode: "000.00.01.H26",
    crlDistributionPointUrl: crlUrl(),
  });
  phone.keys.set("thang-smartca", issued.privateKey);
  await linkRemoteCertificate(world.db, await world.as("chutich.dc"), {
    provider: "test-phone",
    keyId: "thang-smartca",
    certificate: issued.certificate,
    chain: [authority.issuing.certificate, authority.root.certificate],
  });
  strangerKey = (
    await issuePersonCertificate({
      issuer: authority.issuing,
      fullName: "Người khác",
      organizationName: "Ủy ban nhân dân phường Định Công",
      organizationCode: "000.00.01.H26",
      crlDistributionPointUrl: crlUrl(),
    })
  ).privateKey;
  const seal = await issueCertificate(world.db, await world.as("quantri"), {
    organisationId: world.orgs.dinhcong!,
  });
  await setPin(world.db, await world.as("vanthu.dc"), { certificateId: seal.id, pin: "135790" });
});

afterAll(() => {
  unregisterRemoteProvider("test-phone");
  rmSync(dir, { recursive: true, force: true });
});

const requestsOf = (documentId: string) =>
  world.db.select().from(signatureRequest).where(eq(signatureRequest.documentId, documentId));

const signaturesOf = (documentId: string) =>
  world.db.select().from(documentSignature).where(eq(documentSignature.documentId, documentId));

async function askToSign(id: string) {
  return signDraft(world.db, await world.as("chutich.dc"), {
    documentId: id,
    version: await version(id),
  });
}

describe("a signature through a remote signing service that answers later", () => {
  it("waits for the approval on the phone, then completes the step once, however often the answer is collected", async () => {
    const { db } = world;
    const { id } = await draftAtSignature("V/v rà soát hộ nghèo (ký từ xa)");
    const leader = await world.as("chutich.dc");

    const asked = await askToSign(id);
    expect(asked).toMatchObject({ status: "on_route", awaitingApproval: true });
    // A second tap while waiting asks the service nothing more.
    expect(await askToSign(id)).toMatchObject({ awaitingApproval: true });
    expect(phone.requestCount()).toBe(1);
    const [request] = await requestsOf(id);
    expect(request).toMatchObject({ status: "pending", kind: "leader", field: "LanhDaoKy" });
    expect(request!.preparedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await signaturesOf(id)).toHaveLength(0);
    const page = await getOutgoingDocument(db, leader, { id });
    expect(page.history.at(-1)).toMatchObject({ action: "signatureRequested" });
    expect(await signatureRequestOf(db, leader, id)).toMatchObject({
      status: "pending",
      provider: "Ký số trên điện thoại",
    });
    // Nothing approved yet: collecting changes nothing.
    expect(await collectSignature(db, request!.id)).toBe("pending");

    phone.approveLast();
    // The job and the leader's page collect the answer at the same moment: one signature.
    const collected = await Promise.all([
      collectSignature(db, request!.id),
      collectSignature(db, request!.id),
      collectWaitingSignatures(db),
    ]);
    expect(collected.slice(0, 2)).toEqual(["completed", "completed"]);
    expect(await signaturesOf(id)).toHaveLength(1);
    const signedVersion = await version(id);
    // A late repeat of the answer finishes nothing again.
    expect(await collectSignature(db, request!.id)).toBe("completed");
    expect(await version(id)).toBe(signedVersion);
    const signedEvents = await db
      .select()
      .from(documentEvent)
      .where(and(eq(documentEvent.documentId, id), eq(documentEvent.action, "signed")));
    expect(signedEvents).toHaveLength(1);
    const [settled] = await requestsOf(id);
    expect(settled).toMatchObject({ status: "completed", preparedSha256: null });
    expect(await signatureRequestOf(db, leader, id)).toBeNull();
    expect(await world.boxOf(id, "vanthu.dc")).toContainEqual(
      expect.objectContaining({ kind: "issuing_clerk", box: "to_issue" }),
    );

    // The clerk numbers and seals it: both signatures hold for pdfsig and our verifier.
    const clerk = await world.as("vanthu.dc");
    const issued = await issueSigned(db, clerk, {
      documentId: id,
      version: await version(id),
      pin: "135790",
    });
    expect(issued.status).toBe("issued");
    const [main] = await db
      .select()
      .from(documentFile)
      .where(and(eq(documentFile.documentId, id), eq(documentFile.kind, "main")));
    const pdf = await readStoredFile(main!.sha256);
    writeFileSync(path.join(dir, "remote.pdf"), pdf);
    const pdfsig = spawnSync("pdfsig", [path.join(dir, "remote.pdf")], { encoding: "utf8" });
    expect(pdfsig.stdout.match(/Signature is Valid/g)).toHaveLength(2);
    expect(pdfsig.stdout).toContain("Nguyễn Đức Thắng");
    expect(spawnSync("qpdf", ["--check", path.join(dir, "remote.pdf")]).status).toBe(0);
    const authority = await ensureAuthority(db);
    const report = await verifyPdf(pdf, { trustAnchors: [authority.root.certificate.raw] });
    expect(report.signatures.map((s) => [s.field, s.verdict])).toEqual([
      ["LanhDaoKy", "valid"],
      ["DauCoQuan", "valid"],
    ]);
  });

  it("makes the request stale when the draft changes before the approval, and signs the new version afresh", async () => {
    const { db } = world;
    const { id, incomingId } = await draftAtSignature("V/v kế hoạch trực Tết (ký từ xa)");
    await askToSign(id);
    // The drafter revises while the chairman has not yet approved: the signature step restarts.
    await act("chuyenvien.kt", id, {
      action: "saveDraft",
      draft: draftFor("V/v kế hoạch trực Tết (ký từ xa)", incomingId, [], "Nội dung đã sửa."),
    });
    phone.approveLast();
    const [request] = await requestsOf(id);
    expect(await collectSignature(db, request!.id)).toBe("stale");
    expect(await signaturesOf(id)).toHaveLength(0);
    const leader = await world.as("chutich.dc");
    expect(await signatureRequestOf(db, leader, id)).toMatchObject({ status: "stale" });
    expect((await getOutgoingDocument(db, leader, { id })).status).toBe("on_route");

    // Signed again, on the current version: that one goes through.
    expect(await askToSign(id)).toMatchObject({ awaitingApproval: true });
    phone.approveLast();
    expect(await collectWaitingSignatures(db)).toBe(1);
    expect(await signaturesOf(id)).toHaveLength(1);
  });

  it("settles declined, lapsed, withdrawn and forged answers without signing anything", async () => {
    const { db } = world;
    const leader = await world.as("chutich.dc");

    const declined = await draftAtSignature("V/v lịch tiếp công dân (từ chối)");
    await askToSign(declined.id);
    phone.declineLast();
    const [d] = await requestsOf(declined.id);
    expect(await collectSignature(db, d!.id)).toBe("refused");
    expect(await signatureRequestOf(db, leader, declined.id)).toMatchObject({
      status: "refused",
      reason: "Người ký từ chối trên điện thoại",
    });

    const lapsed = await draftAtSignature("V/v lịch tiếp công dân (quá hạn)");
    await askToSign(lapsed.id);
    const [l] = await requestsOf(lapsed.id);
    expect(await collectSignature(db, l!.id, new Date(l!.expiresAt.getTime() + 1000))).toBe(
      "expired",
    );
    // An approval arriving after the request lapsed is not used.
    phone.approveLast();
    expect(await collectSignature(db, l!.id)).toBe("expired");

    const withdrawn = await draftAtSignature("V/v lịch tiếp công dân (hủy)");
    await askToSign(withdrawn.id);
    await cancelSignatureRequest(db, leader, withdrawn.id);
    phone.approveLast();
    const [w] = await requestsOf(withdrawn.id);
    expect(await collectSignature(db, w!.id)).toBe("cancelled");

    const forged = await draftAtSignature("V/v lịch tiếp công dân (chữ ký sai)");
    await askToSign(forged.id);
    phone.approveLast(strangerKey);
    const [f] = await requestsOf(forged.id);
    expect(await collectSignature(db, f!.id)).toBe("refused");
    expect((await requestsOf(forged.id))[0]!.reason).toBe("signing.remoteBadAnswer");

    for (const doc of [declined, lapsed, withdrawn, forged]) {
      expect(await signaturesOf(doc.id)).toHaveLength(0);
      expect((await getOutgoingDocument(db, leader, { id: doc.id })).status).toBe("on_route");
    }
  });

  it("keeps the request from other organisations, answers a batch per document, and still asks the seal's PIN", async () => {
    const { db } = world;
    const { id } = await draftAtSignature("V/v báo cáo quý IV (người khác)");
    await askToSign(id);
    // Another organisation's leader cannot see the document, let alone its request.
    const other = await refusedWith(signatureRequestOf(db, await world.as("chutich.hl"), id));
    expect(other.code).toBe("NOT_FOUND");
    // Batch signing with a remote key says each document waits for the approval.
    const b = await draftAtSignature("V/v báo cáo quý IV (ký nhiều)");
    const results = await signMany(
      db,
      await world.as("chutich.dc"),
      { items: [{ documentId: b.id, version: await version(b.id) }] },
      "vi",
    );
    expect(results[0]).toMatchObject({ ok: true, awaitingApproval: true });
    expect(results[0]!.message).toMatch(/điện thoại/);
    phone.approveLast();
    expect(await collectWaitingSignatures(db)).toBe(1);
    // The seal's key is local: without its PIN, refused on the field and nothing issued.
    const issued = await refusedWith(
      issueSigned(db, await world.as("vanthu.dc"), {
        documentId: b.id,
        version: await version(b.id),
      }),
    );
    expect(issued.fieldErrors.pin?.[0]?.key).toBe("signing.pinRequired");
    expect((await getOutgoingDocument(db, await world.as("vanthu.dc"), { id: b.id })).status).toBe(
      "signed",
    );
  });
});
