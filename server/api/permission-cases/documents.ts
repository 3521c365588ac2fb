// The permission cases of incoming and outgoing documents, their books, routes and delivery:
// see permissions.int.test.ts.
import type { Case } from "./kit";

export const documentsCases: Record<string, Case> = {
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
  "incoming.registerMany": {
    permission: "incoming.receive",
    input: () => ({
      items: [{ documentId: "00000000-0000-4000-8000-000000000000", version: 1 }],
    }),
    otherOrganisation: (ids) => ({ items: [{ documentId: ids.hlDocument, version: 1 }] }),
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
  "delivery.list": {
    permission: "outgoing.approve",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "delivery.sent": {
    permission: "outgoing.approve",
    input: () => ({ filter: "all" }),
    otherOrganisation: { none: "lists the caller's organisation's documents only" },
  },
  "delivery.lateCount": {
    permission: "outgoing.approve",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; counts the caller's organisation's documents" },
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
  "delivery.remindLate": {
    permission: "outgoing.issue",
    input: () => ({ documentId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: (ids) => ({ documentId: ids.hlDocument }),
  },
  "delivery.resend": {
    permission: "outgoing.issue",
    input: () => ({ deliveryId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    otherOrganisation: {
      none: "the sender's deliveries only: server/delivery/deliver.int.test.ts",
    },
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
};
