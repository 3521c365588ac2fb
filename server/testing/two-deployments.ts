// Two deployments of the application, each with its own database and CA, set up as each other's
// peer: Định Công's (A) and the one hosting Hoàng Liệt and Hoàng Mai (B). In each, the
// organisations the other hosts have nobody working in them.
import { inArray } from "drizzle-orm";
import { organisation } from "@/db/schema/org";
import { appUser } from "@/db/schema/users";
import { peerInput } from "@/lib/schemas/exchange";
import { draftInput } from "@/lib/schemas/outgoing";
import { document } from "@/db/schema/documents";
import { eq } from "drizzle-orm";
import { savePeer } from "../exchange/peers";
import { createDraft } from "../outgoing/drafts";
import { issueSigned, signDraft } from "../outgoing/sign-requests";
import { applyOutgoingAction } from "../outgoing/workflow";
import { ensureAuthority } from "../signing/service/authority";
import type { WorkflowWorld } from "./incoming-workflow";
import { CHAIR_PIN, SEAL_PIN } from "./outgoing-route";

/** Makes `from` a peer of `at`, hosting the named organisations of `at`'s tree. */
export async function addPeer(
  at: WorkflowWorld,
  from: WorkflowWorld,
  options: { name: string; url: string; hosts: string[] },
) {
  const ids = options.hosts.map((key) => at.orgs[key]!);
  await at.db.update(appUser).set({ active: false }).where(inArray(appUser.organisationId, ids));
  const root = (await ensureAuthority(from.db)).root.certificate;
  return savePeer(
    at.db,
    await at.as("quantri"),
    peerInput.parse({
      name: options.name,
      url: options.url,
      certificate: root.toString(),
      organisationIds: ids,
      active: true,
    }),
  );
}

export async function connectDeployments(
  a: WorkflowWorld,
  b: WorkflowWorld,
  urls: { a: string; b: string },
) {
  const peerOfA = await addPeer(a, b, {
    name: "Hệ thống quận Hoàng Mai",
    url: urls.b,
    hosts: ["hoangliet", "hoangmai"],
  });
  const peerOfB = await addPeer(b, a, {
    name: "Hệ thống phường Định Công",
    url: urls.a,
    hosts: ["dinhcong"],
  });
  return { peerOfA: peerOfA.id, peerOfB: peerOfB.id };
}

/** A công văn drafted, signed and issued in one step of its route, to the named organisations. */
export async function issueTo(
  world: WorkflowWorld,
  people: { drafter: string; signer: string; clerk: string },
  subject: string,
  recipients: string[],
  answersDocumentId: string | null = null,
) {
  const { db, users } = world;
  const version = async (id: string) =>
    (await db.select({ v: document.version }).from(document).where(eq(document.id, id)))[0]!.v;
  const names = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(
      inArray(
        organisation.id,
        recipients.map((key) => world.orgs[key]!),
      ),
    );
  const created = await createDraft(
    db,
    await world.as(people.drafter),
    draftInput.parse({
      documentType: "cong_van",
      subject,
      recipients: names.map((n) => ({ kind: "organisation", organisationId: n.id, name: n.name })),
      copiesTo: ["- Như trên;", "- Lưu: VT."],
      signerId: users[people.signer],
      signingAuthority: "tm",
      signerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      answersDocumentId,
      attachments: [],
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: subject }] }],
      },
    }),
  );
  await applyOutgoingAction(db, await world.as(people.drafter), {
    documentId: created.id,
    version: await version(created.id),
    input: {
      action: "sendOnRoute",
      steps: [{ kind: "sign", rule: "any", userIds: [users[people.signer]!] }],
      comment: null,
    },
  });
  await signDraft(db, await world.as(people.signer), {
    documentId: created.id,
    version: await version(created.id),
    pin: CHAIR_PIN,
  });
  const issued = await issueSigned(db, await world.as(people.clerk), {
    documentId: created.id,
    version: await version(created.id),
    pin: SEAL_PIN,
  });
  return { id: created.id, numberNotation: issued.numberNotation };
}
