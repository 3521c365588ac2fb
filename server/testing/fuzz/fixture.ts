// The world the fuzz runs in: the demo organisations with real documents in Phường Định Công and
// Phường Hoàng Liệt, taken through the workflow by the real services (so every id kind exists:
// documents, files, assignments, extension requests, notifications), a secret document of Định
// Công that only its clerk is on, and records that destructive calls may safely hit.
import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Db } from "@/db/client";
import { document, documentFile } from "@/db/schema/documents";
import { assignment, extensionRequest } from "@/db/schema/handling";
import { organisation, unit } from "@/db/schema/org";
import { registry } from "@/db/schema/registry";
import { appUser, userRole } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { receiveDocumentInput, type ReceiveDocumentFormValues } from "@/lib/schemas/incoming";
import { appendAudit } from "@/server/audit/append";
import { loadActor, type Actor } from "@/server/authz/actor";
import { receiveUpload } from "@/server/files/upload";
import { receiveDocument } from "@/server/incoming/receive";
import { applyIncomingAction } from "@/server/incoming/workflow";
import { secretCanaries, type SecretCanaries } from "./canaries";

export type OrgKey = "dinhcong" | "hoangliet";

/** One organisation's records, by kind; what the fuzz names and what must not leak elsewhere. */
export type OrgRecords = {
  organisation: string;
  documents: string[];
  subjects: string[];
  files: string[];
  hashes: string[];
  assignments: string[];
  extensions: string[];
  users: string[];
  units: string[];
  registries: string[];
};

/** Someone the fuzz calls as: `userId` null is nobody signed in. */
export type FuzzUser = {
  name: string;
  userId: string | null;
  org: OrgKey | "bnv" | null;
  mustChangePassword?: boolean;
};

export type FuzzWorld = {
  orgs: Record<string, string>;
  users: FuzzUser[];
  records: Record<OrgKey, OrgRecords>;
  /** The secret document: its canaries, its file, and the clerk who alone is on it. */
  secret: SecretCanaries & { sha256: string; documentId: string; fileId: string; holderId: string };
  /** Each caller's roles as the run starts, sorted and joined (see world-guard.ts). */
  roles: Record<string, string>;
  /**
   * Records that fuzzed writes may damage without spoiling the run: everything but the people
   * the fuzz calls as, their organisations and the secret document (see hints.ts).
   */
  expendable: { organisations: string[]; users: string[]; units: string[] };
  /** A small valid PDF, for uploads expected to succeed. */
  pdf: Uint8Array;
};

const CALLERS = [
  "quantri",
  "quantri.dc",
  "vanthu.dc",
  "chutich.dc",
  "truongphong.kt",
  "chuyenvien.kt",
  "vanthu.hl",
] as const;

/** Today in Vietnam (UTC+7 all year), shifted by `days`. */
export function vietnamDay(days = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A one-page PDF whose bytes (and so SHA-256) are unique to `text`. */
export async function pdfWith(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 40, y: 780, size: 11, font });
  doc.setTitle(text);
  return doc.save();
}

async function insertUser(
  db: Db,
  orgId: string,
  username: string,
  role: "clerk" | "specialist",
  passwordHash: string,
  mustChangePassword = false,
): Promise<string> {
  const [row] = await db
    .insert(appUser)
    .values({
      organisationId: orgId,
      username,
      fullName: username,
      passwordHash,
      mustChangePassword,
    })
    .returning({ id: appUser.id });
  await db.insert(userRole).values({ userId: row!.id, organisationId: orgId, role });
  return row!.id;
}

export async function buildFuzzWorld(db: Db, seed: number): Promise<FuzzWorld> {
  const { orgs, users } = await seedDemo(db);
  const actor = async (name: string): Promise<Actor> =>
    (await loadActor(db, { userId: users[name]!, sessionEpoch: 1 }))!;

  // A clerk who must change the password set by an admin before doing anything else.
  const [clerk] = await db.select().from(appUser).where(eq(appUser.id, users["vanthu.dc"]!));
  const mustChange = await insertUser(
    db,
    orgs.dinhcong!,
    "doimatkhau.dc",
    "clerk",
    clerk!.passwordHash,
    true,
  );
  const expendableUser = await insertUser(
    db,
    orgs.dinhcong!,
    "thunghiem.dc",
    "specialist",
    clerk!.passwordHash,
  );
  const [expendableUnit] = await db
    .insert(unit)
    .values({ organisationId: orgs.dinhcong!, name: "Tổ thử nghiệm", shortName: "TTN" })
    .returning({ id: unit.id });
  const expendableOrgs = await db
    .insert(organisation)
    .values(
      ["000.97.28.H26", "000.98.28.H26"].map((code, i) => ({
        code,
        name: `Phường Thử Nghiệm ${i + 1}`,
        shortName: "UBND",
        level: "commune" as const,
        parentId: orgs.hoangmai!,
        validFrom: "2025-07-01",
      })),
    )
    .returning({ id: organisation.id });

  const upload = async (who: string, text: string) => {
    const bytes = await pdfWith(text);
    const file = await receiveUpload(db, await actor(who), {
      stream: Readable.from([Buffer.from(bytes)]),
      fileName: "van-ban.pdf",
      declaredType: "application/pdf",
    });
    return file.sha256;
  };

  const receive = async (who: string, values: Partial<ReceiveDocumentFormValues>) => {
    const input = receiveDocumentInput.parse({
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      documentType: "cong_van",
      documentDate: vietnamDay(-3),
      ...values,
    });
    return (await receiveDocument(db, await actor(who), input)).id;
  };

  const act = async (who: string, documentId: string, input: Record<string, unknown>) => {
    const [doc] = await db
      .select({ version: document.version })
      .from(document)
      .where(eq(document.id, documentId));
    await applyIncomingAction(db, await actor(who), {
      documentId,
      version: doc!.version,
      input: input as Parameters<typeof applyIncomingAction>[2]["input"],
    });
  };

  const canaries = secretCanaries(seed);
  const subjects = {
    dinhcong: [
      `Về việc chuẩn bị phòng chống lụt bão năm 2026 DCMARK${seed}A`,
      `Về việc rà soát hộ nghèo, hộ cận nghèo DCMARK${seed}B`,
    ],
    hoangliet: [
      `Về việc kiểm tra trật tự xây dựng đô thị HLMARK${seed}A`,
      `Về việc tổ chức Tết Trung thu cho thiếu nhi HLMARK${seed}B`,
    ],
  };

  // Định Công: an urgent document taken through presentation, direction, assignment to a
  // specialist and an extension request; and a plain registered one.
  const dcMain = await upload("vanthu.dc", `Dinh Cong main ${seed}`);
  const dcAttachment = await upload("vanthu.dc", `Dinh Cong attachment ${seed}`);
  const dc1 = await receive("vanthu.dc", {
    subject: subjects.dinhcong[0],
    codeNumber: "101",
    codeNotation: "UBND-KT",
    urgency: "urgent",
    deadline: vietnamDay(20),
    files: [
      { sha256: dcMain, fileName: "101-UBND-KT.pdf", kind: "main" },
      { sha256: dcAttachment, fileName: "phu-luc.pdf", kind: "attachment" },
    ],
  });
  const dc2 = await receive("vanthu.dc", {
    subject: subjects.dinhcong[1],
    codeNumber: "102",
    codeNotation: "UBND-VHXH",
    files: [{ sha256: dcMain, fileName: "102-UBND-VHXH.pdf", kind: "main" }],
  });
  const [ktUnit] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.organisationId, orgs.dinhcong!), eq(unit.shortName, "KT")));
  await act("vanthu.dc", dc1, { action: "present", leaderId: users["chutich.dc"] });
  await act("chutich.dc", dc1, {
    action: "direct",
    direction: "Giao Phòng Kinh tế chủ trì, báo cáo trước hạn.",
    lead: { unitId: ktUnit!.id, deadline: vietnamDay(10) },
    co: [{ userId: users["chuyenvien.vhxh"], deadline: vietnamDay(7) }],
    info: [{ userId: users["phochutich.dc"] }],
  });
  const [unitPart] = await db
    .select({ id: assignment.id })
    .from(assignment)
    .where(and(eq(assignment.documentId, dc1), eq(assignment.role, "lead")));
  await act("truongphong.kt", dc1, {
    action: "assignToSpecialist",
    assignmentId: unitPart!.id,
    userId: users["chuyenvien.kt"],
  });
  const [specialistPart] = await db
    .select({ id: assignment.id })
    .from(assignment)
    .where(eq(assignment.parentId, unitPart!.id));
  await act("chuyenvien.kt", dc1, {
    action: "requestExtension",
    assignmentId: specialistPart!.id,
    requestedDeadline: vietnamDay(15),
    reason: "Cần thêm thời gian khảo sát thực địa.",
  });

  // The secret document: registered by the clerk, who alone is on it, with a canary in every
  // place its content is kept (subject, notes, an audit note, the main file's hash).
  const secretBytes = await pdfWith(`Secret main ${canaries.markers.subject}`);
  const secretUpload = await receiveUpload(db, await actor("vanthu.dc"), {
    stream: Readable.from([Buffer.from(secretBytes)]),
    fileName: "mat.pdf",
  });
  const secretId = await receive("vanthu.dc", {
    subject: canaries.subject,
    notes: canaries.notes,
    codeNumber: "07",
    codeNotation: "CAP-PA03",
    confidentiality: "secret",
    files: [{ sha256: secretUpload.sha256, fileName: "07-CAP-PA03.pdf", kind: "main" }],
  });
  await db.transaction((tx) =>
    appendAudit(tx, {
      organisationId: orgs.dinhcong!,
      actor: { userId: users["vanthu.dc"]!, fullName: "Phạm Thị Thu" },
      action: "incoming.noted",
      entityType: "document",
      entityId: secretId,
      data: { note: canaries.auditNote },
    }),
  );

  // Hoàng Liệt: one document presented and directed to its clerk, one registered.
  const hlMain = await upload("vanthu.hl", `Hoang Liet main ${seed}`);
  const hlAttachment = await upload("vanthu.hl", `Hoang Liet attachment ${seed}`);
  const hl1 = await receive("vanthu.hl", {
    subject: subjects.hoangliet[0],
    codeNumber: "201",
    codeNotation: "UBND-QLĐT",
    urgency: "flash",
    deadline: vietnamDay(5),
    files: [
      { sha256: hlMain, fileName: "201.pdf", kind: "main" },
      { sha256: hlAttachment, fileName: "phu-luc.pdf", kind: "attachment" },
    ],
  });
  const hl2 = await receive("vanthu.hl", {
    subject: subjects.hoangliet[1],
    codeNumber: "202",
    codeNotation: "UBND-VHXH",
    files: [{ sha256: hlMain, fileName: "202.pdf", kind: "main" }],
  });
  await act("vanthu.hl", hl1, { action: "present", leaderId: users["chutich.hl"] });
  await act("chutich.hl", hl1, {
    action: "direct",
    direction: "Giao văn thư theo dõi.",
    lead: { userId: users["vanthu.hl"], deadline: vietnamDay(4) },
  });

  const recordsOf = async (key: OrgKey, docs: string[], hashes: string[]): Promise<OrgRecords> => {
    const orgId = orgs[key]!;
    const ids = async <T extends { id: string }>(rows: Promise<T[]>) =>
      (await rows).map((r) => r.id);
    return {
      organisation: orgId,
      documents: docs,
      subjects: subjects[key],
      hashes,
      files: await ids(
        db
          .select({ id: documentFile.id })
          .from(documentFile)
          .where(inArray(documentFile.documentId, docs)),
      ),
      assignments: await ids(
        db
          .select({ id: assignment.id })
          .from(assignment)
          .where(inArray(assignment.documentId, docs)),
      ),
      extensions: await ids(
        db
          .select({ id: extensionRequest.id })
          .from(extensionRequest)
          .where(inArray(extensionRequest.documentId, docs)),
      ),
      users: await ids(
        db.select({ id: appUser.id }).from(appUser).where(eq(appUser.organisationId, orgId)),
      ),
      units: await ids(db.select({ id: unit.id }).from(unit).where(eq(unit.organisationId, orgId))),
      registries: await ids(
        db.select({ id: registry.id }).from(registry).where(eq(registry.organisationId, orgId)),
      ),
    };
  };
  const [secretFile] = await db
    .select({ id: documentFile.id })
    .from(documentFile)
    .where(eq(documentFile.documentId, secretId));

  const orgOf = (name: string): FuzzUser["org"] =>
    name === "quantri" ? "bnv" : name.endsWith(".hl") ? "hoangliet" : "dinhcong";
  const fuzzUsers: FuzzUser[] = [
    { name: "anonymous", userId: null, org: null },
    ...CALLERS.map((name) => ({ name, userId: users[name]!, org: orgOf(name) })),
    { name: "doimatkhau.dc", userId: mustChange, org: "dinhcong", mustChangePassword: true },
  ];
  const roleRows = await db.select().from(userRole);
  const roles = Object.fromEntries(
    fuzzUsers.map((u) => [
      u.name,
      roleRows
        .filter((r) => r.userId === u.userId)
        .map((r) => r.role)
        .sort()
        .join(","),
    ]),
  );
  return {
    orgs,
    users: fuzzUsers,
    roles,
    records: {
      // The secret document is Định Công's too, but kept apart: only its clerk may see it.
      dinhcong: await recordsOf("dinhcong", [dc1, dc2], [dcMain, dcAttachment]),
      hoangliet: await recordsOf("hoangliet", [hl1, hl2], [hlMain, hlAttachment]),
    },
    secret: {
      ...canaries,
      sha256: secretUpload.sha256,
      documentId: secretId,
      fileId: secretFile!.id,
      holderId: users["vanthu.dc"]!,
    },
    expendable: {
      organisations: expendableOrgs.map((o) => o.id),
      users: [expendableUser, users["phochutich.dc"]!, users["chuyenvien.vhxh"]!],
      units: [expendableUnit!.id],
    },
    pdf: await pdfWith(`Upload ${seed}`),
  };
}
