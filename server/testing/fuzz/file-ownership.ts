import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentFile } from "@/db/schema/documents";
import type { FuzzWorld } from "./fixture";

/**
 * Files are stored once per content and attached by their hash. After the fuzz has named every
 * stored hash in every write, each of the fixture's files must still be attached only where it
 * belongs: the organisation's own documents, and the secret document's file to it alone.
 * Anything else means a hash let someone attach (and so download) a file they never had.
 */
export async function sharedFileOwnership(db: Db, world: FuzzWorld): Promise<string[]> {
  const { dinhcong, hoangliet } = world.records;
  const owners = new Map<string, { organisation: string; document?: string; what: string }>();
  for (const h of dinhcong.hashes)
    owners.set(h, { organisation: dinhcong.organisation, what: "Định Công file" });
  for (const h of hoangliet.hashes)
    owners.set(h, { organisation: hoangliet.organisation, what: "Hoàng Liệt file" });
  owners.set(world.secret.sha256, {
    organisation: dinhcong.organisation,
    document: world.secret.documentId,
    what: "secret document's file",
  });
  const rows = await db
    .select({
      sha256: documentFile.sha256,
      organisationId: documentFile.organisationId,
      documentId: documentFile.documentId,
    })
    .from(documentFile)
    .where(inArray(documentFile.sha256, [...owners.keys()]));
  const orgName = (id: string) => Object.entries(world.orgs).find(([, v]) => v === id)?.[0] ?? id;
  // One line per file and organisation it strayed into, however many documents it is on there.
  const strays = new Map<string, number>();
  for (const r of rows) {
    const owner = owners.get(r.sha256)!;
    const misplaced =
      r.organisationId !== owner.organisation ||
      (owner.document !== undefined && r.documentId !== owner.document);
    if (!misplaced) continue;
    const line = `${owner.what} ${r.sha256.slice(0, 12)}… attached to documents of ${orgName(r.organisationId)}`;
    strays.set(line, (strays.get(line) ?? 0) + 1);
  }
  return [...strays].map(([line, n]) => `${line} (${n})`);
}
