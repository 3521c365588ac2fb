// RFC 3161 timestamp tokens: the signature timestamp (an unsigned attribute over the signature
// value) and the document timestamp (/SubFilter /ETSI.RFC3161, over the byte ranges).
import { createHash } from "node:crypto";
import { type Certificate, parseCertificates, validAt } from "./certificate";
import { buildChain } from "./chain";
import { checkSigner, parseSignedData } from "./cms";
import { children, content, decodeOid, decodeTime, readDer, Tag } from "./der";
import { type DigestName, digestByOid, Oid } from "./oids";
import { type ReasonCode } from "./reasons";

export type TimestampCheck = {
  genTime: Date | null;
  authority: Certificate | null;
  trusted: boolean;
  /** Why the token is not valid; empty when it is. */
  problems: ReasonCode[];
  /** What was wrong, in English, for the report's detail. */
  detail: string | null;
};

function fail(detail: string, authority: Certificate | null = null): TimestampCheck {
  return { genTime: null, authority, trusted: false, problems: ["timestamp-invalid"], detail };
}

/**
 * `digestOf` hashes what the token must stamp: the signature value for a signature timestamp,
 * the byte ranges for a document timestamp.
 */
export function checkTimestampToken(input: {
  token: Buffer;
  digestOf: (digest: DigestName) => Buffer;
  pool: Certificate[];
  anchors: Certificate[];
}): TimestampCheck {
  let signed;
  try {
    signed = parseSignedData(input.token);
  } catch {
    return fail("the token is not readable CMS");
  }
  if (signed.contentType !== Oid.tstInfo || !signed.content)
    return fail("the token holds no TSTInfo");
  if (signed.signers.length !== 1) return fail("the token must have exactly one signer");
  let genTime: Date;
  try {
    const fields = children(readDer(signed.content));
    const imprint = children(fields[2]!);
    const digest = digestByOid[decodeOid(children(imprint[0]!)[0]!)];
    if (!digest) return fail("the imprint's digest algorithm is not supported");
    const hashed = imprint[1]!;
    if (hashed.tag !== Tag.octetString || !input.digestOf(digest).equals(content(hashed))) {
      return fail("the message imprint does not match what it stamps");
    }
    genTime = decodeTime(fields[4]!);
  } catch {
    return fail("the TSTInfo is not readable");
  }
  const tokenContent = signed.content;
  const pool = [...parseCertificates(signed.certificates), ...input.pool];
  const check = checkSigner({
    signer: signed.signers[0]!,
    pool,
    expectedContentType: Oid.tstInfo,
    digestOf: (digest) => createHash(digest).update(tokenContent).digest(),
    unsignedContent: () => [tokenContent],
  });
  const authority = check.certificate;
  if (!authority) return fail("the authority's certificate is missing");
  const fatal = check.problems.filter((p) => p !== "digest-weak");
  if (fatal.length > 0)
    return fail(`the token's signature does not verify (${fatal.join(", ")})`, authority);
  if (check.signingCertificate === "mismatch")
    return fail("the token's signing-certificate does not match", authority);
  if (!authority.extKeyUsage?.includes(Oid.timeStamping))
    return fail("the authority's certificate is not for timestamping", authority);
  if (validAt(authority, genTime) !== "valid")
    return fail("the authority's certificate was not valid at the stamped time", authority);
  const chain = buildChain(authority, pool, input.anchors);
  return {
    genTime,
    authority,
    trusted: chain.trusted,
    problems: chain.trusted ? [] : ["timestamp-untrusted"],
    detail: null,
  };
}
