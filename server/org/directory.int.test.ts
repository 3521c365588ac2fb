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
  it("lists the active staff of the caller's organisation only, by unit and rank", async () => {
    await db
      .update(appUser)
      .set({ active: false })
      .where(eq(appUser.id, users["truongphong.vhxh"]!));
    const actor = (await loadActor(db, { userId: users["chuyenvien.kt"]!, sessionEpoch: 1 }))!;
    const directory = await listStaffDirectory(db, actor);
    // The chair before the deputy chair, though "Mai" comes before "Thắng".
    expect(directory.leadership.map((p) => p.fullName)).toEqual([
      "Nguyễn Đức Thắng",
      "Hoàng Thị Mai",
    ]);
    const names = directory.units.flatMap((u) => u.staff.map((p) => p.fullName));
    expect(names).toContain("Lê Minh Tuấn");
    expect(names).not.toContain("Vũ Thị Lan"); // deactivated
    expect(names).not.toContain("Trương Thị Huyền"); // Phường Hoàng Liệt
    const kt = directory.units.find((u) => u.shortName === "KT")!;
    // The head before the specialist, whatever their names.
    expect(kt.staff.map((p) => [p.fullName, p.roles])).toEqual([
      ["Trần Quốc Bảo", ["unit_head"]],
      ["Lê Minh Tuấn", ["specialist"]],
    ]);
  });
});
