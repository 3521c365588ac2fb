import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { appUser } from "@/db/schema/users";
import { seedDemo } from "@/db/seed/demo";
import { loadActor } from "../authz/actor";
import { freshDatabase } from "../testing/test-db";
import { listStaffDirectory } from "./directory";

let db: Db;
let users: Record<string, string>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ({ users } = await seedDemo(db));
});

describe("staff directory", () => {
  it("lists the active staff of the caller's organisation only, by unit", async () => {
    await db
      .update(appUser)
      .set({ active: false })
      .where(eq(appUser.id, users["truongphong.vhxh"]!));
    const actor = (await loadActor(db, { userId: users["chuyenvien.kt"]!, sessionEpoch: 1 }))!;
    const directory = await listStaffDirectory(db, actor);
    expect(directory.leadership.map((p) => p.fullName).sort()).toEqual([
      "Hoàng Thị Mai",
      "Nguyễn Đức Thắng",
    ]);
    const names = directory.units.flatMap((u) => u.staff.map((p) => p.fullName));
    expect(names).toContain("Lê Minh Tuấn");
    expect(names).not.toContain("Vũ Thị Lan"); // deactivated
    expect(names).not.toContain("Trương Thị Huyền"); // Phường Hoàng Liệt
    const kt = directory.units.find((u) => u.shortName === "KT")!;
    expect(kt.staff.map((p) => [p.fullName, p.roles])).toEqual([
      ["Lê Minh Tuấn", ["specialist"]],
      ["Trần Quốc Bảo", ["unit_head"]],
    ]);
  });
});
