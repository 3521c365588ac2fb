import type { Db } from "@/db/client";
import { loadActor } from "@/server/authz/actor";
import { issueCertificate } from "@/server/signing/service/certificates";

/** The leaders who sign in the demo, with the title their certificate names. */
const DEMO_SIGNERS: { username: string; org: string; title: string }[] = [
  { username: "chutich.dc", org: "dinhcong", title: "Chủ tịch" },
  { username: "phochutich.dc", org: "dinhcong", title: "Phó Chủ tịch" },
  { username: "chutich.hl", org: "hoangliet", title: "Chủ tịch" },
];

/** The organisations whose clerks seal in the demo. */
const DEMO_SEALS = ["dinhcong", "hoangliet"];

/**
 * Certificates from the deployment's CA for the demo's leaders and the two wards' seals, as the
 * deployment admin would issue them. Each holder chooses their PIN at their first signature.
 */
export async function seedDemoCertificates(
  db: Db,
  seeded: { orgs: Record<string, string>; users: Record<string, string> },
): Promise<number> {
  const admin = await loadActor(db, { userId: seeded.users["quantri"]!, sessionEpoch: 1 });
  if (!admin) throw new Error("The demo deployment admin is missing");
  for (const signer of DEMO_SIGNERS) {
    await issueCertificate(db, admin, {
      organisationId: seeded.orgs[signer.org]!,
      userId: seeded.users[signer.username]!,
      title: signer.title,
    });
  }
  for (const key of DEMO_SEALS) {
    await issueCertificate(db, admin, { organisationId: seeded.orgs[key]! });
  }
  return DEMO_SIGNERS.length + DEMO_SEALS.length;
}
