// A task's files, against a real database: added by the people working on it, read only by
// those who see the task, removed by the adder or the assigner.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { fileBlob } from "@/db/schema/files";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import type { FileStore } from "../files/store";
import { sweepOrphanBlobs } from "../files/sweep";
import { getTask } from "./detail";
import { addTaskFiles, findTaskFile, removeTaskFile } from "./files";
import { taskMoves } from "./test-moves";

let w: WorkflowWorld;
const { newTask, act, snapshot, bells, storedBlob } = taskMoves(() => w);

beforeAll(async () => {
  w = await createWorkflowWorld();
}, 60_000);

describe("files on a task", () => {
  const pdf = (c: string) => c.repeat(64);

  it("are added by those working on it, read by those who see it, and removed by the adder or the assigner", async () => {
    const { id } = await newTask("chutich.dc", "chuyenvien.kt", {
      watcherIds: [w.users["truongphong.vhxh"]!],
    });
    await storedBlob(pdf("1"), "chuyenvien.kt");
    await storedBlob(pdf("2"), "chutich.dc");
    await storedBlob(pdf("3"), "truongphong.vhxh");
    await storedBlob(pdf("4"), "chutich.hl");

    const lead = await w.as("chuyenvien.kt");
    await addTaskFiles(w.db, lead, {
      taskId: id,
      files: [{ sha256: pdf("1"), fileName: "Biên bản.pdf" }],
    });
    await addTaskFiles(w.db, await w.as("chutich.dc"), {
      taskId: id,
      files: [{ sha256: pdf("2"), fileName: "Chỉ đạo.pdf" }],
    });
    expect(await bells("chutich.dc", "taskFilesAdded")).toBeGreaterThan(0);
    const d = await getTask(w.db, lead, { id });
    expect(d.files.map((f) => [f.fileName, f.canRemove])).toEqual([
      ["Biên bản.pdf", true],
      ["Chỉ đạo.pdf", false],
    ]);
    expect(d.canAddFiles).toBe(true);
    expect(d.events.map((e) => e.action)).toContain("filesAdded");

    const before = await snapshot(id);
    // A watcher reads but does not add; another organisation's blob is unknown here.
    const watcher = await w.as("truongphong.vhxh");
    expect(
      (
        await refusedWith(
          addTaskFiles(w.db, watcher, {
            taskId: id,
            files: [{ sha256: pdf("3"), fileName: "x.pdf" }],
          }),
        )
      ).messageKey,
    ).toBe("tasks.onlyWorkersAddFiles");
    expect((await getTask(w.db, watcher, { id })).canAddFiles).toBe(false);
    const foreign = await refusedWith(
      addTaskFiles(w.db, lead, { taskId: id, files: [{ sha256: pdf("4"), fileName: "x.pdf" }] }),
    );
    expect(foreign.fieldErrors.files?.[0]?.key).toBe("files.missing");
    const twice = await refusedWith(
      addTaskFiles(w.db, await w.as("chutich.dc"), {
        taskId: id,
        files: [{ sha256: pdf("1"), fileName: "Lại.pdf" }],
      }),
    );
    expect(twice.fieldErrors.files?.[0]).toEqual({
      key: "tasks.fileAlreadyOnTask",
      params: { name: "Biên bản.pdf" },
    });
    const [theirs] = d.files.filter((f) => f.fileName === "Chỉ đạo.pdf");
    const notAdder = await refusedWith(
      removeTaskFile(w.db, lead, { taskId: id, fileId: theirs!.id }),
    );
    expect(notAdder.messageKey).toBe("tasks.onlyAdderRemovesFile");
    expect(await snapshot(id)).toEqual(before);

    // The hash in the address is checked against this very task and the reader's sight of it.
    expect((await findTaskFile(w.db, watcher, id, pdf("1"))).fileName).toBe("Biên bản.pdf");
    const other = await newTask("chutich.dc", "chuyenvien.vhxh");
    for (const [who, taskId, sha] of [
      ["chuyenvien.vhxh", id, pdf("1")],
      ["chutich.hl", id, pdf("1")],
      ["chuyenvien.vhxh", other.id, pdf("1")],
      ["chuyenvien.kt", id, pdf("3")],
      ["chuyenvien.kt", "not-a-task", pdf("1")],
      ["chuyenvien.kt", id, "../../etc/passwd"],
    ] as const) {
      expect((await refusedWith(findTaskFile(w.db, await w.as(who), taskId, sha))).code).toBe(
        "NOT_FOUND",
      );
    }

    // The assigner removes the lead's file: the history keeps its name, the blob waits for the sweep.
    const [mine] = d.files.filter((f) => f.fileName === "Biên bản.pdf");
    await removeTaskFile(w.db, await w.as("chutich.dc"), { taskId: id, fileId: mine!.id });
    expect(await bells("chuyenvien.kt", "taskFileRemoved")).toBe(1);
    const after = await getTask(w.db, lead, { id });
    expect(after.files.map((f) => f.fileName)).toEqual(["Chỉ đạo.pdf"]);
    expect(after.events.at(-1)).toMatchObject({
      action: "fileRemoved",
      data: { fileName: "Biên bản.pdf" },
    });
    expect((await refusedWith(findTaskFile(w.db, lead, id, pdf("1")))).code).toBe("NOT_FOUND");
    expect(
      await w.db
        .select()
        .from(fileBlob)
        .where(eq(fileBlob.sha256, pdf("1"))),
    ).toHaveLength(1);
    const removed: string[] = [];
    const store = { remove: async (sha: string) => void removed.push(sha) } as unknown as FileStore;
    await sweepOrphanBlobs(w.db, 0, { store });
    expect(removed).toContain(pdf("1"));
    expect(removed).not.toContain(pdf("2"));

    // Closed, the task takes no more files and gives none up.
    await act("chutich.dc", id, { action: "complete" });
    expect(
      (
        await refusedWith(
          removeTaskFile(w.db, await w.as("chutich.dc"), { taskId: id, fileId: theirs!.id }),
        )
      ).messageKey,
    ).toBe("tasks.closedNoFiles");
    expect((await findTaskFile(w.db, lead, id, pdf("2"))).fileName).toBe("Chỉ đạo.pdf");
  });
});
