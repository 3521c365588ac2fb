// Demo documents: what a ward office looks like after four weeks of work. Every document is
// registered and moved by the demo people through the real services, so its rows, history,
// audit entries and notifications agree; then demo-timeline.ts moves the times back to when
// each step is meant to have happened.
import { Readable } from "node:stream";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { document } from "../schema/documents";
import { assignment } from "../schema/handling";
import { unit } from "../schema/org";
import { documentTypes } from "@/lib/documents";
import { addDays, vietnamToday } from "@/lib/dates";
import { receiveDocumentInput } from "@/lib/schemas/incoming";
import type { IncomingActionRequest } from "@/lib/schemas/incoming-actions";
import { loadActor, type Actor } from "@/server/authz/actor";
import { receiveUpload } from "@/server/files/upload";
import type { FileStore } from "@/server/files/store";
import { receiveDocument } from "@/server/incoming/receive";
import { applyIncomingAction } from "@/server/incoming/workflow";
import {
  demoDocumentPlans,
  demoIssuers,
  type DemoDocumentPlan,
  type DemoStage,
} from "./demo-documents-data";
import { renderDemoLetter } from "./demo-letter-pdf";
import { shiftTimeline, type ClockStep, type DeadlineRemap } from "./demo-timeline";

export type DemoDocumentsOptions = { store?: FileStore; plans?: DemoDocumentPlan[] };

type Step =
  | "register"
  | "present"
  | "returnToSender"
  | "direct"
  | "markRead"
  | "assign"
  | "note"
  | "extension"
  | "submit"
  | "sendBack"
  | "headAccept"
  | "leaderAccept"
  | "returnToLeader";

const stageSteps: Record<DemoStage, Step[]> = {
  registered: ["register"],
  presented: ["register", "present"],
  returnedToSender: ["register", "returnToSender"],
  returned: ["register", "present", "direct", "returnToLeader"],
  directed: ["register", "present", "direct"],
  assigned: ["register", "present", "direct", "assign", "note"],
  extension: ["register", "present", "direct", "assign", "note", "extension"],
  submitted: ["register", "present", "direct", "assign", "note", "submit"],
  sentBack: ["register", "present", "direct", "assign", "submit", "sendBack"],
  atLeaderReview: ["register", "present", "direct", "assign", "submit", "headAccept"],
  completed: [
    "register",
    "present",
    "direct",
    "assign",
    "note",
    "submit",
    "headAccept",
    "leaderAccept",
  ],
};

function stepsOf(plan: DemoDocumentPlan): Step[] {
  const steps = stageSteps[plan.stage].filter((s) => s !== "note" || plan.note);
  if (plan.infoRead) steps.splice(steps.indexOf("direct") + 1, 0, "markRead");
  return steps;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A moment of a day in Vietnam (UTC+7), `hour` possibly fractional. */
const vietnamTime = (day: string, hour: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 7) * HOUR);

/** The day `age` days back, moved off a weekend to the Friday before. */
function workingDay(today: string, age: number): string {
  const day = addDays(today, -age);
  if (age === 0) return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
}

const vietnamHour = (t: Date) => ((t.getUTCHours() + 7) % 24) + t.getUTCMinutes() / 60;

/**
 * When each step of a document happened: registration at its hour, presenting soon after, the
 * rest spread over its life, within office hours, in order, and all before `now`.
 */
function scheduleOf(plan: DemoDocumentPlan, steps: Step[], today: string, now: Date): Date[] {
  const registered = vietnamTime(workingDay(today, plan.age), plan.hour);
  const life = (plan.life ?? Math.max(plan.age * 0.6, 0.1)) * 24 * HOUR;
  const times = steps.map((step, k) => {
    if (k === 0) return registered;
    if (step === "present" || step === "returnToSender")
      return new Date(registered.getTime() + 1.5 * HOUR);
    return new Date(registered.getTime() + (life * k) / (steps.length - 1));
  });
  for (let k = 1; k < times.length; k++) {
    const hour = vietnamHour(times[k]!);
    if (hour < 7.5) times[k] = new Date(times[k]!.getTime() + (7.75 - hour) * HOUR);
    if (hour > 17.25) times[k] = new Date(times[k]!.getTime() - (hour - 16.5) * HOUR);
    const after = times[k - 1]!.getTime() + 10 * MINUTE;
    if (times[k]!.getTime() < after) times[k] = new Date(after);
  }
  let latest = now.getTime() - 5 * MINUTE;
  for (let k = times.length - 1; k >= 0; k--) {
    if (times[k]!.getTime() > latest) times[k] = new Date(latest);
    latest = times[k]!.getTime() - 10 * MINUTE;
  }
  return times;
}

const formatDay = (day: string) => day.split("-").reverse().join("/");

const people = {
  dinhcong: { clerk: "vanthu.dc", chair: "chutich.dc", vice: "phochutich.dc" },
  hoangliet: { clerk: "vanthu.hl", chair: "chutich.hl", vice: "chutich.hl" },
} as const;
const unitPeople = {
  kt: { head: "truongphong.kt", specialist: "chuyenvien.kt", specialistName: "Tuấn" },
  vhxh: { head: "truongphong.vhxh", specialist: "chuyenvien.vhxh", specialistName: "Hạnh" },
} as const;
const unitNames = {
  kt: "Phòng Kinh tế, Hạ tầng và Đô thị",
  vhxh: "Phòng Văn hóa - Xã hội",
} as const;

/**
 * Registers and moves the demo documents of Phường Định Công and Phường Hoàng Liệt; see
 * demo-documents-data.ts for the story. Expects the organisations and people of `seedDemo`.
 */
export async function seedDemoDocuments(
  db: Db,
  { orgs, users }: { orgs: Record<string, string>; users: Record<string, string> },
  options: DemoDocumentsOptions = {},
): Promise<{ documents: number }> {
  const now = new Date();
  const today = vietnamToday(now);
  const units: Record<string, string> = {};
  for (const u of await db.select().from(unit).where(eq(unit.organisationId, orgs.dinhcong!))) {
    units[u.shortName.toLowerCase()] = u.id;
  }
  const actors = new Map<string, Actor>();
  const as = async (username: string) => {
    if (!actors.has(username)) {
      const actor = await loadActor(db, { userId: users[username]!, sessionEpoch: 1 });
      if (!actor) throw new Error(`Demo user ${username} is missing.`);
      actors.set(username, actor);
    }
    return actors.get(username)!;
  };
  const clock: ClockStep[] = [];
  const remaps: DeadlineRemap[] = [];
  const documentIds: string[] = [];
  const dbNow = async () =>
    (await db.execute<{ t: string }>(sql`select clock_timestamp()::text as t`)).rows[0]!.t;

  const planned = (options.plans ?? demoDocumentPlans).map((plan) => {
    const steps = stepsOf(plan);
    return { plan, steps, times: scheduleOf(plan, steps, today, now) };
  });
  // Arrival numbers follow the order of arrival.
  planned.sort((a, b) => a.times[0]!.getTime() - b.times[0]!.getTime());
  // Documents planned for later today are held back before now, some to the same moment: each
  // arrives a minute before the next, its whole timeline moved with it, so the order stays strict.
  for (let i = planned.length - 2; i >= 0; i--) {
    const excess = planned[i]!.times[0]!.getTime() - (planned[i + 1]!.times[0]!.getTime() - MINUTE);
    if (excess > 0)
      planned[i]!.times = planned[i]!.times.map((t) => new Date(t.getTime() - excess));
  }

  // Each letter is drawn while the database works on the document before it.
  const recipients = Object.fromEntries(
    await Promise.all(
      Object.entries(people).map(async ([org, p]) => [org, (await as(p.clerk)).organisationName]),
    ),
  ) as Record<DemoDocumentPlan["org"], string>;
  const drawLetter = (i: number) => {
    const next = planned[i];
    if (!next) return Promise.resolve(new Uint8Array());
    const drawing = letterOf(next.plan, next.times[0]!, recipients[next.plan.org]);
    drawing.catch(() => undefined);
    return drawing;
  };
  let nextLetter = drawLetter(0);

  for (const [i, { plan, steps, times }] of planned.entries()) {
    const letter = nextLetter;
    nextLetter = drawLetter(i + 1);
    // A deadline already past cannot be given through the services: a placeholder far ahead
    // stands in for it and is replaced afterwards, everywhere it was copied.
    const placeholders: DeadlineRemap[] = [];
    const dayOf = (offset: number | undefined) => {
      if (offset === undefined) return null;
      const real = addDays(today, offset);
      if (offset >= 1) return real;
      const stand = addDays(today, 60 + placeholders.length);
      placeholders.push({ documentId: "", from: stand, to: real });
      return stand;
    };
    const who = people[plan.org];
    const leader = plan.leader ?? who.chair;
    const lead = plan.unit ? unitPeople[plan.unit] : undefined;
    const deadline = dayOf(plan.deadline);
    let documentId = "";

    const act = async (username: string, input: IncomingActionRequest) => {
      const [doc] = await db
        .select({ version: document.version })
        .from(document)
        .where(eq(document.id, documentId));
      await applyIncomingAction(db, await as(username), {
        documentId,
        version: doc!.version,
        input,
      });
    };
    const parts = async () => {
      const rows = await db
        .select()
        .from(assignment)
        .where(and(eq(assignment.documentId, documentId), ne(assignment.status, "withdrawn")));
      const unitPart = rows.find((a) => a.unitId === units[plan.unit!] && !a.parentId)!;
      const child = rows.find((a) => a.parentId === unitPart.id)!;
      return { unitPart, child };
    };

    for (const [k, step] of steps.entries()) {
      const from = await dbNow();
      switch (step) {
        case "register":
          documentId = await register(
            plan,
            who.clerk,
            dayOf(plan.issuerDeadline),
            documentDateOf(plan, times[0]!),
            await letter,
          );
          break;
        case "present":
          await act(who.clerk, {
            action: "present",
            leaderId: users[leader]!,
            note:
              plan.proposal ??
              (plan.unit
                ? `Kính trình lãnh đạo. Đề xuất giao ${unitNames[plan.unit]} chủ trì tham mưu xử lý.`
                : "Kính trình lãnh đạo xem xét, cho ý kiến chỉ đạo."),
          });
          break;
        case "returnToSender":
          await act(who.clerk, { action: "returnToSender", reason: plan.reason! });
          break;
        case "direct":
          await act(leader, {
            action: "direct",
            direction:
              plan.direction ??
              `Giao ${unitNames[plan.unit!]} chủ trì${plan.co ? `, ${unitNames[plan.co]} phối hợp` : ""} tham mưu Ủy ban nhân dân phường triển khai thực hiện; báo cáo kết quả trước ngày ${formatDay(addDays(today, plan.deadline!))}.`,
            lead: { unitId: units[plan.unit!], deadline },
            co: plan.co ? [{ unitId: units[plan.co], deadline }] : [],
            info: plan.infoVice ? [{ userId: users[who.vice] }] : [],
          });
          break;
        case "markRead":
          await act(who.vice, { action: "markRead" });
          break;
        case "assign":
          await act(lead!.head, {
            action: "assignToSpecialist",
            assignmentId: (await parts()).unitPart.id,
            userId: users[lead!.specialist]!,
            note: `Giao đồng chí ${lead!.specialistName} nghiên cứu, tham mưu và dự thảo văn bản báo cáo.`,
          });
          break;
        case "note":
          await act(lead!.specialist, { action: "addNote", note: plan.note! });
          break;
        case "extension":
          await act(lead!.specialist, {
            action: "requestExtension",
            assignmentId: (await parts()).child.id,
            requestedDeadline: dayOf(plan.deadline! + 7)!,
            reason: plan.reason!,
          });
          break;
        case "submit":
          await act(lead!.specialist, {
            action: "submitResult",
            assignmentId: (await parts()).child.id,
            result: plan.result!,
          });
          break;
        case "sendBack":
          await act(lead!.head, {
            action: "reviewResult",
            assignmentId: (await parts()).child.id,
            accept: false,
            note: plan.reason!,
          });
          break;
        case "headAccept":
          await act(lead!.head, {
            action: "reviewResult",
            assignmentId: (await parts()).child.id,
            accept: true,
            note: "Đồng ý, kính trình lãnh đạo.",
          });
          break;
        case "leaderAccept":
          await act(leader, {
            action: "reviewResult",
            assignmentId: (await parts()).unitPart.id,
            accept: true,
            note: "Đồng ý với kết quả xử lý.",
          });
          break;
        case "returnToLeader":
          await act(lead!.head, {
            action: "returnToLeader",
            assignmentId: (await parts()).unitPart.id,
            reason: plan.reason!,
          });
          break;
      }
      clock.push({ from, to: await dbNow(), at: times[k]!.toISOString() });
    }
    documentIds.push(documentId);
    remaps.push(...placeholders.map((r) => ({ ...r, documentId })));
  }

  await shiftTimeline(db, { clock, remaps, documentIds });
  return { documents: documentIds.length };

  async function register(
    plan: DemoDocumentPlan,
    clerk: string,
    issuerDeadline: string | null,
    documentDate: string,
    pdf: Uint8Array,
  ): Promise<string> {
    const actor = await as(clerk);
    const issuer = demoIssuers[plan.issuer];
    const fileName = `${plan.number}-${plan.notation}.pdf`.replace(/[^\p{L}\p{N}.-]+/gu, "-");
    const upload = await receiveUpload(
      db,
      actor,
      { stream: Readable.from([Buffer.from(pdf)]), fileName, declaredType: "application/pdf" },
      { store: options.store },
    );
    const input = receiveDocumentInput.parse({
      codeNumber: plan.number,
      codeNotation: plan.notation,
      issuerOrganisationId: "treeKey" in issuer ? orgs[issuer.treeKey] : null,
      issuerName: "treeKey" in issuer ? null : issuer.name,
      documentDate,
      documentType: plan.type,
      subject: plan.subject,
      signerName: issuer.signer,
      urgency: plan.urgency ?? "normal",
      confidentiality: plan.secret ? "confidential" : "normal",
      pageCount: 1,
      deadline: issuerDeadline,
      receivedVia: plan.issuer === "hoangmai" ? "exchange" : "electronic",
      files: [{ sha256: upload.sha256, fileName: upload.fileName, kind: "main" }],
    });
    return (await receiveDocument(db, actor, input)).id;
  }
}

const documentDateOf = (plan: DemoDocumentPlan, arrival: Date) =>
  addDays(vietnamToday(arrival), -1 - (Number(plan.number) % 4));

/** The issuer's letter, as it arrived at `recipient`. */
function letterOf(plan: DemoDocumentPlan, arrival: Date, recipient: string): Promise<Uint8Array> {
  const issuer = demoIssuers[plan.issuer];
  const typeInfo = documentTypes.find((t) => t.key === plan.type)!;
  return renderDemoLetter({
    issuerName: issuer.name,
    numberNotation: `${plan.number}/${plan.notation}`,
    place: issuer.place,
    date: documentDateOf(plan, arrival),
    typeTitle: typeInfo.abbr ? (typeTitles[plan.type] ?? null) : null,
    subject: plan.subject,
    body: plan.body,
    signature: issuer.signature,
    signerName: issuer.signer,
    recipient,
  });
}

const typeTitles: Partial<Record<DemoDocumentPlan["type"], string>> = {
  quyet_dinh: "QUYẾT ĐỊNH",
  ke_hoach: "KẾ HOẠCH",
  thong_bao: "THÔNG BÁO",
  bao_cao: "BÁO CÁO",
  giay_moi: "GIẤY MỜI",
};
