import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  auditActionNames,
  auditEntityTypes,
  auditActions,
  type AuditAction,
  type AuditRecord,
} from "@/lib/audit-actions";
import { messagesFor, type Locale } from "@/server/i18n/locale";
import { auditSentence, type SentenceEvent, type Translate } from "./audit-sentence";

function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  const translate = ((key: string, values?: Record<string, string | number>) =>
    t(key as never, values as never)) as Translate;
  translate.has = (key) => t.has(key as never);
  return translate;
}
const vi = { t: translator("vi"), links: new Set(auditEntityTypes) };
const en = { t: translator("en"), links: new Set(auditEntityTypes) };

const UNIT_KT = "5b1f0c2e-7a4d-4c1e-9f00-000000000001";
const UNIT_VH = "5b1f0c2e-7a4d-4c1e-9f00-000000000002";
const ID = "0d9c8b7a-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
const record = (name: string, more: Partial<AuditRecord> = {}): AuditRecord => ({
  name,
  number: null,
  username: null,
  openable: false,
  ...more,
});
const SUBJECT = "V/v tổ chức Hội nghị tổng kết công tác năm 2026";
const recordOf: Record<string, AuditRecord> = {
  document: record(SUBJECT, { number: 12, openable: true }),
  user: record("Lê Minh Tuấn", { username: "chuyenvien.kt" }),
  unit: record("Phòng Kinh tế"),
  registry: record("Sổ văn bản đến"),
  routeTemplate: record("Công văn thông thường"),
  recipientGroup: record("Các phường thuộc quận Hoàng Mai"),
  organisation: record("UBND phường Định Công"),
  certificate: record("Nguyễn Đức Thắng"),
  trustAnchor: record("CN=VNPT Certification Authority, O=VNPT Group, C=VN"),
  exchangePeer: record("Hệ thống quản lý văn bản tỉnh Nghệ An"),
  scheduleSheet: record("50/2026"),
  notice: record("Lịch trực Tết Nguyên đán"),
  task: record("Rà soát hộ nghèo tổ dân phố 5"),
  meeting: record("Giao ban lãnh đạo UBND phường"),
  room: record("Phòng họp số 1 (tầng 2)"),
};
const hl = { id: ID, code: "H49.30", name: "UBND phường Hoàng Liệt" };
const dc = { id: ID, code: "H49.29", name: "UBND phường Định Công" };

/** Each action's data as its service writes it. */
const dataOf: Record<AuditAction, Record<string, unknown>> = {
  "incoming.registered": { registryNumber: 12, period: "2026", toStatus: "registered" },
  "incoming.presented": { leader: "Nguyễn Đức Thắng", note: "Kính trình" },
  "incoming.directed": {
    lead: { name: "Phòng Kinh tế", deadline: "2026-12-20" },
    co: [{ name: "Phòng Văn hóa - Xã hội", deadline: null }],
    info: [],
  },
  "incoming.redirected": { lead: { name: "Phòng Văn hóa - Xã hội", deadline: null }, co: [] },
  "incoming.assignedToSpecialist": {
    specialist: "Lê Minh Tuấn",
    deadline: "2026-12-18",
    role: "lead",
  },
  "incoming.noted": { files: [], note: "Đã liên hệ" },
  "incoming.extensionRequested": { from: "2026-12-20", to: "2026-12-31" },
  "incoming.extensionApproved": { requested: "2026-12-31", granted: "2026-12-28" },
  "incoming.extensionRefused": {},
  "incoming.partCompleted": { role: "co", late: false, deadline: null },
  "incoming.completed": { role: "lead", late: true, deadline: "2026-12-20" },
  "incoming.partReturned": { to: "unit_head" },
  "incoming.returned": { note: "Không thuộc thẩm quyền" },
  "incoming.returnedToSender": { issuer: "Sở Nội vụ" },
  "incoming.recallAccepted": {},
  "incoming.recallRefused": { note: "Đã xử lý xong" },
  "outgoing.recallRequested": { kind: "recall", note: "Ban hành nhầm" },
  "incoming.arrived": { issuer: "UBND phường Định Công", numberNotation: "05/UBND-KT" },
  "incoming.read": {},
  "incoming.resultSubmitted": { role: "lead", late: true },
  "incoming.resultAccepted": { role: "co", onBehalfOf: "Nguyễn Đức Thắng" },
  "incoming.resultSentBack": { role: "lead", onBehalfOf: null },
  "incoming.directionWithdrawn": {},
  "incoming.forwarded": { to: ["Phòng Kinh tế", "Đỗ Thị Hạnh"] },
  "outgoing.drafted": { version: 1 },
  "outgoing.draftSaved": { version: 2, restarted: 1 },
  "outgoing.sentOnRoute": { steps: ["review", "format_check", "sign"] },
  "outgoing.reviewMarked": { step: 1, passed: true },
  "outgoing.formatChecked": { step: 2, passed: true },
  "outgoing.returnedToDrafter": { step: 1 },
  "outgoing.draftRefused": { step: 1 },
  "outgoing.draftCommented": { version: 2 },
  "outgoing.signatureRequested": { version: 3, provider: "smartca" },
  "outgoing.signed": { version: 3, signer: "Nguyễn Đức Thắng" },
  "outgoing.returnedToStep": { step: 1 },
  "outgoing.issued": { number: "05/UBND-KT", date: "2026-12-06" },
  "user.created": {
    username: "chuyenvien.kt",
    fullName: "Lê Minh Tuấn",
    roles: ["specialist"],
    unitId: UNIT_KT,
  },
  "user.updated": {
    username: "chuyenvien.kt",
    changes: { roles: { from: ["specialist"], to: ["unit_head"] } },
  },
  "user.reactivated": { username: "chuyenvien.kt" },
  "user.deactivated": { username: "chuyenvien.kt" },
  "user.passwordReset": { username: "chuyenvien.kt", wasLocked: true },
  "user.passwordChanged": {},
  "unit.created": { name: "Phòng Kinh tế", shortName: "KT" },
  "unit.updated": { changes: { shortName: { from: "KT", to: "P.KT" } } },
  "unit.reactivated": { name: "Phòng Kinh tế" },
  "unit.deactivated": { name: "Phòng Kinh tế" },
  "registry.created": { name: "Sổ văn bản đến", kind: "incoming", automatic: true },
  "registry.updated": {
    changes: { name: { from: "Sổ đến", to: "Sổ văn bản đến" }, version: { from: 1, to: 2 } },
  },
  "registry.defaultChosen": { name: "Sổ văn bản đến", kind: "incoming", automatic: true },
  "routeTemplate.created": {
    name: "Công văn thông thường",
    steps: ["review", "format_check", "sign"],
  },
  "routeTemplate.updated": {
    changes: { name: { from: "Công văn", to: "Công văn thông thường" } },
    steps: ["format_check", "sign"],
  },
  "routeTemplate.deactivated": { name: "Công văn thông thường" },
  "recipientGroup.created": {
    name: "Các phường thuộc quận Hoàng Mai",
    members: ["UBND phường Định Công", "UBND phường Hoàng Liệt"],
  },
  "recipientGroup.updated": {
    name: "Các phường thuộc quận Hoàng Mai",
    changes: { name: { from: "Các phường", to: "Các phường thuộc quận Hoàng Mai" } },
    members: 2,
    added: ["UBND phường Hoàng Liệt"],
    removed: [],
  },
  "user.passwordResetRequested": {},
  "user.passwordResetByMail": {},
  "user.mailSettingsChanged": { mode: "digest" },
  "meeting.created": { title: "Giao ban lãnh đạo UBND phường", start: "2026-12-07T00:30:00.000Z" },
  "meeting.updated": { title: "Giao ban lãnh đạo UBND phường", timesChanged: true },
  "meeting.cancelled": { title: "Giao ban lãnh đạo UBND phường", reason: null },
  "meeting.occurrenceCancelled": { title: "Giao ban lãnh đạo UBND phường" },
  "meeting.occurrenceMoved": { title: "Giao ban lãnh đạo UBND phường" },
  "meeting.accepted": { title: "Giao ban lãnh đạo UBND phường" },
  "meeting.declined": { title: "Giao ban lãnh đạo UBND phường" },
  "room.created": { name: "Phòng họp số 1 (tầng 2)", capacity: 20 },
  "room.updated": { name: "Phòng họp số 1 (tầng 2)", changes: {} },
  "room.reserved": { purpose: "Tiếp công dân định kỳ" },
  "room.reservationCancelled": { purpose: "Tiếp công dân định kỳ" },
  "notice.drafted": { title: "Lịch trực Tết Nguyên đán" },
  "notice.draftSaved": { title: "Lịch trực Tết Nguyên đán" },
  "notice.published": {
    title: "Lịch trực Tết Nguyên đán",
    recipients: 12,
    audience: "organisation",
    requiresConfirmation: true,
  },
  "notice.withdrawn": { title: "Lịch trực Tết Nguyên đán" },
  "notice.confirmed": { title: "Lịch trực Tết Nguyên đán" },
  "notice.reminded": { title: "Lịch trực Tết Nguyên đán", reminded: 3 },
  "schedule.created": { year: 2026, week: 50, unitId: null },
  "schedule.entryAdded": { content: "Họp giao ban", day: "2026-12-07", afterPublication: false },
  "schedule.entryEdited": { content: "Họp giao ban", day: "2026-12-07", afterPublication: true },
  "schedule.entryRemoved": { content: "Họp giao ban", day: "2026-12-07" },
  "schedule.entryCancelled": { content: "Họp giao ban", day: "2026-12-07" },
  "schedule.copiedPreviousWeek": { entries: 5 },
  "schedule.submitted": { from: "draft", to: "submitted" },
  "schedule.published": { from: "submitted", to: "published" },
  "schedule.returned": { reason: "Bổ sung lịch tiếp dân" },
  "recipientGroup.deleted": { name: "Các phường thuộc quận Hoàng Mai", members: 2 },
  "organisation.created": { code: "H49.29", name: "UBND phường Định Công", level: "commune" },
  "organisation.updated": { changes: { name: { from: "UBND phường ĐC", to: dc.name } } },
  "organisation.moved": { from: null, to: hl },
  "organisation.closed": { date: "2026-07-01", reason: "Sắp xếp đơn vị hành chính" },
  "organisation.merged": { into: hl, date: "2026-07-01", users: ["a"], units: [] },
  "organisation.absorbed": { from: dc, date: "2026-07-01", users: ["a", "b"], units: [{}] },
  "signing.certificateIssued": {
    name: "Nguyễn Đức Thắng",
    purpose: "person",
    title: "Chủ tịch",
    serial: "4F3A09C1",
  },
  "signing.certificateRenewed": {
    name: "Nguyễn Đức Thắng",
    serial: "5B11",
    previousSerial: "4F3A",
  },
  "signing.certificateRevoked": { name: "Nguyễn Đức Thắng", serial: "4F3A", reason: "Nghỉ hưu" },
  "signing.certificateImported": {
    name: "Nguyễn Đức Thắng",
    serial: "0A",
    issuer: "VNPT Certification Authority",
    anchor: "pending",
  },
  "signing.trustAnchorApproved": { name: "CN=VNPT", fingerprint: "AB:CD", from: "pending" },
  "signing.trustAnchorRefused": { name: "CN=VNPT", fingerprint: "AB:CD", from: "pending" },
  "signing.signatureImageSet": { source: "drawn", sha256: "ab" },
  "signing.sealImageSet": { source: "generated", sha256: "ab" },
  "exchange.peerAdded": { name: "Tỉnh Nghệ An", url: "https://vanban.nghean.gov.vn", hosts: 3 },
  "exchange.peerChanged": { name: "Tỉnh Nghệ An", url: "https://vanban.nghean.gov.vn", hosts: 0 },
  "exchange.retried": { message: ID, kind: "document" },
  "calendar.feedCreated": { scope: "mine" },
  "calendar.feedRenewed": { scope: "schedule" },
  "calendar.feedRevoked": { scope: "mine" },
  "task.created": {
    title: "Rà soát",
    lead: "Lê Minh Tuấn",
    deadline: "2026-12-20",
    toStatus: "new",
  },
  "task.createdFromDirection": { title: "Rà soát", lead: "Phòng Kinh tế", deadline: "2026-12-20" },
  "task.started": { fromStatus: "new", toStatus: "in_progress" },
  "task.handedOver": { lead: "Lê Minh Tuấn" },
  "task.progressReported": { percent: 50, note: "Đã xong nửa" },
  "task.reportApproved": { percent: 50 },
  "task.reportReturned": { percent: 100, note: "Thiếu biên bản" },
  "task.extensionRequested": { from: "2026-12-20", to: "2026-12-31", note: "Chờ số liệu" },
  "task.extensionApproved": { from: "2026-12-20", to: "2026-12-31" },
  "task.extensionRefused": { from: "2026-12-20", to: "2026-12-31", note: "Không được" },
  "task.extended": { from: "2026-12-20", to: "2026-12-31" },
  "task.completed": { toStatus: "done" },
  "task.cancelled": { note: "Không còn cần" },
  "task.reopened": { note: "Làm tiếp" },
  "task.commented": { mentioned: ["Trần Thu Hà"] },
  "task.edited": {
    changes: {
      deadline: { from: "2026-12-20", to: "2026-12-31" },
      priority: { from: "normal", to: "high" },
    },
    description: true,
    added: { co: ["Trần Thu Hà"] },
    removed: { watchers: ["Lê Minh Tuấn"] },
  },
  "task.filesAdded": { files: ["Biên bản.pdf", "Danh sách hộ.xlsx"] },
  "task.fileRemoved": { fileName: "Biên bản.pdf" },
  "demo.seeded": { units: 2, users: ["quantri.dc", "vanthu.dc", "chutich.dc"] },
};

function event(action: string, more: Partial<SentenceEvent> = {}): SentenceEvent {
  const entityType = auditActions[action as AuditAction] ?? "test";
  return {
    action,
    entityType,
    entityId: ID,
    actorName: "Nguyễn Văn Quản",
    data: dataOf[action as AuditAction] ?? {},
    redacted: false,
    record: recordOf[entityType] ?? null,
    unitNames: { [UNIT_KT]: "Phòng Kinh tế", [UNIT_VH]: "Phòng Văn hóa - Xã hội" },
    ...more,
  };
}

describe("every known action as a sentence", () => {
  for (const [locale, context, generic] of [
    ["vi", vi, "thực hiện thao tác"],
    ["en", en, "performed “"],
  ] as const) {
    it(`has a sentence of its own in ${locale}, naming the actor and the record, with nothing left unfilled`, () => {
      expect(auditSentence(event("nothing.known"), context).text).toContain(generic);
      for (const action of auditActionNames) {
        const { text } = auditSentence(event(action), context);
        expect(text, action).toMatch(/^Nguyễn Văn Quản /);
        expect(text, action).not.toMatch(/[{}]|audit\.|undefined|null|NaN|\uE000/);
        expect(text, action).not.toContain(action);
        expect(text, action).not.toContain(generic);
        if (action !== "user.passwordChanged") {
          expect(text, action).toContain(recordOf[auditActions[action]]!.name);
        }
      }
    });
  }

  it("reads as the Vietnamese a clerk would write", () => {
    const say = (action: AuditAction, more?: Partial<SentenceEvent>) =>
      auditSentence(event(action, more), vi).text;
    expect(say("incoming.resultAccepted")).toBe(
      `Nguyễn Văn Quản (thay mặt Nguyễn Đức Thắng) chấp nhận kết quả phần việc phối hợp xử lý văn bản «${SUBJECT}».`,
    );
    expect(say("user.updated")).toBe(
      "Nguyễn Văn Quản đổi vai trò của Lê Minh Tuấn từ Chuyên viên thành Trưởng đơn vị.",
    );
    expect(say("incoming.registered", { actorName: "Phạm Thị Thu" })).toBe(
      `Phạm Thị Thu vào sổ văn bản đến số 12 «${SUBJECT}».`,
    );
    expect(say("incoming.directed")).toBe(
      `Nguyễn Văn Quản chỉ đạo xử lý văn bản «${SUBJECT}»: giao Phòng Kinh tế chủ trì, Phòng Văn hóa - Xã hội phối hợp, hạn 20/12/2026.`,
    );
    expect(say("incoming.extensionRequested")).toBe(
      `Nguyễn Văn Quản đề nghị gia hạn xử lý văn bản «${SUBJECT}» từ 20/12/2026 đến 31/12/2026.`,
    );
    expect(say("user.created")).toBe(
      "Nguyễn Văn Quản tạo tài khoản chuyenvien.kt cho Lê Minh Tuấn, vai trò Chuyên viên, thuộc Phòng Kinh tế.",
    );
    expect(say("user.passwordReset")).toBe(
      "Nguyễn Văn Quản đặt lại mật khẩu cho Lê Minh Tuấn và mở khóa đăng nhập.",
    );
    expect(say("organisation.moved")).toBe(
      "Nguyễn Văn Quản chuyển UBND phường Định Công sang trực thuộc UBND phường Hoàng Liệt (trước đây: không có cấp trên).",
    );
    expect(say("routeTemplate.updated")).toBe(
      "Nguyễn Văn Quản sửa quy trình trình ký mẫu «Công văn thông thường» (trước đây là «Công văn»); " +
        "các bước nay là: Kiểm tra thể thức → Ký ban hành.",
    );
    expect(say("routeTemplate.updated", { data: { steps: ["sign"] } })).toBe(
      "Nguyễn Văn Quản sửa quy trình trình ký mẫu «Công văn thông thường»; các bước nay là: Ký ban hành.",
    );
    expect(say("recipientGroup.updated")).toBe(
      "Nguyễn Văn Quản sửa nhóm nơi nhận «Các phường thuộc quận Hoàng Mai» (trước đây là «Các phường»); " +
        "thêm UBND phường Hoàng Liệt.",
    );
    expect(say("recipientGroup.created")).toBe(
      "Nguyễn Văn Quản tạo nhóm nơi nhận «Các phường thuộc quận Hoàng Mai» gồm 2 cơ quan.",
    );
    expect(say("signing.certificateRevoked")).toBe(
      "Nguyễn Văn Quản thu hồi chứng thư số của Nguyễn Đức Thắng, lý do: Nghỉ hưu.",
    );
    expect(say("signing.certificateImported")).toBe(
      "Nguyễn Văn Quản nhập chứng thư số của Nguyễn Đức Thắng do VNPT Certification Authority cấp; CA gốc đang chờ quản trị hệ thống phê duyệt.",
    );
    expect(say("registry.created", { actorName: null })).toBe(
      "Hệ thống tự động mở sổ đăng ký «Sổ văn bản đến» cho văn bản đến.",
    );
    expect(say("task.edited")).toBe(
      "Nguyễn Văn Quản sửa công việc «Rà soát hộ nghèo tổ dân phố 5»: hạn hoàn thành từ 20/12/2026 thành 31/12/2026; " +
        "mức ưu tiên từ Bình thường thành Cao; sửa nội dung; thêm người phối hợp Trần Thu Hà; bỏ người theo dõi Lê Minh Tuấn.",
    );
    expect(say("task.edited", { data: { changes: {} } })).toBe(
      "Nguyễn Văn Quản sửa công việc «Rà soát hộ nghèo tổ dân phố 5».",
    );
    expect(say("task.filesAdded")).toBe(
      "Nguyễn Văn Quản đính kèm 2 tệp vào công việc «Rà soát hộ nghèo tổ dân phố 5»: Biên bản.pdf, Danh sách hộ.xlsx.",
    );
    expect(say("task.fileRemoved")).toBe(
      "Nguyễn Văn Quản gỡ tệp Biên bản.pdf khỏi công việc «Rà soát hộ nghèo tổ dân phố 5».",
    );
  });

  it("reads as English in English", () => {
    const say = (action: AuditAction, more?: Partial<SentenceEvent>) =>
      auditSentence(event(action, more), en).text;
    expect(say("user.updated")).toBe(
      "Nguyễn Văn Quản changed the roles of Lê Minh Tuấn from Specialist to Unit head.",
    );
    expect(say("incoming.registered")).toBe(
      `Nguyễn Văn Quản registered incoming document no. 12 «${SUBJECT}».`,
    );
    expect(say("organisation.absorbed")).toBe(
      "Nguyễn Văn Quản merged UBND phường Định Công into this organisation as of 01/07/2026, bringing 2 users and 1 unit.",
    );
  });
});

describe("the data behind a sentence", () => {
  it("lists several changes of one edit after the record, moving a person between units by name", () => {
    const { text } = auditSentence(
      event("user.updated", {
        data: {
          changes: {
            jobTitle: { from: "", to: "Chuyên viên chính" },
            unitId: { from: UNIT_KT, to: UNIT_VH },
            roles: { from: ["specialist"], to: ["specialist", "unit_head"] },
          },
        },
      }),
      vi,
    );
    expect(text).toBe(
      "Nguyễn Văn Quản sửa tài khoản của Lê Minh Tuấn: chức danh từ (trống) thành Chuyên viên chính; " +
        "đơn vị từ Phòng Kinh tế thành Phòng Văn hóa - Xã hội; vai trò từ Chuyên viên thành Chuyên viên, Trưởng đơn vị.",
    );
  });

  it("leaves out what the data does not say, rather than printing it empty", () => {
    const { text } = auditSentence(
      event("incoming.extensionRequested", { data: { from: "in_progress", to: "in_progress" } }),
      vi,
    );
    expect(text).toBe(`Nguyễn Văn Quản đề nghị gia hạn xử lý văn bản «${SUBJECT}».`);
    const bare = auditSentence(event("incoming.directed", { data: {} }), en).text;
    expect(bare).toBe(`Nguyễn Văn Quản directed the handling of «${SUBJECT}».`);
  });

  it("names a record no longer found by what its event recorded, or by the start of its id", () => {
    expect(auditSentence(event("user.deactivated", { record: null }), vi).text).toBe(
      "Nguyễn Văn Quản khóa tài khoản của chuyenvien.kt.",
    );
    expect(auditSentence(event("incoming.read", { record: null }), vi).text).toBe(
      `Nguyễn Văn Quản đã đọc văn bản «#${ID.slice(0, 8)}» để biết.`,
    );
  });

  it("says an unknown action in a generic sentence with its code", () => {
    const e = event("archive.handedOver", { entityType: "archive", record: null, data: { x: 1 } });
    expect(auditSentence(e, vi).text).toBe(
      `Nguyễn Văn Quản thực hiện thao tác «archive.handedOver» với archive #${ID.slice(0, 8)}.`,
    );
    const known = event("user.updated", { data: {} });
    expect(auditSentence(known, en).text).toBe(
      "Nguyễn Văn Quản performed “Account edited” on account Lê Minh Tuấn.",
    );
  });
});

describe("a withheld document's event", () => {
  it("says who and what kind of action, never the subject or the data", () => {
    for (const context of [vi, en]) {
      const s = auditSentence(
        event("incoming.presented", {
          redacted: true,
          record: record("CANARY subject", { openable: true }),
          data: { leader: "CANARY leader", note: "CANARY note" },
        }),
        context,
      );
      expect(s.text).not.toContain("CANARY");
      expect(s.text).toMatch(/^Nguyễn Văn Quản: .(Trình lãnh đạo|Presented for direction)/);
      expect(s.href).toBeNull();
      expect(s.parts.every((p) => !p.href)).toBe(true);
    }
  });
});

describe("the link to the record", () => {
  it("opens a document the reader may open, and nothing for one they may not", () => {
    const open = auditSentence(event("incoming.read"), vi);
    expect(open.href).toBe(`/documents/${ID}`);
    expect(open.parts).toContainEqual({ text: SUBJECT, href: `/documents/${ID}` });
    const closed = auditSentence(
      event("incoming.read", { record: record(SUBJECT, { openable: false }) }),
      vi,
    );
    expect(closed.href).toBeNull();
  });

  it("opens the users page searched for the person, and the admin pages of other records", () => {
    expect(auditSentence(event("user.deactivated"), vi).href).toBe("/admin/users?q=chuyenvien.kt");
    expect(auditSentence(event("unit.created"), vi).href).toBe("/admin/units");
    expect(auditSentence(event("registry.updated"), vi).href).toBe("/admin/registries");
    expect(auditSentence(event("routeTemplate.created"), vi).href).toBe("/admin/route-templates");
    expect(auditSentence(event("organisation.closed"), vi).href).toBe("/admin/organisations");
  });

  it("is left out where the reader may not open the page", () => {
    const noPages = { t: vi.t, links: new Set<never>() };
    for (const action of ["user.created", "unit.created", "organisation.moved"] as const) {
      expect(auditSentence(event(action), noPages).href, action).toBeNull();
    }
  });

  it("keeps the record's name whole and in place whatever characters it holds", () => {
    const odd = "Báo cáo \uE000 «quý» {1}";
    const s = auditSentence(
      event("incoming.read", { record: record(odd, { openable: true }) }),
      vi,
    );
    expect(s.parts.map((p) => p.text)).toEqual([
      "Nguyễn Văn Quản đã đọc văn bản «",
      "Báo cáo  «quý» {1}",
      "» để biết.",
    ]);
  });
});
