// Every tRPC procedure, called as people who must be refused: nobody signed in, a member
// whose roles lack the procedure's permission, and a member of another organisation naming
// that organisation's records. The table must list every procedure of the router.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvent } from "@/db/schema/audit";
import { document } from "@/db/schema/documents";
import { unit } from "@/db/schema/org";
import { routeTemplate } from "@/db/schema/outgoing";
import { meeting, room, roomBooking } from "@/db/schema/meetings";
import { recipientGroup } from "@/db/schema/recipient-groups";
import { scheduleSheet } from "@/db/schema/schedule";
import { task } from "@/db/schema/tasks";
import { appUser } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import type { Action } from "@/lib/permissions";
import { insertRegisteredDocument } from "@/server/testing/documents";
import { freshDatabase } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/trpc";
import { appRouter, createCaller } from "./root";

type Ids = {
  orgs: Record<string, string>;
  users: Record<string, string>;
  hlUnit: string;
  hlDocument: string;
  dcUnit: string;
  hlTemplate: string;
  hlGroup: string;
  hlSheet: string;
  hlMeeting: string;
  hlRoom: string;
  hlBooking: string;
  hlTask: string;
};

type Case = {
  /** null: any signed-in member may call it. */
  permission: Action | null;
  input: (ids: Ids) => unknown;
  /** An input naming another organisation's records, or why the procedure has none. */
  otherOrganisation: ((ids: Ids) => unknown) | { none: string };
};

const strongPassword = "MatKhauMoi2026";
const deploymentWide = { none: "deployment-wide: acts on the whole organisation tree" };

const meetingDay = { day: "2030-03-04", startTime: "09:00", endTime: "10:00" };
const meetingTimes = { ...meetingDay, recurrence: { kind: "none" } };
const meetingFormInput = (roomId: string | null) => ({
  title: "Họp thử",
  agenda: "",
  ...meetingTimes,
  roomId,
  locationText: null,
  participantIds: [],
});

const cases: Record<string, Case> = {
  "account.me": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "account.workplace": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "calendar.items": {
    permission: "calendar.read",
    input: () => ({ from: "2026-12-01", to: "2026-12-31" }),
    otherOrganisation: { none: "answers only about the caller" },
  },
  "calendar.feed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine" }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit }),
  },
  "calendar.renewFeed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine", version: null }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit, version: null }),
  },
  "calendar.revokeFeed": {
    permission: "calendar.read",
    input: () => ({ scope: "mine", version: 1 }),
    otherOrganisation: (ids) => ({ scope: "schedule", unitId: ids.hlUnit, version: 1 }),
  },
  "home.agenda": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "audit.list": {
    permission: "audit.read",
    input: () => ({ limit: 10 }),
    otherOrganisation: (ids) => ({ organisationId: ids.orgs.hoangliet, limit: 10 }),
  },
  "audit.actors": {
    permission: "audit.read",
    input: () => ({}),
    otherOrganisation: (ids) => ({ organisationId: ids.orgs.hoangliet }),
  },
  "audit.verify": {
    permission: "audit.read",
    input: () => ({}),
    otherOrganisation: (ids) => ({ organisationId: ids.orgs.hoangliet }),
  },
  "audit.verifyAll": {
    permission: "orgTree.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "directory.staff": {
    permission: "directory.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation" },
  },
  "outgoing.create": {
    permission: "outgoing.draft",
    input: () => ({
      documentType: "cong_van",
      subject: "Về việc báo cáo",
      body: { type: "doc", content: [] },
    }),
    otherOrganisation: (ids) => ({
      documentType: "cong_van",
      subject: "Về việc báo cáo",
      body: { type: "doc", content: [] },
      recipients: [{ kind: "unit", unitId: ids.hlUnit, name: "Đơn vị khác" }],
    }),
  },
  "outgoing.get": {
    permission: "outgoing.approve",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "outgoing.compare": {
    permission: "outgoing.approve",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000", from: 1, to: 2 }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument, from: 1, to: 2 }),
  },
  "outgoing.act": {
    permission: "outgoing.approve",
    input: () => ({
      documentId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      input: { action: "comment", comment: "Góp ý" },
    }),
    otherOrganisation: (ids) => ({
      documentId: ids.hlDocument,
      version: 1,
      input: { action: "comment", comment: "Góp ý" },
    }),
  },
  "outgoing.sign": {
    permission: "outgoing.approve",
    input: () => ({
      documentId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      pin: "123456",
    }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument, version: 1, pin: "123456" }),
  },
  "outgoing.signMany": {
    permission: "outgoing.approve",
    input: () => ({
      items: [{ documentId: "00000000-0000-4000-8000-000000000000", version: 1 }],
      pin: "123456",
    }),
    otherOrganisation: (ids) => ({
      items: [{ documentId: ids.hlDocument, version: 1 }],
      pin: "123456",
    }),
  },
  "outgoing.signatureRequest": {
    permission: "outgoing.approve",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "outgoing.cancelSignatureRequest": {
    permission: "outgoing.approve",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "delivery.list": {
    permission: "outgoing.approve",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "delivery.replacements": {
    permission: "outgoing.issue",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "delivery.remind": {
    permission: "outgoing.issue",
    input: () => ({ deliveryId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    otherOrganisation: {
      none: "the sender's deliveries only: server/delivery/deliver.int.test.ts",
    },
  },
  "delivery.resend": {
    permission: "outgoing.issue",
    input: () => ({ deliveryId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    otherOrganisation: {
      none: "the sender's deliveries only: server/delivery/deliver.int.test.ts",
    },
  },
  "outgoing.replyStart": {
    permission: "outgoing.draft",
    input: () => ({ incomingId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ incomingId: ids.hlDocument }),
  },
  "outgoing.issue": {
    permission: "outgoing.issue",
    input: () => ({
      documentId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      pin: "123456",
    }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument, version: 1, pin: "123456" }),
  },
  "signing.myCertificates": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's own certificates" },
  },
  "signing.setPin": {
    permission: null,
    input: () => ({ certificateId: "00000000-0000-4000-8000-000000000000", pin: "123456" }),
    otherOrganisation: { none: "a certificate id the caller does not hold is not found" },
  },
  "signing.list": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.issue": {
    permission: "signing.manage",
    input: () => ({ organisationId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: deploymentWide,
  },
  "signing.revoke": {
    permission: "signing.manage",
    input: () => ({
      certificateId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      reason: "x",
    }),
    otherOrganisation: deploymentWide,
  },
  "signing.importCertificate": {
    permission: "signing.own",
    input: () => ({ file: "MAA=", password: "matkhau", pin: "123456" }),
    otherOrganisation: { none: "imports into the caller's own name" },
  },
  "signing.mySignatureImage": {
    permission: "signing.own",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "signing.setSignatureImage": {
    permission: "signing.own",
    input: () => ({ sha256: "0".repeat(64), source: "upload" }),
    otherOrganisation: { none: "sets the caller's own picture, from the caller's own upload" },
  },
  "signing.candidates": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.renew": {
    permission: "signing.manage",
    input: () => ({ certificateId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    otherOrganisation: deploymentWide,
  },
  "exchange.identity": {
    permission: "exchange.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "exchange.peers": {
    permission: "exchange.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "exchange.savePeer": {
    permission: "exchange.manage",
    input: () => ({
      name: "Tỉnh",
      url: "https://x.example",
      certificate: "x",
      organisationIds: [],
      active: true,
    }),
    otherOrganisation: deploymentWide,
  },
  "exchange.outbox": {
    permission: "exchange.manage",
    input: () => ({}),
    otherOrganisation: deploymentWide,
  },
  "exchange.retry": {
    permission: "exchange.manage",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: deploymentWide,
  },
  "signing.trustAnchors": {
    permission: "signing.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "signing.decideTrustAnchor": {
    permission: "signing.manage",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000", decision: "approve" }),
    otherOrganisation: deploymentWide,
  },
  "signing.sealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.setSealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong, sha256: "0".repeat(64) }),
    otherOrganisation: deploymentWide,
  },
  "signing.generateSealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "incoming.get": {
    permission: "incoming.read",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "incoming.act": {
    permission: "incoming.read",
    input: () => ({
      documentId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      input: { action: "markRead" },
    }),
    otherOrganisation: (ids) => ({
      documentId: ids.hlDocument,
      version: 1,
      input: { action: "returnToSender", reason: "Không đúng thẩm quyền" },
    }),
  },
  "notifications.list": {
    permission: null,
    input: () => ({}),
    otherOrganisation: { none: "lists the caller's own notifications" },
  },
  "notifications.unreadCount": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "counts the caller's own notifications" },
  },
  "notifications.markRead": {
    permission: null,
    input: () => ({ id: 1 }),
    otherOrganisation: {
      none: "a notification of someone else is ignored (tested in the notification tests)",
    },
  },
  "reception.receive": {
    permission: "incoming.receive",
    input: () => ({
      issuerName: "Sở Nội vụ thành phố Hà Nội",
      codeNumber: "12",
      codeNotation: "SNV-CCVC",
      documentType: "cong_van",
      subject: "Về việc báo cáo số lượng cán bộ, công chức cấp xã",
      documentDate: "2026-01-05",
      files: [{ sha256: "a".repeat(64), fileName: "cong-van.pdf", kind: "main" }],
    }),
    otherOrganisation: {
      none: "registers into the caller's organisation; another organisation's registry is refused (receive.int.test.ts)",
    },
  },
  "reception.checkDuplicate": {
    permission: "incoming.receive",
    input: () => ({
      issuerName: "Sở Nội vụ thành phố Hà Nội",
      codeNumber: "12",
      codeNotation: "SNV-CCVC",
      documentDate: "2026-01-05",
    }),
    otherOrganisation: { none: "compares with the caller's organisation's documents only" },
  },
  "reception.issuers": {
    permission: "incoming.receive",
    input: () => ({ query: "hoang mai" }),
    otherOrganisation: {
      none: "the organisation tree is shared; typed-in issuers are the caller's organisation's",
    },
  },
  "registries.list": {
    permission: "incoming.read",
    input: () => ({}),
    otherOrganisation: { none: "lists the caller's organisation's registries" },
  },
  "registries.create": {
    permission: "registry.manage",
    input: () => ({ name: "Sổ văn bản đến của HĐND phường", kind: "incoming" }),
    otherOrganisation: { none: "creates in the caller's organisation" },
  },
  "registries.update": {
    permission: "registry.manage",
    input: () => ({
      id: "00000000-0000-4000-8000-000000000000",
      version: 1,
      name: "Sổ văn bản đến",
      kind: "incoming",
      isDefault: true,
    }),
    // Ids has no registry of Phường Hoàng Liệt yet; numbering.int.test.ts updates a real one.
    otherOrganisation: () => ({
      id: "00000000-0000-4000-8000-000000000000",
      version: 1,
      name: "Chiếm quyền",
      kind: "incoming",
    }),
  },
  "inbox.list": {
    permission: "incoming.read",
    input: () => ({ box: "to_handle", limit: 20 }),
    otherOrganisation: { none: "takes no ids; lists the caller's own boxes" },
  },
  "inbox.clerkBox": {
    permission: "incoming.receive",
    input: () => ({ box: "to_register", limit: 20 }),
    otherOrganisation: { none: "takes no ids; lists the caller's organisation" },
  },
  "inbox.counters": {
    permission: "incoming.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; counts the caller's own boxes" },
  },
  "inbox.today": {
    permission: "incoming.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; reads the caller's own boxes and unit" },
  },
  "leader.delegations": {
    permission: "incoming.direct",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's own delegations" },
  },
  "leader.delegateCandidates": {
    permission: "incoming.direct",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation's leaders" },
  },
  "leader.delegate": {
    permission: "incoming.direct",
    input: (ids) => ({
      toUserId: ids.users["phochutich.dc"],
      startsOn: "2099-01-01",
      endsOn: "2099-01-05",
    }),
    otherOrganisation: (ids) => ({
      toUserId: ids.users["chutich.hl"],
      startsOn: "2099-01-01",
      endsOn: "2099-01-05",
    }),
  },
  "leader.revokeDelegation": {
    permission: "incoming.direct",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
  },
  "leader.phrases": {
    permission: "incoming.direct",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; the caller's own phrases" },
  },
  "leader.savePhrases": {
    permission: "incoming.direct",
    input: () => ({ phrases: ["Giao chủ trì."] }),
    otherOrganisation: { none: "takes no ids; the caller's own phrases" },
  },
  "search.documents": {
    permission: "incoming.read",
    input: () => ({ q: "quyết định", limit: 20 }),
    otherOrganisation: { none: "takes no ids; searches what the caller may see" },
  },
  "search.linkable": {
    permission: "incoming.read",
    input: () => ({ q: "kế hoạch", limit: 20 }),
    otherOrganisation: { none: "takes no ids; searches what the caller may see" },
  },
  "reports.registryBook": {
    permission: "registry.read",
    input: () => ({ from: "2026-01-01", to: "2026-12-31", limit: 50 }),
    // Ids has no registry of Phường Hoàng Liệt; registry-book.int.test.ts names a real one.
    otherOrganisation: () => ({
      registryId: "00000000-0000-4000-8000-000000000000",
      from: "2026-01-01",
      to: "2026-12-31",
    }),
  },
  "reports.followUpBook": {
    permission: "registry.read",
    input: () => ({ from: "2026-01-01", to: "2026-12-31", limit: 50 }),
    otherOrganisation: () => ({
      registryId: "00000000-0000-4000-8000-000000000000",
      from: "2026-01-01",
      to: "2026-12-31",
    }),
  },
  "reports.outgoingBook": {
    permission: "registry.read",
    input: () => ({ from: "2026-01-01", to: "2026-12-31", limit: 50 }),
    otherOrganisation: () => ({
      registryId: "00000000-0000-4000-8000-000000000000",
      from: "2026-01-01",
      to: "2026-12-31",
    }),
  },
  "reports.handling": {
    permission: "incoming.report",
    input: () => ({ from: "2026-01-01", to: "2026-12-31" }),
    otherOrganisation: { none: "takes no ids; counts the caller's organisation's documents" },
  },
  "reports.rollup": {
    permission: "incoming.report",
    input: () => ({ from: "2026-01", to: "2026-12" }),
    // Scoped to the caller's subtree; a ward never sees its parent or siblings (rollup.int.test.ts).
    otherOrganisation: {
      none: "takes no ids; counts the caller's organisation and those below it",
    },
  },
  "routeTemplates.list": {
    permission: "outgoing.routeTemplates",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation's templates" },
  },
  "routeTemplates.forDrafting": {
    permission: "outgoing.draft",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation's templates" },
  },
  "routeTemplates.create": {
    permission: "outgoing.routeTemplates",
    input: () => ({ name: "Mẫu mới", steps: [{ kind: "sign" }] }),
    // Another organisation's people are refused as unknown members (route-templates.int.test.ts).
    otherOrganisation: { none: "creates in the caller's organisation; names only its people" },
  },
  "routeTemplates.update": {
    permission: "outgoing.routeTemplates",
    input: (ids) => ({ id: ids.hlTemplate, version: 1, name: "Mẫu", steps: [{ kind: "sign" }] }),
    otherOrganisation: (ids) => ({
      id: ids.hlTemplate,
      version: 1,
      name: "Chiếm quyền",
      steps: [{ kind: "sign" }],
    }),
  },
  "routeTemplates.deactivate": {
    permission: "outgoing.routeTemplates",
    input: (ids) => ({ id: ids.hlTemplate, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlTemplate, version: 1 }),
  },
  "recipients.search": {
    permission: "outgoing.draft",
    input: () => ({ query: "hoang" }),
    otherOrganisation: { none: "the organisation tree is shared by the deployment" },
  },
  "recipients.branch": {
    permission: "outgoing.draft",
    input: (ids) => ({ organisationId: ids.orgs.hoangmai }),
    otherOrganisation: { none: "the organisation tree is shared by the deployment" },
  },
  "recipients.describe": {
    permission: "outgoing.draft",
    input: (ids) => ({ organisationIds: [ids.orgs.hoangliet] }),
    otherOrganisation: { none: "the organisation tree is shared by the deployment" },
  },
  "recipients.groups": {
    permission: "outgoing.draft",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation's groups" },
  },
  "recipients.createGroup": {
    permission: "outgoing.issue",
    input: (ids) => ({ name: "Nhóm mới", memberIds: [ids.orgs.hoangliet] }),
    otherOrganisation: {
      none: "creates in the caller's organisation; members are of the shared tree",
    },
  },
  "recipients.updateGroup": {
    permission: "outgoing.issue",
    input: (ids) => ({ id: ids.hlGroup, version: 1, name: "Nhóm", memberIds: [ids.orgs.hoangmai] }),
    otherOrganisation: (ids) => ({
      id: ids.hlGroup,
      version: 1,
      name: "Chiếm quyền",
      memberIds: [ids.orgs.dinhcong],
    }),
  },
  "recipients.deleteGroup": {
    permission: "outgoing.issue",
    input: (ids) => ({ id: ids.hlGroup, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlGroup, version: 1 }),
  },
  "orgTree.get": {
    permission: "orgTree.manage",
    input: (ids) => ({ id: ids.orgs.hoangliet }),
    otherOrganisation: deploymentWide,
  },
  "orgTree.list": {
    permission: "orgTree.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "orgTree.create": {
    permission: "orgTree.manage",
    input: (ids) => ({
      code: "000.12.28.H26",
      name: "Phường Thử Nghiệm",
      shortName: "UBND",
      level: "commune",
      parentId: ids.orgs.hoangmai,
      validFrom: "2026-01-01",
    }),
    otherOrganisation: deploymentWide,
  },
  "orgTree.update": {
    permission: "orgTree.manage",
    input: (ids) => ({
      id: ids.orgs.hoangliet,
      version: 1,
      code: "000.11.28.H26",
      name: "Đổi tên",
      shortName: "UBND",
    }),
    otherOrganisation: deploymentWide,
  },
  "mail.preferences": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "answers only about the caller" },
  },
  "mail.updatePreferences": {
    permission: null,
    input: () => ({ mode: "digest", email: null, version: 0 }),
    otherOrganisation: { none: "changes only the caller's own settings" },
  },
  "notices.mine": {
    permission: "notice.read",
    input: () => ({}),
    otherOrganisation: { none: "answers only about the caller" },
  },
  "notices.pending": {
    permission: "notice.read",
    input: () => undefined,
    otherOrganisation: { none: "answers only about the caller" },
  },
  "notices.pendingCount": {
    permission: "notice.read",
    input: () => undefined,
    otherOrganisation: { none: "answers only about the caller" },
  },
  // Another organisation's real notices: server/notices/notices.int.test.ts.
  "notices.get": {
    permission: "notice.read",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.confirm": {
    permission: "notice.read",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.office": {
    permission: "notice.publish",
    input: () => ({}),
    otherOrganisation: { none: "lists the caller's organisation" },
  },
  "notices.create": {
    permission: "notice.publish",
    input: () => ({
      title: "Lịch trực Tết",
      body: { type: "doc", content: [] },
      audience: { kind: "organisation" },
    }),
    otherOrganisation: {
      none: "writes in the caller's organisation; another's units and people are refused as unknown (server/notices/notices.int.test.ts)",
    },
  },
  "notices.act": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument, version: 1, input: { action: "publish" } }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument, version: 1, input: { action: "publish" } }),
  },
  "notices.tracking": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "notices.remind": {
    permission: "notice.publish",
    input: (ids) => ({ id: ids.hlDocument }),
    otherOrganisation: (ids) => ({ id: ids.hlDocument }),
  },
  "orgTree.move": {
    permission: "orgTree.manage",
    input: (ids) => ({ id: ids.orgs.hoangliet, version: 1, parentId: ids.orgs.hanoi }),
    otherOrganisation: deploymentWide,
  },
  "orgTree.close": {
    permission: "orgTree.manage",
    input: (ids) => ({ id: ids.orgs.hoangliet, version: 1, date: "2026-01-01", reason: "Thử" }),
    otherOrganisation: deploymentWide,
  },
  "orgTree.merge": {
    permission: "orgTree.manage",
    input: (ids) => ({
      sourceId: ids.orgs.hoangliet,
      targetId: ids.orgs.dinhcong,
      version: 1,
      date: "2026-01-01",
    }),
    otherOrganisation: deploymentWide,
  },
  "schedule.week": {
    permission: "schedule.read",
    input: () => ({ unitId: null, year: 2026, week: 50 }),
    otherOrganisation: (ids) => ({ unitId: ids.hlUnit, year: 2026, week: 50 }),
  },
  "schedule.createSheet": {
    permission: "schedule.draft",
    input: () => ({ unitId: null, year: 2026, week: 51 }),
    otherOrganisation: (ids) => ({ unitId: ids.hlUnit, year: 2026, week: 51 }),
  },
  "schedule.prefill": {
    permission: "schedule.draft",
    input: (ids) => ({ source: { kind: "document", id: ids.hlDocument } }),
    otherOrganisation: (ids) => ({ source: { kind: "document", id: ids.hlDocument } }),
  },
  "schedule.addEntry": {
    permission: "schedule.draft",
    input: (ids) => ({
      sheetId: ids.hlSheet,
      sheetVersion: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Họp giao ban",
    }),
    otherOrganisation: (ids) => ({
      sheetId: ids.hlSheet,
      sheetVersion: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Chiếm quyền",
    }),
  },
  "schedule.updateEntry": {
    permission: "schedule.draft",
    input: (ids) => ({
      id: ids.hlSheet,
      version: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Họp giao ban",
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlSheet,
      version: 1,
      day: "2026-12-07",
      startTime: "08:00",
      content: "Chiếm quyền",
    }),
  },
  "schedule.removeEntry": {
    permission: "schedule.draft",
    input: (ids) => ({ id: ids.hlSheet, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlSheet, version: 1 }),
  },
  "schedule.copyPreviousWeek": {
    permission: "schedule.draft",
    input: (ids) => ({ sheetId: ids.hlSheet, sheetVersion: 1 }),
    otherOrganisation: (ids) => ({ sheetId: ids.hlSheet, sheetVersion: 1 }),
  },
  "schedule.act": {
    permission: "schedule.read",
    input: (ids) => ({ id: ids.hlSheet, version: 1, input: { action: "submit" } }),
    otherOrganisation: (ids) => ({ id: ids.hlSheet, version: 1, input: { action: "submit" } }),
  },
  "units.list": {
    permission: "directory.read",
    input: () => ({}),
    otherOrganisation: (ids) => ({ organisationId: ids.orgs.hoangliet }),
  },
  "units.create": {
    permission: "unit.manage",
    input: () => ({ name: "Tổ Một cửa", shortName: "MC" }),
    otherOrganisation: (ids) => ({
      organisationId: ids.orgs.hoangliet,
      name: "Tổ Một cửa",
      shortName: "MC",
    }),
  },
  "units.update": {
    permission: "unit.manage",
    input: (ids) => ({ id: ids.dcUnit, version: 1, name: "Văn phòng", shortName: "VP" }),
    otherOrganisation: (ids) => ({
      id: ids.hlUnit,
      version: 1,
      name: "Chiếm quyền",
      shortName: "X",
    }),
  },
  "units.setActive": {
    permission: "unit.manage",
    input: (ids) => ({ id: ids.dcUnit, version: 1, active: false }),
    otherOrganisation: (ids) => ({ id: ids.hlUnit, version: 1, active: false }),
  },
  "users.list": {
    permission: "user.manage",
    input: () => ({}),
    otherOrganisation: (ids) => ({ organisationId: ids.orgs.hoangliet }),
  },
  "users.get": {
    permission: "user.manage",
    input: (ids) => ({ id: ids.users["chuyenvien.kt"] }),
    otherOrganisation: (ids) => ({ id: ids.users["vanthu.hl"] }),
  },
  "users.create": {
    permission: "user.manage",
    input: () => ({
      username: "moi.nguoi",
      fullName: "Người Mới",
      roles: ["specialist"],
      password: strongPassword,
    }),
    otherOrganisation: (ids) => ({
      organisationId: ids.orgs.hoangliet,
      username: "xam.nhap",
      fullName: "Xâm Nhập",
      roles: ["admin"],
      password: strongPassword,
    }),
  },
  "users.update": {
    permission: "user.manage",
    input: (ids) => ({
      id: ids.users["chuyenvien.kt"],
      version: 1,
      fullName: "Lê Minh Tuấn",
      roles: ["specialist"],
    }),
    otherOrganisation: (ids) => ({
      id: ids.users["vanthu.hl"],
      version: 1,
      fullName: "Bị sửa",
      roles: ["admin"],
    }),
  },
  "users.setActive": {
    permission: "user.manage",
    input: (ids) => ({ id: ids.users["chuyenvien.kt"], version: 1, active: false }),
    otherOrganisation: (ids) => ({ id: ids.users["vanthu.hl"], version: 1, active: false }),
  },
  "users.resetPassword": {
    permission: "user.manage",
    input: (ids) => ({ id: ids.users["chuyenvien.kt"], password: strongPassword }),
    otherOrganisation: (ids) => ({ id: ids.users["chutich.hl"], password: strongPassword }),
  },
  "meetings.mine": {
    permission: "meeting.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "meetings.get": {
    permission: "meeting.read",
    input: (ids) => ({ id: ids.hlMeeting }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting }),
  },
  "meetings.create": {
    permission: "meeting.organise",
    input: () => meetingFormInput(null),
    otherOrganisation: (ids) => meetingFormInput(ids.hlRoom),
  },
  "meetings.update": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, ...meetingFormInput(null) }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, ...meetingFormInput(null) }),
  },
  "meetings.cancel": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, reason: null }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, reason: null }),
  },
  "meetings.cancelOccurrence": {
    permission: "meeting.organise",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, occurrenceStart: "2027-01-11T00:30:00Z" }),
    otherOrganisation: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
    }),
  },
  "meetings.moveOccurrence": {
    permission: "meeting.organise",
    input: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
      day: "2027-01-12",
      startTime: "14:00",
      endTime: "15:00",
      roomId: null,
      locationText: null,
      title: null,
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlMeeting,
      version: 1,
      occurrenceStart: "2027-01-11T00:30:00Z",
      day: "2027-01-12",
      startTime: "14:00",
      endTime: "15:00",
      roomId: null,
      locationText: null,
      title: null,
    }),
  },
  "meetings.respond": {
    permission: "meeting.read",
    input: (ids) => ({ id: ids.hlMeeting, version: 1, response: "accepted" }),
    otherOrganisation: (ids) => ({ id: ids.hlMeeting, version: 1, response: "accepted" }),
  },
  "meetings.roomAvailability": {
    permission: "meeting.read",
    input: (ids) => ({ roomId: ids.hlRoom, ...meetingTimes }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, ...meetingTimes }),
  },
  "meetings.participantsBusy": {
    permission: "meeting.organise",
    input: () => ({ ...meetingTimes, participantIds: [] }),
    otherOrganisation: (ids) => ({ ...meetingTimes, participantIds: [ids.users["chutich.hl"]] }),
  },
  "meetings.rooms": {
    permission: "meeting.read",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's organisation" },
  },
  "meetings.roomWeek": {
    permission: "meeting.read",
    input: (ids) => ({ roomId: ids.hlRoom, weekStart: "2027-01-04" }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, weekStart: "2027-01-04" }),
  },
  "meetings.createRoom": {
    permission: "room.manage",
    input: () => ({ name: "Phòng mới", capacity: 10, equipment: [], active: true }),
    otherOrganisation: { none: "creates in the caller's organisation only" },
  },
  "meetings.updateRoom": {
    permission: "room.manage",
    input: (ids) => ({
      id: ids.hlRoom,
      version: 1,
      name: "Phòng",
      capacity: 5,
      equipment: [],
      active: true,
    }),
    otherOrganisation: (ids) => ({
      id: ids.hlRoom,
      version: 1,
      name: "Chiếm phòng",
      capacity: 5,
      equipment: [],
      active: false,
    }),
  },
  "meetings.reserveRoom": {
    permission: "room.manage",
    input: (ids) => ({ roomId: ids.hlRoom, purpose: "Tiếp dân", ...meetingDay }),
    otherOrganisation: (ids) => ({ roomId: ids.hlRoom, purpose: "Tiếp dân", ...meetingDay }),
  },
  "meetings.cancelReservation": {
    permission: "room.manage",
    input: (ids) => ({ id: ids.hlBooking, version: 1 }),
    otherOrganisation: (ids) => ({ id: ids.hlBooking, version: 1 }),
  },
  "tasks.list": {
    permission: "task.work",
    input: () => ({ view: "mine" }),
    otherOrganisation: { none: "lists the caller's own tasks" },
  },
  "tasks.get": {
    permission: "task.work",
    input: (ids) => ({ id: ids.hlTask }),
    otherOrganisation: (ids) => ({ id: ids.hlTask }),
  },
  "tasks.create": {
    permission: "task.work",
    input: (ids) => ({
      title: "Việc thử",
      lead: { userId: ids.users["chuyenvien.kt"] },
      startDate: "2030-01-02",
      deadline: "2030-01-09",
    }),
    otherOrganisation: {
      none: "creates in the caller's organisation; another's people are unknown there (server/tasks/workflow.int.test.ts)",
    },
  },
  "tasks.act": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, version: 1, input: { action: "start" } }),
    otherOrganisation: (ids) => ({
      taskId: ids.hlTask,
      version: 1,
      input: { action: "cancel", reason: "Hủy" },
    }),
  },
  "tasks.comment": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, body: "Ý kiến" }),
    otherOrganisation: (ids) => ({ taskId: ids.hlTask, body: "Ý kiến" }),
  },
  "tasks.addFiles": {
    permission: "task.work",
    input: (ids) => ({
      taskId: ids.hlTask,
      files: [{ sha256: "a".repeat(64), fileName: "a.pdf" }],
    }),
    otherOrganisation: (ids) => ({
      taskId: ids.hlTask,
      files: [{ sha256: "a".repeat(64), fileName: "a.pdf" }],
    }),
  },
  "tasks.removeFile": {
    permission: "task.work",
    input: (ids) => ({ taskId: ids.hlTask, fileId: ids.hlTask }),
    otherOrganisation: (ids) => ({ taskId: ids.hlTask, fileId: ids.hlTask }),
  },
  "tasks.dueSoon": {
    permission: "task.work",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "tasks.ofDocument": {
    permission: "task.work",
    input: (ids) => ({ documentId: ids.hlDocument }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "tasks.directionPrefill": {
    permission: "task.assign",
    input: (ids) => ({ documentId: ids.hlDocument }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "tasks.fromDirection": {
    permission: "task.assign",
    input: (ids) => ({
      documentId: ids.hlDocument,
      tasks: [
        {
          title: "Việc",
          lead: { userId: ids.users["chuyenvien.kt"] },
          startDate: "2030-01-02",
          deadline: "2030-01-09",
        },
      ],
    }),
    otherOrganisation: (ids) => ({
      documentId: ids.hlDocument,
      tasks: [
        {
          title: "Việc",
          lead: { userId: ids.users["chutich.hl"] },
          startDate: "2030-01-02",
          deadline: "2030-01-09",
        },
      ],
    }),
  },
  "tasks.report": {
    permission: "task.report",
    input: () => ({ from: "2026-01-01", to: "2026-12-31" }),
    otherOrganisation: { none: "counts the caller's organisation only" },
  },
};

/** Demo members who lack each permission (the first role that does not grant it). */
const lacking: Record<Action, string | null> = {
  "meeting.read": "quantri",
  "meeting.organise": "quantri.dc",
  "room.manage": "chuyenvien.kt",
  "directory.read": null, // every member has it
  "calendar.read": null, // every member has it
  "schedule.read": null, // every member has it
  "schedule.draft": "chuyenvien.kt",
  "schedule.approve": "vanthu.dc",
  "unit.manage": "chuyenvien.kt",
  "user.manage": "truongphong.kt",
  "audit.read": "vanthu.dc",
  "orgTree.manage": "quantri.dc",
  "incoming.read": "quantri",
  "incoming.receive": "chuyenvien.kt",
  "incoming.direct": "vanthu.dc",
  "incoming.assign": "chuyenvien.kt",
  "incoming.handle": "quantri.dc",
  "registry.read": "chuyenvien.kt",
  "registry.manage": "chuyenvien.kt",
  "incoming.report": "chuyenvien.kt",
  "outgoing.draft": "quantri.dc",
  "outgoing.approve": "quantri.dc",
  "outgoing.issue": "chuyenvien.kt",
  "outgoing.routeTemplates": "chuyenvien.kt",
  "signing.manage": "quantri.dc",
  "signing.own": "vanthu.dc",
  "exchange.manage": "quantri.dc",
  "notice.read": null, // every member has it
  "notice.publish": "chuyenvien.kt",
  "task.work": "quantri",
  "task.assign": "chuyenvien.kt",
  "task.report": "chuyenvien.kt",
};

let db: Db;
let ids: Ids;

function callerFor(username: string | null) {
  const userId = username ? ids.users[username] : undefined;
  return createCaller({
    db,
    locale: "vi",
    session: userId ? { userId, sessionEpoch: 1 } : null,
  });
}

async function call(username: string | null, path: string, input: unknown) {
  const caller = callerFor(username) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  const [area, name] = path.split(".") as [string, string];
  return caller[area]![name]!(input);
}

async function snapshotOf(orgId: string) {
  const [events] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(eq(auditEvent.organisationId, orgId));
  const users = await db
    .select({
      id: appUser.id,
      fullName: appUser.fullName,
      active: appUser.active,
      hash: appUser.passwordHash,
      version: appUser.version,
    })
    .from(appUser)
    .where(eq(appUser.organisationId, orgId))
    .orderBy(appUser.id);
  const units = await db
    .select({ id: unit.id, name: unit.name, active: unit.active, version: unit.version })
    .from(unit)
    .where(and(eq(unit.organisationId, orgId)))
    .orderBy(unit.id);
  const documents = await db
    .select({ id: document.id, status: document.status, version: document.version })
    .from(document)
    .where(eq(document.organisationId, orgId))
    .orderBy(document.id);
  const templates = await db
    .select({
      id: routeTemplate.id,
      name: routeTemplate.name,
      active: routeTemplate.active,
      version: routeTemplate.version,
    })
    .from(routeTemplate)
    .where(eq(routeTemplate.organisationId, orgId))
    .orderBy(routeTemplate.id);
  const groups = await db
    .select()
    .from(recipientGroup)
    .where(eq(recipientGroup.organisationId, orgId))
    .orderBy(recipientGroup.id);
  return { events: events?.n, users, units, documents, templates, groups };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
  const seeded = await seedDemo(db);
  const [hl] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(eq(unit.organisationId, seeded.orgs.hoangliet!))
    .limit(1);
  const [dc] = await db
    .select({ id: unit.id })
    .from(unit)
    .where(eq(unit.organisationId, seeded.orgs.dinhcong!))
    .limit(1);
  const hlDocument = await insertRegisteredDocument(db, {
    organisationId: seeded.orgs.hoangliet!,
    createdById: seeded.users["vanthu.hl"]!,
  });
  const [hlTemplate] = await db
    .select({ id: routeTemplate.id })
    .from(routeTemplate)
    .where(eq(routeTemplate.organisationId, seeded.orgs.hoangliet!))
    .limit(1);
  const [hlGroup] = await db
    .insert(recipientGroup)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      name: "Các phòng ban quận",
      memberIds: [seeded.orgs.hoangmai!],
      createdById: seeded.users["vanthu.hl"]!,
      updatedById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: recipientGroup.id });
  const [hlSheet] = await db
    .insert(scheduleSheet)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      year: 2026,
      week: 50,
      weekStart: "2026-12-07",
      createdById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: scheduleSheet.id });
  const [hlRoom] = await db
    .insert(room)
    .values({ organisationId: seeded.orgs.hoangliet!, name: "Phòng họp Hoàng Liệt", capacity: 10 })
    .returning({ id: room.id });
  const [hlMeeting] = await db
    .insert(meeting)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      organiserId: seeded.users["chutich.hl"]!,
      title: "Giao ban Hoàng Liệt",
      startsAt: new Date("2027-01-04T00:30:00Z"),
      endsAt: new Date("2027-01-04T01:30:00Z"),
      roomId: hlRoom!.id,
      recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
    })
    .returning({ id: meeting.id });
  const [hlBooking] = await db
    .insert(roomBooking)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      roomId: hlRoom!.id,
      purpose: "Tiếp công dân",
      during: "[2027-01-05 01:00+00,2027-01-05 02:00+00)",
      bookedById: seeded.users["vanthu.hl"]!,
    })
    .returning({ id: roomBooking.id });
  const [hlTask] = await db
    .insert(task)
    .values({
      organisationId: seeded.orgs.hoangliet!,
      title: "Việc của Hoàng Liệt",
      assignerId: seeded.users["chutich.hl"]!,
      leadUserId: seeded.users["vanthu.hl"]!,
      startDate: "2027-01-04",
      deadline: "2027-01-11",
    })
    .returning({ id: task.id });
  ids = {
    ...seeded,
    hlTask: hlTask!.id,
    hlMeeting: hlMeeting!.id,
    hlRoom: hlRoom!.id,
    hlBooking: hlBooking!.id,
    hlSheet: hlSheet!.id,
    hlGroup: hlGroup!.id,
    hlUnit: hl!.id,
    dcUnit: dc!.id,
    hlDocument: hlDocument.id,
    hlTemplate: hlTemplate!.id,
  };
});

describe("every tRPC procedure", () => {
  it("is listed in this table", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [path, c] of Object.entries(cases)) {
    it(`${path} refuses a caller who is not signed in`, async () => {
      const error = await refusal(call(null, path, c.input(ids)));
      expect(error.code).toBe("UNAUTHORIZED");
    });

    const without = c.permission ? lacking[c.permission] : null;
    if (c.permission && without) {
      it(`${path} refuses ${without}, who lacks ${c.permission}`, async () => {
        const before = await snapshotOf(ids.orgs.dinhcong!);
        const error = await refusal(call(without, path, c.input(ids)));
        expect(error.code).toBe("FORBIDDEN");
        expect(await snapshotOf(ids.orgs.dinhcong!)).toEqual(before);
      });
    }

    const other = c.otherOrganisation;
    if (typeof other === "function") {
      it(`${path} refuses Phường Định Công's admin acting on Phường Hoàng Liệt`, async () => {
        const before = await snapshotOf(ids.orgs.hoangliet!);
        const error = await refusal(call("quantri.dc", path, other(ids)));
        expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.code);
        expect(await snapshotOf(ids.orgs.hoangliet!)).toEqual(before);
      });
    }
  }
});
