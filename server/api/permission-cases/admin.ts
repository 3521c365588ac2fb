// The permission cases of the account, the organisation and its people,
// notifications and mail: see permissions.int.test.ts.
import { strongPassword, deploymentWide, type Case } from "./kit";

export const adminCases: Record<string, Case> = {
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
  "home.agenda": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
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
};
