import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { document, documentEvent, documentFile } from "@/db/schema/documents";
import { documentParticipant } from "@/db/schema/participants";
import { fileBlob, fileUpload } from "@/db/schema/files";
import { registry, registryPeriod } from "@/db/schema/registry";
import { appUser, userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { receiveDocumentInput, type ReceiveDocumentFormValues } from "@/lib/schemas/incoming";
import { vietnamToday } from "@/lib/dates";
import { createCaller } from "@/server/api/root";
import { verifyAuditChain } from "@/server/audit/verify";
import { loadActor, type Actor } from "@/server/authz/actor";
import { AppError } from "@/server/errors";
import { freshDatabase } from "@/server/testing/test-db";
import { fieldKeys, refusal } from "@/server/testing/trpc";
import { receiveDocument } from "./receive";
import { loadVisibleDocument } from "./visibility";

let db: Db;
let orgs: Record<string, string>;
let users: Record<string, string>;
let clerk: Actor;
let mainPdf: string;
let attachmentDocx: string;

const today = () => vietnamToday();
const thisYear = () => Number(today().slice(0, 4));

/**
 * A stored file as the upload service leaves it when Định Công's clerk uploads it: a blob row
 * addressed by the bytes' SHA-256, and the record that the clerk uploaded it.
 */
async function blob(mimeType: string, textContent: string | null = null): Promise<string> {
  const bytes = randomBytes(64);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.insert(fileBlob).values({ sha256, size: bytes.length, mimeType, textContent });
  await db
    .insert(fileUpload)
    .values({ sha256, userId: users["vanthu.dc"]!, organisationId: orgs.dinhcong! });
  return sha256;
}

function form(overrides: Partial<ReceiveDocumentFormValues> = {}): ReceiveDocumentFormValues {
  return {
    issuerName: "Sở Nội vụ thành phố Hà Nội",
    codeNumber: "125",
    codeNotation: "SNV-CCVC",
    documentType: "cong_van",
    subject: "Về việc báo cáo số lượng, chất lượng cán bộ, công chức cấp xã năm 2026",
    documentDate: today(),
    signerName: "Nguyễn Văn An",
    pageCount: 3,
    files: [
      { sha256: mainPdf, fileName: "125-SNV-CCVC.pdf", kind: "main" },
      { sha256: attachmentDocx, fileName: "phu-luc.docx", kind: "attachment" },
    ],
    ...overrides,
  };
}

const callerFor = (username: string) =>
  createCaller({ db, locale: "vi", session: { userId: users[username]!, sessionEpoch: 1 } });

const actorFor = async (username: string) =>
  (await loadActor(db, { userId: users[username]!, sessionEpoch: 1 }))!;

async function defaultBook(kind: "incoming" | "secret") {
  const [row] = await db
    .select({ id: registry.id })
    .from(registry)
    .where(
      and(
        eq(registry.organisationId, orgs.dinhcong!),
        eq(registry.kind, kind),
        eq(registry.isDefault, true),
      ),
    );
  return row!.id;
}

/** What a refused registration must leave untouched. */
async function snapshot() {
  const [docs] = await db
    .select({ n: count() })
    .from(document)
    .where(eq(document.organisationId, orgs.dinhcong!));
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, orgs.dinhcong!));
  const counters = await db
    .select({
      id: registryPeriod.registryId,
      period: registryPeriod.period,
      n: registryPeriod.lastNumber,
    })
    .from(registryPeriod)
    .innerJoin(registry, eq(registry.id, registryPeriod.registryId))
    .where(eq(registry.organisationId, orgs.dinhcong!))
    .orderBy(registryPeriod.registryId, registryPeriod.period);
  return { documents: docs!.n, events: events!.n, counters };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ orgs, users } = await seedDemo(db));
  clerk = await actorFor("vanthu.dc");
  mainPdf = await blob("application/pdf", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM báo cáo cán bộ");
  attachmentDocx = await blob(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
});

describe("reception", () => {
  it("gives 50 concurrent registrations the numbers 1..50 exactly", async () => {
    const clerkCaller = callerFor("vanthu.dc");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        clerkCaller.reception.receive(form({ codeNumber: String(1000 + i) })),
      ),
    );
    const numbers = results.map((r) => r.registryNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.period))).toEqual(new Set([String(thisYear())]));
    const [counter] = await db
      .select({ n: registryPeriod.lastNumber })
      .from(registryPeriod)
      .where(eq(registryPeriod.registryId, await defaultBook("incoming")));
    expect(counter!.n).toBe(50);
    const stored = await db
      .select({ n: document.registryNumber })
      .from(document)
      .where(eq(document.organisationId, orgs.dinhcong!));
    expect(stored.map((d) => d.n).sort((a, b) => a! - b!)).toEqual(numbers);
    expect(await verifyAuditChain(db, orgs.dinhcong!)).toMatchObject({ ok: true });
  });

  it("registers with today's arrival date, the files, the registrar and the history", async () => {
    const received = await callerFor("vanthu.dc").reception.receive(
      form({ codeNumber: "2001", urgency: "urgent", deadline: today() }),
    );
    expect(received).toMatchObject({ registryNumber: 51, arrivalDate: today() });
    const doc = await loadVisibleDocument(db, clerk, received.id);
    expect(doc).toMatchObject({
      direction: "incoming",
      status: "registered",
      registryId: await defaultBook("incoming"),
      registryPeriod: String(thisYear()),
      registryNumber: 51,
      issuerName: "Sở Nội vụ thành phố Hà Nội",
      issuerOrganisationId: null,
      urgency: "urgent",
      createdById: users["vanthu.dc"],
    });
    // The PDF's text layer is kept for search.
    const [searched] = await db
      .select({ contentText: document.contentText })
      .from(document)
      .where(eq(document.id, received.id));
    expect(searched!.contentText).toContain("báo cáo cán bộ");
    const files = await db
      .select({ sha256: documentFile.sha256, kind: documentFile.kind })
      .from(documentFile)
      .where(eq(documentFile.documentId, received.id));
    expect(files).toEqual(
      expect.arrayContaining([
        { sha256: mainPdf, kind: "main" },
        { sha256: attachmentDocx, kind: "attachment" },
      ]),
    );
    const participants = await db
      .select({
        userId: documentParticipant.userId,
        kind: documentParticipant.kind,
        box: documentParticipant.box,
      })
      .from(documentParticipant)
      .where(eq(documentParticipant.documentId, received.id));
    expect(participants).toEqual([{ userId: users["vanthu.dc"], kind: "registrar", box: "none" }]);
    const [event] = await db
      .select()
      .from(documentEvent)
      .where(eq(documentEvent.documentId, received.id));
    expect(event).toMatchObject({
      action: "registered",
      toStatus: "registered",
      data: { registryNumber: 51, period: String(thisYear()), mainFileSha256: mainPdf },
    });
    const [audit] = await db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.entityId, received.id), eq(auditEvent.action, "incoming.registered")),
      );
    expect(audit).toBeDefined();
  });

  it("gives back the number of a registration that fails after taking it", async () => {
    // A failure the pre-checks cannot foresee, after the number was taken: the file row is refused.
    await db.execute(sql`
      create function refuse_broken_file() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$`);
    await db.execute(sql`
      create trigger refuse_broken_file before insert on document_file for each row
      when (new.file_name = 'hong.pdf') execute function refuse_broken_file()`);
    try {
      const before = await snapshot();
      const input = receiveDocumentInput.parse(
        form({
          codeNumber: "3001",
          files: [{ sha256: mainPdf, fileName: "hong.pdf", kind: "main" }],
        }),
      );
      await expect(receiveDocument(db, clerk, input)).rejects.toMatchObject({
        cause: { message: "disk full" },
      });
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger refuse_broken_file on document_file`);
      await db.execute(sql`drop function refuse_broken_file()`);
    }
    const next = await callerFor("vanthu.dc").reception.receive(form({ codeNumber: "3002" }));
    expect(next.registryNumber).toBe(52);
  });

  it("opens the next year's period at number 1 on the first registration of the year", async () => {
    const nextYear = thisYear() + 1;
    // 00:30 on 1 January in Hanoi is still 31 December in UTC.
    const now = new Date(`${nextYear}-01-01T00:30:00+07:00`);
    const input = receiveDocumentInput.parse(form({ codeNumber: "4001" }));
    const first = await receiveDocument(db, clerk, input, { now });
    expect(first).toMatchObject({
      registryNumber: 1,
      period: String(nextYear),
      arrivalDate: `${nextYear}-01-01`,
    });
    const later = await callerFor("vanthu.dc").reception.receive(form({ codeNumber: "4002" }));
    expect(later).toMatchObject({ registryNumber: 53, period: String(thisYear()) });
  });
});

describe("possible duplicates", () => {
  it("flags the same number, notation and issuer in the year, and registers when acknowledged", async () => {
    const caller = callerFor("vanthu.dc");
    const documentDate = `${thisYear()}-01-15`;
    const original = await caller.reception.receive(
      form({
        issuerName: null,
        issuerOrganisationId: orgs.hoangmai,
        codeNumber: "05",
        codeNotation: "QĐ-UBND",
        documentType: "quyet_dinh",
        documentDate,
      }),
    );
    // Written differently: no leading zero, lower case, the issuer typed without diacritics.
    const again = {
      issuerName: "uy ban nhan dan  quan Hoang Mai",
      codeNumber: "5",
      codeNotation: "qđ-ubnd",
      documentDate: `${thisYear()}-01-16`,
    };
    const check = await caller.reception.checkDuplicate(again);
    expect(check.duplicate).toMatchObject({
      id: original.id,
      registryNumber: original.registryNumber,
      arrivalDate: original.arrivalDate,
    });
    const before = await snapshot();
    const refused = await refusal(
      caller.reception.receive(form({ ...again, documentType: "quyet_dinh" })),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.cause).toBeInstanceOf(AppError);
    expect(refused.cause).toMatchObject({
      messageKey: "reception.possibleDuplicate",
      params: {
        documentId: original.id,
        registryNumber: original.registryNumber,
        arrivalDate: original.arrivalDate,
      },
    });
    expect(await snapshot()).toEqual(before);
    const confirmed = await caller.reception.receive(
      form({ ...again, documentType: "quyet_dinh", acknowledgeDuplicate: true }),
    );
    expect(confirmed.registryNumber).toBe(original.registryNumber + 1);
  });

  it("flags one of two clerks registering the same document at the same moment", async () => {
    const same = form({ codeNumber: "77", codeNotation: "TB-UBND", documentDate: today() });
    const outcomes = await Promise.allSettled([
      callerFor("vanthu.dc").reception.receive(same),
      callerFor("vanthu.dc").reception.receive(same),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "CONFLICT",
      cause: { messageKey: "reception.possibleDuplicate" },
    });
  });

  it("does not flag another year, another number or another issuer", async () => {
    const caller = callerFor("vanthu.dc");
    const base = { issuerOrganisationId: orgs.hoangmai, codeNumber: "05", codeNotation: "QĐ-UBND" };
    for (const other of [
      { ...base, documentDate: `${thisYear() - 1}-12-31` },
      { ...base, codeNumber: "06", documentDate: `${thisYear()}-01-15` },
      { ...base, issuerOrganisationId: orgs.hoangliet, documentDate: `${thisYear()}-01-15` },
    ]) {
      expect((await caller.reception.checkDuplicate(other)).duplicate).toBeNull();
    }
  });
});

describe("refused registrations", () => {
  const cases: [string, Partial<ReceiveDocumentFormValues>, Record<string, string[]>][] = [
    ["a missing subject", { subject: "  " }, { subject: ["validation.required"] }],
    [
      "an over-long notation",
      { codeNotation: "X".repeat(51) },
      { codeNotation: ["validation.tooLong"] },
    ],
    ["an over-long number", { codeNumber: "1".repeat(21) }, { codeNumber: ["validation.tooLong"] }],
    [
      "no main file",
      { files: [{ sha256: "b".repeat(64), fileName: "phu-luc.pdf", kind: "attachment" }] },
      { files: ["reception.mainFileRequired"] },
    ],
    [
      "two main files",
      {
        files: [
          { sha256: "b".repeat(64), fileName: "a.pdf", kind: "main" },
          { sha256: "c".repeat(64), fileName: "b.pdf", kind: "main" },
        ],
      },
      { files: ["reception.oneMainFile"] },
    ],
    [
      "a document date in the future",
      { documentDate: "2099-01-01" },
      { documentDate: ["reception.documentDateInFuture"] },
    ],
    [
      "a deadline already past",
      { deadline: "2020-01-01", documentDate: "2019-12-01" },
      { deadline: ["reception.deadlinePast"] },
    ],
    ["no issuer", { issuerName: "  " }, { issuerName: ["reception.issuerRequired"] }],
    ["a page count of 0", { pageCount: 0 }, { pageCount: ["validation.tooSmall"] }],
  ];
  for (const [what, overrides, expected] of cases) {
    it(`refuses ${what} on its field and writes nothing`, async () => {
      const before = await snapshot();
      const error = await refusal(callerFor("vanthu.dc").reception.receive(form(overrides)));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldKeys(error)).toEqual(expected);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses an issuer organisation that does not exist, a main file that is not a PDF, and a file never uploaded", async () => {
    const before = await snapshot();
    const error = await refusal(
      callerFor("vanthu.dc").reception.receive(
        form({
          issuerName: null,
          issuerOrganisationId: "00000000-0000-4000-8000-000000000000",
          files: [
            { sha256: attachmentDocx, fileName: "gia-mao.pdf", kind: "main" },
            { sha256: "d".repeat(64), fileName: "chua-tai.pdf", kind: "attachment" },
          ],
        }),
      ),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldKeys(error)).toEqual({
      issuerOrganisationId: ["reception.issuerUnknown"],
      "files.0.fileName": ["reception.mainMustBePdf"],
      "files.1.sha256": ["reception.fileMissing"],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another organisation's registry and a secret registry for an ordinary document", async () => {
    const [theirs] = await db
      .select({ id: registry.id })
      .from(registry)
      .where(and(eq(registry.organisationId, orgs.hoangliet!), eq(registry.kind, "incoming")));
    const before = await snapshot();
    const caller = callerFor("vanthu.dc");
    const other = await refusal(caller.reception.receive(form({ registryId: theirs!.id })));
    expect(fieldKeys(other)).toEqual({ registryId: ["reception.registryUnknown"] });
    const secret = await refusal(
      caller.reception.receive(form({ registryId: await defaultBook("secret") })),
    );
    expect(fieldKeys(secret)).toEqual({ registryId: ["reception.registrySecret"] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a specialist and a leader", async () => {
    const before = await snapshot();
    for (const username of ["chuyenvien.kt", "chutich.dc"]) {
      const error = await refusal(
        callerFor(username).reception.receive(form({ codeNumber: "9001" })),
      );
      expect(error.code).toBe("FORBIDDEN");
      await expect(
        receiveDocument(db, await actorFor(username), receiveDocumentInput.parse(form())),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("secret documents", () => {
  it("are numbered in the secret registry and seen only by the registrar", async () => {
    const [second] = await db
      .insert(appUser)
      .values({
        organisationId: orgs.dinhcong!,
        username: "vanthu2.dc",
        fullName: "Trần Thị Hoa",
        jobTitle: "Văn thư",
        passwordHash: "not-used",
      })
      .returning({ id: appUser.id });
    await db
      .insert(userRole)
      .values({ userId: second!.id, organisationId: orgs.dinhcong!, role: "clerk" });
    users["vanthu2.dc"] = second!.id;

    const received = await callerFor("vanthu.dc").reception.receive(
      form({ codeNumber: "12", codeNotation: "CV-CAQ", confidentiality: "secret" }),
    );
    expect(received).toMatchObject({ registryId: await defaultBook("secret"), registryNumber: 1 });
    expect((await loadVisibleDocument(db, clerk, received.id)).confidentiality).toBe("secret");
    for (const username of ["vanthu2.dc", "chutich.dc"]) {
      await expect(
        loadVisibleDocument(db, await actorFor(username), received.id),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    // The other clerk is not warned of a duplicate they may not see, and numbers the ordinary
    // document in the incoming book.
    const ordinary = await callerFor("vanthu2.dc").reception.receive(
      form({ codeNumber: "12", codeNotation: "CV-CAQ" }),
    );
    expect(ordinary.registryId).toBe(await defaultBook("incoming"));
  });
});

describe("issuer choices", () => {
  it("finds organisations of the tree without diacritics and lists typed-in issuers", async () => {
    const choices = await callerFor("vanthu.dc").reception.issuers({ query: "quan hoang mai" });
    expect(choices.organisations.map((o) => o.id)).toEqual([orgs.hoangmai]);
    expect(choices.recent).toContain("uy ban nhan dan  quan Hoang Mai");
    const all = await callerFor("vanthu.dc").reception.issuers({});
    expect(all.organisations.length).toBeGreaterThan(5);
    expect(all.recent).toContain("Sở Nội vụ thành phố Hà Nội");
    expect(all.recent.length).toBeLessThanOrEqual(10);
    expect((await refusal(callerFor("chuyenvien.kt").reception.issuers({}))).code).toBe(
      "FORBIDDEN",
    );
  });
});
