import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { delivery } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { getIncomingDocument } from "../incoming/document";
import { getOutgoingDocument } from "../outgoing/document";
import { applyOutgoingAction } from "../outgoing/workflow";
import { createWorkflowWorld, refusedWith, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveKeys } from "../testing/outgoing-route";
import { issueTo } from "../testing/two-deployments";
import { replacementCandidates } from "./replace";

let world: WorkflowWorld;
const ward = { drafter: "chuyenvien.kt", signer: "chutich.dc", clerk: "vanthu.dc" };

beforeAll(async () => {
  world = await createWorkflowWorld();
  await giveKeys(world, "dinhcong", { signer: "chutich.dc", clerk: "vanthu.dc" });
});

async function ask(
  id: string,
  input: { kind: "replace" | "recall"; replacementId?: string | null },
) {
  const [doc] = await world.db
    .select({ version: document.version })
    .from(document)
    .where(eq(document.id, id));
  return applyOutgoingAction(world.db, await world.as("vanthu.dc"), {
    documentId: id,
    version: doc!.version,
    input: { action: "requestRecall", reason: "Sai số liệu tại mục 2.", ...input },
  });
}

async function copyAt(sentId: string, org: string) {
  const [row] = await world.db
    .select({ id: delivery.incomingDocumentId })
    .from(delivery)
    .where(
      and(eq(delivery.documentId, sentId), eq(delivery.recipientOrganisationId, world.orgs[org]!)),
    );
  return row!.id!;
}

describe("replacing an issued document", () => {
  it("links the replacing document to the one it replaces, at the sender and at each recipient", async () => {
    const old = await issueTo(world, ward, "V/v báo cáo số liệu hộ nghèo quý IV", [
      "hoangliet",
      "hoangmai",
    ]);
    const replacing = await issueTo(world, ward, "V/v báo cáo số liệu hộ nghèo quý IV (thay thế)", [
      "hoangliet",
    ]);
    const clerk = await world.as("vanthu.dc");
    const candidates = await replacementCandidates(world.db, clerk, old.id);
    expect(candidates.map((c) => c.id)).toContain(replacing.id);
    expect(candidates.map((c) => c.id)).not.toContain(old.id);

    // Named: nothing; itself; another organisation's document: refused, nothing changed.
    expect(
      (await refusedWith(ask(old.id, { kind: "replace" }))).fieldErrors.replacementId?.[0]?.key,
    ).toBe("delivery.replacementRequired");
    expect(
      (await refusedWith(ask(old.id, { kind: "replace", replacementId: old.id }))).fieldErrors
        .replacementId?.[0]?.key,
    ).toBe("delivery.replacementInvalid");
    const theirs = await copyAt(old.id, "hoangliet");
    expect(
      (await refusedWith(ask(old.id, { kind: "replace", replacementId: theirs }))).fieldErrors
        .replacementId?.[0]?.key,
    ).toBe("delivery.replacementInvalid");
    const [untouched] = await world.db
      .select()
      .from(delivery)
      .where(eq(delivery.documentId, old.id));
    expect(untouched!.recallState).toBeNull();

    await ask(old.id, { kind: "replace", replacementId: replacing.id });
    // The sender's pages name each other.
    const sentNew = await getOutgoingDocument(world.db, clerk, { id: replacing.id });
    expect(sentNew.replacement.replaces).toMatchObject({
      id: old.id,
      numberNotation: old.numberNotation,
    });
    const sentOld = await getOutgoingDocument(world.db, clerk, { id: old.id });
    expect(sentOld.replacement.replacedBy.map((r) => r.id)).toEqual([replacing.id]);
    // Hoàng Liệt holds both: its new copy replaces its old copy, and the other way round.
    const hlClerk = await world.as("vanthu.hl");
    const newCopy = await getIncomingDocument(world.db, hlClerk, {
      id: await copyAt(replacing.id, "hoangliet"),
    });
    expect(newCopy.replacement.replaces?.id).toBe(theirs);
    const oldCopy = await getIncomingDocument(world.db, hlClerk, { id: theirs });
    expect(oldCopy.replacement.replacedBy.map((r) => r.subject)).toEqual([
      "V/v báo cáo số liệu hộ nghèo quý IV (thay thế)",
    ]);
    // Hoàng Mai got no replacement: its copy names none.
    const hmCopy = await getIncomingDocument(world.db, await world.as("vanthu.hoangmai"), {
      id: await copyAt(old.id, "hoangmai"),
    });
    expect(hmCopy.replacement).toEqual({ replaces: null, replacedBy: [] });
    // A document replaces one other at most.
    const third = await issueTo(world, ward, "V/v khác", ["hoangliet"]);
    expect(
      (await refusedWith(ask(third.id, { kind: "replace", replacementId: replacing.id })))
        .fieldErrors.replacementId?.[0]?.key,
    ).toBe("delivery.replacementInvalid");
  });
});
