import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { document } from "./documents";
import { fileBlob } from "./files";
import { organisation } from "./org";
import { appUser } from "./users";

export const authorityKeyKind = pgEnum("authority_key_kind", [
  "root",
  "issuing",
  "tsa",
  /** Signs the edXML packages this deployment sends. */
  "exchange",
]);

/**
 * The deployment's own certificate authority and time-stamping authority, created on first
 * start. Private keys are sealed at rest with the server's key (server/signing/keystore.ts).
 */
export const authorityKey = pgTable(
  "authority_key",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: authorityKeyKind().notNull(),
    certificate: bytea().notNull(),
    sealedKey: bytea().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("authority_key_active_uq")
      .on(t.kind)
      .where(sql`${t.active}`),
  ],
);

export const certificatePurpose = pgEnum("certificate_purpose", ["person", "seal"]);
export const certificateStatus = pgEnum("certificate_status", ["active", "revoked", "superseded"]);

/**
 * A signing certificate: a leader's own, or an organisation's seal. The key lives only inside
 * `pkcs12`, a PKCS#12 locked by the holder's PIN (and sealed again at rest with the server's
 * key). Until the holder sets their PIN, it is locked by a one-time activation secret instead.
 * A key held by a remote signing service (the holder approves each signature on their phone)
 * has no PKCS#12 here: `remoteProvider` names the service and `remoteKeyId` the key there.
 */
export const signingCertificate = pgTable(
  "signing_certificate",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    /** The holder; null for an organisation's seal. */
    userId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    purpose: certificatePurpose().notNull(),
    subjectName: text().notNull(),
    serial: text().notNull(),
    notBefore: timestamp({ withTimezone: true }).notNull(),
    notAfter: timestamp({ withTimezone: true }).notNull(),
    certificate: bytea().notNull(),
    /** The issuing CA's certificate and the root, DER, concatenated as a PEM bundle. */
    chainPem: text().notNull(),
    sealedPkcs12: bytea(),
    remoteProvider: text(),
    remoteKeyId: text(),
    /** Set until the holder chooses a PIN (then null). */
    sealedActivation: bytea(),
    /** From an outside CA rather than ours. */
    imported: boolean().notNull().default(false),
    status: certificateStatus().notNull().default("active"),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revocationReason: text(),
    createdById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("signing_certificate_serial_uq").on(t.serial),
    index("signing_certificate_holder_idx").on(t.organisationId, t.userId, t.status),
    check("signing_certificate_holder_ck", sql`(${t.purpose} = 'seal') = (${t.userId} IS NULL)`),
    check(
      "signing_certificate_key_ck",
      sql`(${t.sealedPkcs12} IS NULL) = (${t.remoteProvider} IS NOT NULL AND ${t.remoteKeyId} IS NOT NULL)`,
    ),
  ],
);

export const trustAnchorStatus = pgEnum("trust_anchor_status", ["pending", "approved", "refused"]);

/** The root of an outside CA whose certificates are trusted once the deployment admin approves it. */
export const trustAnchor = pgTable(
  "trust_anchor",
  {
    id: uuid().primaryKey().defaultRandom(),
    certificate: bytea().notNull(),
    subjectName: text().notNull(),
    fingerprint: text().notNull(),
    status: trustAnchorStatus().notNull().default("pending"),
    addedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    decidedById: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("trust_anchor_fingerprint_uq").on(t.fingerprint)],
);

export const signatureImageKind = pgEnum("signature_image_kind", ["signature", "seal"]);

/** A leader's handwritten signature, or an organisation's seal, as a transparent PNG. */
export const signatureImage = pgTable(
  "signature_image",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    userId: uuid().references(() => appUser.id, { onDelete: "restrict" }),
    kind: signatureImageKind().notNull(),
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "restrict" }),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("signature_image_active_uq")
      .on(
        t.organisationId,
        t.kind,
        sql`coalesce(${t.userId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.active}`),
  ],
);

export const signatureKind = pgEnum("signature_kind", ["leader", "seal"]);

/** A signature applied to an outgoing document, and the signed file it produced. */
export const documentSignature = pgTable(
  "document_signature",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "restrict" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    kind: signatureKind().notNull(),
    field: text().notNull(),
    certificateId: uuid()
      .notNull()
      .references(() => signingCertificate.id, { onDelete: "restrict" }),
    signedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    signedAt: timestamp({ withTimezone: true }).notNull(),
    /** The whole signed file after this signature. */
    sha256: text()
      .notNull()
      .references(() => fileBlob.sha256, { onDelete: "restrict" }),
  },
  (t) => [uniqueIndex("document_signature_kind_uq").on(t.documentId, t.kind)],
);

export const signatureRequestStatus = pgEnum("signature_request_status", [
  "pending",
  "completed",
  "refused",
  "expired",
  "stale",
  "cancelled",
]);

/**
 * A signature asked of a remote signing service and not yet answered: the prepared file (its
 * /Contents still zeros), the signed attributes whose digest the service signs, and the
 * service's reference. When the holder approves, the signature is finished from these and the
 * step completed through the workflow; if the draft changed meanwhile, the request is stale.
 */
export const signatureRequest = pgTable(
  "signature_request",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => document.id, { onDelete: "restrict" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    kind: signatureKind().notNull(),
    certificateId: uuid()
      .notNull()
      .references(() => signingCertificate.id, { onDelete: "restrict" }),
    requestedById: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: "restrict" }),
    /** The draft version the prepared file was laid out from. */
    draftVersion: integer().notNull(),
    /** The approval step the signature answers. */
    stepId: uuid().notNull(),
    field: text().notNull(),
    pageCount: integer().notNull(),
    /** The prepared file; cleared once the request is settled, so the file can be swept. */
    preparedSha256: text().references(() => fileBlob.sha256, { onDelete: "restrict" }),
    /** Where the /Contents gap is: [start1, length1, start2, length2]. */
    byteRange: integer().array().notNull(),
    signedAttributes: bytea().notNull(),
    signerName: text().notNull(),
    provider: text().notNull(),
    reference: text().notNull(),
    status: signatureRequestStatus().notNull().default("pending"),
    reason: text(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("signature_request_pending_uq")
      .on(t.documentId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex("signature_request_reference_uq").on(t.provider, t.reference),
    index("signature_request_status_idx").on(t.status, t.expiresAt),
  ],
);
