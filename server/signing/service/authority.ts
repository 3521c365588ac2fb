import { createPrivateKey, X509Certificate } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authorityKey } from "@/db/schema/signing";
import { env } from "../../env";
import {
  createIssuingCa,
  createRootCa,
  issueTimestampingCertificate,
  type CertifiedKey,
} from "../pki";
import { seal, unseal } from "./keystore";

export type Authority = { root: CertifiedKey; issuing: CertifiedKey; tsa: CertifiedKey };

const AUTHORITY_NAME = "Liên Thông";

/** Where the CA publishes its revocation list, as named in every certificate it issues. */
export const crlUrl = () => new URL("/api/ca/crl", env.PUBLIC_URL).href;

const exportKey = (key: CertifiedKey["privateKey"]) =>
  key.export({ format: "der", type: "pkcs8" }) as Buffer;

/**
 * The deployment's root CA, issuing CA and time-stamping authority: created once, on first
 * need (first start, or the first certificate), then read back. Two callers at once create one.
 */
export async function ensureAuthority(db: DbOrTx): Promise<Authority> {
  const existing = await loadAuthority(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lien-thong authority'))`);
    const again = await loadAuthority(tx);
    if (again) return again;
    const root = await createRootCa({
      commonName: `${AUTHORITY_NAME} Root CA`,
      organizationName: AUTHORITY_NAME,
    });
    const issuing = await createIssuingCa({
      root,
      commonName: `${AUTHORITY_NAME} Issuing CA`,
      organizationName: AUTHORITY_NAME,
      crlDistributionPointUrl: crlUrl(),
    });
    const tsa = await issueTimestampingCertificate({
      issuer: issuing,
      commonName: `${AUTHORITY_NAME} Time-Stamping Authority`,
      organizationName: AUTHORITY_NAME,
      crlDistributionPointUrl: crlUrl(),
    });
    for (const [kind, pair] of [
      ["root", root],
      ["issuing", issuing],
      ["tsa", tsa],
    ] as const) {
      await tx.insert(authorityKey).values({
        kind,
        certificate: pair.certificate.raw,
        sealedKey: seal(exportKey(pair.privateKey), `authority:${kind}`),
      });
    }
    return { root, issuing, tsa };
  });
}

async function loadAuthority(db: DbOrTx): Promise<Authority | null> {
  const rows = await db
    .select()
    .from(authorityKey)
    .where(and(eq(authorityKey.active, true)));
  const of = (kind: "root" | "issuing" | "tsa"): CertifiedKey | null => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) return null;
    return {
      certificate: new X509Certificate(row.certificate),
      privateKey: createPrivateKey({
        key: unseal(row.sealedKey, `authority:${kind}`),
        format: "der",
        type: "pkcs8",
      }),
    };
  };
  const root = of("root");
  const issuing = of("issuing");
  const tsa = of("tsa");
  return root && issuing && tsa ? { root, issuing, tsa } : null;
}
