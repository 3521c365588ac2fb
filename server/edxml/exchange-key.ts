// The key this deployment signs its edXML packages with: an end-entity certificate of its own
// issuing CA, made on first need and kept sealed like the CA's keys. Peers check packages
// against the chain it carries.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authorityKey } from "@/db/schema/signing";
import { issueSealCertificate } from "../signing/pki";
import { crlUrl, ensureAuthority } from "../signing/service/authority";
import { seal, unseal } from "../signing/service/keystore";
import type { PackageSigner } from "./build";

const CONTEXT = "authority:exchange";

export async function exchangeSigner(db: DbOrTx): Promise<PackageSigner> {
  const authority = await ensureAuthority(db);
  const chain = [authority.issuing.certificate, authority.root.certificate];
  const load = async (tx: DbOrTx) => {
    const [row] = await tx
      .select()
      .from(authorityKey)
      .where(and(eq(authorityKey.kind, "exchange"), eq(authorityKey.active, true)));
    return row
      ? {
          key: createPrivateKey({
            key: unseal(row.sealedKey, CONTEXT),
            format: "der",
            type: "pkcs8",
          }),
          certificates: [new X509Certificate(row.certificate), ...chain],
        }
      : null;
  };
  const existing = await load(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lien-thong exchange key'))`);
    const again = await load(tx);
    if (again) return again;
    const issued = await issueSealCertificate({
      issuer: authority.issuing,
      organizationName: "Liên Thông — trao đổi văn bản điện tử",
      organizationCode: "LIENTHONG",
      crlDistributionPointUrl: crlUrl(),
    });
    await tx.insert(authorityKey).values({
      kind: "exchange",
      certificate: issued.certificate.raw,
      sealedKey: seal(
        issued.privateKey.export({ format: "der", type: "pkcs8" }) as Buffer,
        CONTEXT,
      ),
    });
    return { key: issued.privateKey, certificates: [issued.certificate, ...chain] };
  });
}
