import { X509Certificate } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "@/db/schema/audit";
import { signingCertificate } from "@/db/schema/signing";
import { createCaller } from "@/server/api/root";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { certificateFacts, parseCrl } from "../pki";
import {
  createWorkflowWorld,
  refusedWith,
  type WorkflowWorld,
} from "../../testing/incoming-workflow";
import { certificateCandidates, listCertificates, renewCertificate } from "./certificate-admin";
import { currentCrl, issueCertificate } from "./certificates";
import { setPin } from "./holder";

let world: WorkflowWorld;

const caller = (username: string) =>
  createCaller({
    db: world.db,
    locale: "vi",
    session: { userId: world.users[username]!, sessionEpoch: 1 },
  });

async function eventsOf(organisationId: string, action: string) {
  return world.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.organisationId, organisationId), eq(auditEvent.action, action)));
}

async function rowsOf(organisationId: string) {
  return world.db
    .select({
      id: signingCertificate.id,
      status: signingCertificate.status,
      version: signingCertificate.version,
    })
    .from(signingCertificate)
    .where(eq(signingCertificate.organisationId, organisationId))
    .orderBy(signingCertificate.id);
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  world = await createWorkflowWorld();
});

describe("issuing to an organisation's leaders", () => {
  it("offers and accepts only its active leaders, and records the issue in its audit log", async () => {
    const { db, orgs, users } = world;
    const admin = await world.as("quantri");
    const candidates = await certificateCandidates(db, admin, { organisationId: orgs.dinhcong! });
    expect(candidates.map((c) => c.id).sort()).toEqual(
      [users["chutich.dc"]!, users["phochutich.dc"]!].sort(),
    );
    for (const userId of [users["chuyenvien.kt"]!, users["chutich.hl"]!]) {
      const error = await refusedWith(
        issueCertificate(db, admin, { organisationId: orgs.dinhcong!, userId }),
      );
      expect(error.fieldErrors).toEqual({ userId: [{ key: "signing.holderUnknown" }] });
    }
    const { id, serial } = await issueCertificate(db, admin, {
      organisationId: orgs.dinhcong!,
      userId: users["chutich.dc"]!,
      title: "Chủ tịch",
    });
    const [row] = (await listCertificates(db, admin, { organisationId: orgs.dinhcong! })).filter(
      (c) => c.id === id,
    );
    expect(row).toMatchObject({
      holderName: "Nguyễn Đức Thắng",
      title: "Chủ tịch",
      issuer: "Liên Thông Issuing CA",
      status: "active",
      pinSet: false,
      locked: false,
      imported: false,
    });
    const [event] = await eventsOf(orgs.dinhcong!, "signing.certificateIssued");
    expect(event).toMatchObject({
      entityType: "certificate",
      entityId: id,
      actorName: "Đặng Văn Hệ",
      data: { name: "Nguyễn Đức Thắng", purpose: "person", serial, title: "Chủ tịch" },
    });
  });
});

describe("issuing twice from the same view", () => {
  it("issues once: the second request names a certificate no longer the active one", async () => {
    const { db, orgs } = world;
    const admin = await world.as("quantri");
    const first = await issueCertificate(db, admin, {
      organisationId: orgs.hoangliet!,
      replaces: null,
    });
    const rows = await rowsOf(orgs.hoangliet!);
    const again = await refusedWith(
      issueCertificate(db, admin, { organisationId: orgs.hoangliet!, replaces: null }),
    );
    expect(again.code).toBe("STALE");
    expect(await rowsOf(orgs.hoangliet!)).toEqual(rows);
    // Replacing it knowingly is another matter.
    const second = await issueCertificate(db, admin, {
      organisationId: orgs.hoangliet!,
      replaces: first.id,
    });
    const after = await rowsOf(orgs.hoangliet!);
    expect(after.find((r) => r.id === first.id)!.status).toBe("superseded");
    expect(after.find((r) => r.id === second.id)!.status).toBe("active");
  });
});

describe("renewing", () => {
  it("issues a new key for the same holder and title, supersedes the old one, once per click", async () => {
    const { db, orgs, users } = world;
    const admin = await world.as("quantri");
    const old = await issueCertificate(db, admin, {
      organisationId: orgs.dinhcong!,
      userId: users["phochutich.dc"]!,
      title: "Phó Chủ tịch",
    });
    await setPin(db, await world.as("phochutich.dc"), { certificateId: old.id, pin: "135790" });
    const [seen] = await db
      .select({ version: signingCertificate.version, certificate: signingCertificate.certificate })
      .from(signingCertificate)
      .where(eq(signingCertificate.id, old.id));
    const renewed = await renewCertificate(db, admin, {
      certificateId: old.id,
      version: seen!.version,
    });
    const list = await listCertificates(db, admin, { organisationId: orgs.dinhcong! });
    const fresh = list.find((c) => c.id === renewed.id)!;
    expect(fresh).toMatchObject({ status: "active", title: "Phó Chủ tịch", pinSet: false });
    expect(list.find((c) => c.id === old.id)).toMatchObject({ status: "superseded" });
    const [newRow] = await db
      .select({ certificate: signingCertificate.certificate })
      .from(signingCertificate)
      .where(eq(signingCertificate.id, renewed.id));
    const before = new X509Certificate(seen!.certificate);
    const after = new X509Certificate(newRow!.certificate);
    expect(certificateFacts(after).subject).toBe(certificateFacts(before).subject);
    expect(after.publicKey.equals(before.publicKey)).toBe(false);

    // The second click of a double click carries the version the first one changed.
    const rows = await rowsOf(orgs.dinhcong!);
    const again = await refusedWith(
      renewCertificate(db, admin, { certificateId: old.id, version: seen!.version }),
    );
    expect(again.code).toBe("STALE");
    expect(await rowsOf(orgs.dinhcong!)).toEqual(rows);
    expect(await eventsOf(orgs.dinhcong!, "signing.certificateRenewed")).toHaveLength(1);
  });
});

describe("revoking", () => {
  it("needs a reason and the version seen, then lists the serial in the CRL", async () => {
    const { db, orgs } = world;
    const admin = await world.as("quantri");
    const seal = await issueCertificate(db, admin, { organisationId: orgs.hoangliet! });
    const version = (await rowsOf(orgs.hoangliet!)).find((r) => r.id === seal.id)!.version;
    const noReason = await refusal(
      caller("quantri").signing.revoke({ certificateId: seal.id, version, reason: "  " }),
    );
    expect(fieldKeys(noReason)).toEqual({ reason: ["validation.required"] });
    const staleVersion = await refusal(
      caller("quantri").signing.revoke({
        certificateId: seal.id,
        version: version + 1,
        reason: "Mất",
      }),
    );
    expect(staleVersion.code).toBe("CONFLICT");
    expect((await rowsOf(orgs.hoangliet!)).find((r) => r.id === seal.id)!.status).toBe("active");

    await caller("quantri").signing.revoke({
      certificateId: seal.id,
      version,
      reason: "Con dấu bị mất",
    });
    const crl = parseCrl(await currentCrl(db));
    expect(crl.revoked.map((r) => r.serial)).toContain(seal.serial);
    const [event] = await eventsOf(orgs.hoangliet!, "signing.certificateRevoked");
    expect(event!.data).toMatchObject({ serial: seal.serial, reason: "Con dấu bị mất" });
    // A revoked certificate is not renewed.
    const renew = await refusedWith(
      renewCertificate(db, admin, { certificateId: seal.id, version: version + 1 }),
    );
    expect(renew.messageKey).toBe("signing.certificateNotActive");
  });

  it("is refused to anyone but the deployment admin, leaving everything as it was", async () => {
    const { db, orgs } = world;
    const [row] = await rowsOf(orgs.dinhcong!);
    const [before] = await db.select({ n: count() }).from(auditEvent);
    for (const username of ["quantri.dc", "chutich.dc"]) {
      const c = caller(username).signing;
      for (const attempt of [
        () => c.list({ organisationId: orgs.dinhcong! }),
        () => c.candidates({ organisationId: orgs.dinhcong! }),
        () => c.renew({ certificateId: row!.id, version: row!.version }),
        () => c.revoke({ certificateId: row!.id, version: row!.version, reason: "x" }),
        () => c.issue({ organisationId: orgs.dinhcong! }),
      ]) {
        expect((await refusal(attempt())).code).toBe("FORBIDDEN");
      }
    }
    const [after] = await db.select({ n: count() }).from(auditEvent);
    expect(after!.n).toBe(before!.n);
    expect((await rowsOf(orgs.dinhcong!))[0]).toEqual(row);
  });
});
