import type { Db } from "@/db/client";
import { document } from "@/db/schema/documents";
import { upsertParticipant } from "@/server/incoming/participants";

type DocumentInsert = typeof document.$inferInsert;

/**
 * A registered incoming document written straight into the tables, for tests that exercise
 * what happens after reception. The registrar is put on it as the reception service does.
 */
export async function insertRegisteredDocument(
  db: Db,
  values: Pick<DocumentInsert, "organisationId" | "createdById"> & Partial<DocumentInsert>,
) {
  const [row] = await db
    .insert(document)
    .values({
      direction: "incoming",
      status: "registered",
      documentType: "cong_van",
      subject: "Về việc rà soát hộ nghèo, hộ cận nghèo năm 2026",
      issuerName: "Ủy ban nhân dân quận Hoàng Mai",
      codeNumber: "125",
      codeNotation: "UBND-LĐTBXH",
      documentDate: "2026-11-18",
      arrivalDate: "2026-11-20",
      registeredAt: new Date(),
      ...values,
    })
    .returning();
  await upsertParticipant(db, {
    documentId: row!.id,
    userId: values.createdById,
    kind: "registrar",
    organisationId: values.organisationId,
    box: "none",
    urgency: row!.urgency,
  });
  return row!;
}
