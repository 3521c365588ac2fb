// Demo data: four administrative levels, each organisation with units, a clerk and a leader;
// Phường Định Công fully staffed. Every demo account shares DEMO_PASSWORD.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { organisation, unit } from "../schema/org";
import { appUser, userRole } from "../schema/users";
import { appendAudit } from "@/server/audit/append";
import { hashPassword } from "@/server/auth/password";
import { seedDefaultRegistries } from "./registries";
import { seedDemoRouteTemplates } from "./route-templates";
import type { Role } from "@/lib/permissions";

export const DEMO_PASSWORD = "LienThong@2026";

type DemoUnit = { key: string; name: string; shortName: string };
type DemoUser = {
  username: string;
  fullName: string;
  jobTitle: string;
  unit: string | null;
  roles: Role[];
  email?: string;
};
type DemoOrg = {
  key: string;
  code: string;
  name: string;
  shortName: string;
  level: "central" | "province" | "district" | "commune";
  parent: string | null;
  units: DemoUnit[];
  users: DemoUser[];
};

export const demoOrganisations: DemoOrg[] = [
  {
    key: "bnv",
    code: "000.00.00.G09",
    name: "Bộ Nội vụ",
    shortName: "BNV",
    level: "central",
    parent: null,
    units: [
      { key: "vp", name: "Văn phòng Bộ", shortName: "VP" },
      { key: "cqdp", name: "Vụ Chính quyền địa phương", shortName: "CQĐP" },
      { key: "ttt", name: "Trung tâm Thông tin", shortName: "TTTT" },
    ],
    users: [
      {
        username: "quantri",
        fullName: "Đặng Văn Hệ",
        jobTitle: "Quản trị hệ thống",
        unit: "ttt",
        roles: ["deployment_admin"],
        email: "quantri@lienthong.gov.vn",
      },
      {
        username: "vanthu.bnv",
        fullName: "Ngô Thị Hằng",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "lanhdao.bnv",
        fullName: "Trịnh Quang Minh",
        jobTitle: "Thứ trưởng",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
  {
    key: "hanoi",
    code: "000.00.00.H26",
    name: "Ủy ban nhân dân Thành phố Hà Nội",
    shortName: "UBND",
    level: "province",
    parent: "bnv",
    units: [
      { key: "vp", name: "Văn phòng UBND Thành phố", shortName: "VP" },
      { key: "th", name: "Phòng Tổng hợp", shortName: "TH" },
    ],
    users: [
      {
        username: "vanthu.hanoi",
        fullName: "Lương Thị Nga",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "lanhdao.hanoi",
        fullName: "Phan Đình Khôi",
        jobTitle: "Phó Chủ tịch UBND Thành phố",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
  {
    key: "nghean",
    code: "000.00.00.H40",
    name: "Ủy ban nhân dân tỉnh Nghệ An",
    shortName: "UBND",
    level: "province",
    parent: "bnv",
    units: [
      { key: "vp", name: "Văn phòng UBND tỉnh", shortName: "VP" },
      { key: "nc", name: "Phòng Nội chính", shortName: "NC" },
    ],
    users: [
      {
        username: "vanthu.nghean",
        fullName: "Hồ Thị Xuân",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "lanhdao.nghean",
        fullName: "Thái Văn Hưởng",
        jobTitle: "Chủ tịch UBND tỉnh",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
  {
    key: "hoangmai",
    code: "000.00.28.H26",
    name: "Ủy ban nhân dân quận Hoàng Mai",
    shortName: "UBND",
    level: "district",
    parent: "hanoi",
    units: [
      { key: "vp", name: "Văn phòng HĐND và UBND quận", shortName: "VP" },
      { key: "nv", name: "Phòng Nội vụ", shortName: "NV" },
    ],
    users: [
      {
        username: "vanthu.hoangmai",
        fullName: "Đinh Thị Thoa",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "lanhdao.hoangmai",
        fullName: "Bùi Xuân Trường",
        jobTitle: "Chủ tịch UBND quận",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
  {
    key: "dinhcong",
    code: "000.10.28.H26",
    name: "Ủy ban nhân dân phường Định Công",
    shortName: "UBND",
    level: "commune",
    parent: "hoangmai",
    units: [
      { key: "vp", name: "Văn phòng HĐND và UBND phường", shortName: "VP" },
      { key: "kt", name: "Phòng Kinh tế, Hạ tầng và Đô thị", shortName: "KT" },
      { key: "vhxh", name: "Phòng Văn hóa - Xã hội", shortName: "VHXH" },
    ],
    users: [
      {
        username: "quantri.dc",
        fullName: "Nguyễn Văn Quản",
        jobTitle: "Quản trị cơ quan",
        unit: "vp",
        roles: ["admin"],
        email: "quantri.dinhcong@hanoi.gov.vn",
      },
      {
        username: "vanthu.dc",
        fullName: "Phạm Thị Thu",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
        email: "vanthu.dinhcong@hanoi.gov.vn",
      },
      {
        username: "chutich.dc",
        fullName: "Nguyễn Đức Thắng",
        jobTitle: "Chủ tịch UBND phường",
        unit: null,
        roles: ["leader"],
      },
      {
        username: "phochutich.dc",
        fullName: "Hoàng Thị Mai",
        jobTitle: "Phó Chủ tịch UBND phường",
        unit: null,
        roles: ["leader"],
      },
      {
        username: "truongphong.kt",
        fullName: "Trần Quốc Bảo",
        jobTitle: "Trưởng phòng Kinh tế, Hạ tầng và Đô thị",
        unit: "kt",
        roles: ["unit_head"],
      },
      {
        username: "chuyenvien.kt",
        fullName: "Lê Minh Tuấn",
        jobTitle: "Chuyên viên",
        unit: "kt",
        roles: ["specialist"],
      },
      {
        username: "truongphong.vhxh",
        fullName: "Vũ Thị Lan",
        jobTitle: "Trưởng phòng Văn hóa - Xã hội",
        unit: "vhxh",
        roles: ["unit_head"],
      },
      {
        username: "chuyenvien.vhxh",
        fullName: "Đỗ Thị Hạnh",
        jobTitle: "Chuyên viên",
        unit: "vhxh",
        roles: ["specialist"],
      },
    ],
  },
  {
    key: "hoangliet",
    code: "000.11.28.H26",
    name: "Ủy ban nhân dân phường Hoàng Liệt",
    shortName: "UBND",
    level: "commune",
    parent: "hoangmai",
    units: [
      { key: "vp", name: "Văn phòng HĐND và UBND phường", shortName: "VP" },
      { key: "kt", name: "Phòng Kinh tế, Hạ tầng và Đô thị", shortName: "KT" },
    ],
    users: [
      {
        username: "vanthu.hl",
        fullName: "Trương Thị Huyền",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "chutich.hl",
        fullName: "Cao Văn Lực",
        jobTitle: "Chủ tịch UBND phường",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
  {
    key: "namdan",
    code: "000.00.35.H40",
    name: "Ủy ban nhân dân xã Nam Đàn",
    shortName: "UBND",
    level: "commune",
    parent: "nghean",
    units: [
      { key: "vp", name: "Văn phòng HĐND và UBND xã", shortName: "VP" },
      { key: "vhxh", name: "Phòng Văn hóa - Xã hội", shortName: "VHXH" },
    ],
    users: [
      {
        username: "vanthu.namdan",
        fullName: "Nguyễn Thị Loan",
        jobTitle: "Văn thư",
        unit: "vp",
        roles: ["clerk"],
      },
      {
        username: "chutich.namdan",
        fullName: "Phan Văn Sơn",
        jobTitle: "Chủ tịch UBND xã",
        unit: null,
        roles: ["leader"],
      },
    ],
  },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from organisation`);
  return rows.rows[0]?.n === 0;
}

/** Writes the demo tree in one transaction; returns ids by `org` and `org.username` keys. */
export async function seedDemo(
  db: Db,
): Promise<{ orgs: Record<string, string>; users: Record<string, string> }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const orgs: Record<string, string> = {};
    const users: Record<string, string> = {};
    for (const o of demoOrganisations) {
      const [created] = await tx
        .insert(organisation)
        .values({
          code: o.code,
          name: o.name,
          shortName: o.shortName,
          level: o.level,
          parentId: o.parent ? orgs[o.parent] : null,
          validFrom: "2025-07-01",
        })
        .returning({ id: organisation.id });
      const orgId = created!.id;
      orgs[o.key] = orgId;
      const units: Record<string, string> = {};
      for (const u of o.units) {
        const [row] = await tx
          .insert(unit)
          .values({ organisationId: orgId, name: u.name, shortName: u.shortName })
          .returning({ id: unit.id });
        units[u.key] = row!.id;
      }
      for (const u of o.users) {
        const [row] = await tx
          .insert(appUser)
          .values({
            organisationId: orgId,
            unitId: u.unit ? units[u.unit] : null,
            username: u.username,
            email: u.email ?? null,
            fullName: u.fullName,
            jobTitle: u.jobTitle,
            passwordHash,
          })
          .returning({ id: appUser.id });
        users[u.username] = row!.id;
        await tx
          .insert(userRole)
          .values(u.roles.map((role) => ({ userId: row!.id, organisationId: orgId, role })));
      }
      await appendAudit(tx, {
        organisationId: orgId,
        actor: null,
        action: "demo.seeded",
        entityType: "organisation",
        entityId: orgId,
        data: { units: o.units.length, users: o.users.map((u) => u.username) },
      });
    }
    await seedDefaultRegistries(tx, Object.values(orgs));
    await seedDemoRouteTemplates(
      tx,
      demoOrganisations.flatMap((o) => {
        const clerk = o.users.find((u) => u.roles.includes("clerk"));
        return clerk ? [{ organisationId: orgs[o.key]!, createdById: users[clerk.username]! }] : [];
      }),
    );
    return { orgs, users };
  });
}
