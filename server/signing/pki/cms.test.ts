import { createHash, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleCms, prepareSignedAttributes, signDetached } from "./cms";
import { childAt, childrenOf, parseDer, toDer } from "./der";
import { createLocalSigner, signSha256Digest } from "./signer";
import type { SignResult, Signer } from "./signer";
import { createTestPki, openssl, scratchFolder } from "./test-support";
import type { TestPki } from "./test-support";
import { timestampSignature } from "./tsa";
import type { TimestampAuthority } from "./tsa";

let pki: TestPki;
let signer: Signer;
let tsa: TimestampAuthority;
const scratch = scratchFolder();
const content = Buffer.from("Quyết định số 12/QĐ-UBND về việc giao chỉ tiêu năm 2026\n");
const contentDigest = createHash("sha256").update(content).digest();
const files: Record<string, string> = {};

beforeAll(async () => {
  pki = await createTestPki();
  signer = createLocalSigner({
    key: pki.person.privateKey,
    certificate: pki.person.certificate,
    chain: [pki.issuing.certificate],
  });
  tsa = {
    certificate: pki.tsa.certificate,
    key: pki.tsa.privateKey,
    chain: [pki.issuing.certificate],
    policyOid: "1.3.6.1.4.1.99999.1.1",
  };
  files.content = scratch.file("content.bin", content);
  files.root = scratch.file("root.pem", pki.root.certificate.toString());
  files.issuing = scratch.file("issuing.pem", pki.issuing.certificate.toString());
});
afterAll(() => scratch.remove());

async function signContent(
  options: Parameters<typeof signDetached>[0] = { contentDigest, signer },
) {
  const result = await signDetached(options);
  if (result.status !== "signed") throw new Error("expected a signature at once");
  return result;
}

/** `openssl cms -verify` over detached content, trusting only the root. */
function opensslVerify(cms: Buffer, contentFile = files.content!) {
  return openssl([
    "cms",
    "-verify",
    "-binary",
    "-inform",
    "DER",
    "-in",
    scratch.file("signature.der", cms),
    "-content",
    contentFile,
    "-CAfile",
    files.root!,
    "-out",
    "/dev/null",
  ]);
}

/** The DER of the signature timestamp token in the CMS's only SignerInfo. */
function extractTimestampToken(cms: Buffer): Buffer {
  const signedData = childAt(childAt(parseDer(cms), 1), 0);
  const signerInfo = childAt(childrenOf(signedData).at(-1), 0);
  const unsigned = childrenOf(signerInfo).at(-1)!;
  return toDer(childAt(childAt(childAt(unsigned, 0), 1), 0));
}

describe("detached CMS signatures", () => {
  it("verifies with openssl, trusting the root and taking the issuing CA from the CMS", async () => {
    const { cms } = await signContent();
    const result = opensslVerify(cms);
    expect(result.stderr).toContain("Verification successful");
    expect(result.status).toBe(0);
  });

  it("signs exactly content-type, message-digest and signing-certificate-v2, no signing-time", async () => {
    const { cms } = await signContent();
    const printed = openssl(["cms", "-cmsout", "-print", "-inform", "DER"], cms).stdout;
    const signedAttrs = printed.slice(
      printed.indexOf("signedAttrs:"),
      printed.indexOf("signatureAlgorithm:", printed.indexOf("signedAttrs:")),
    );
    expect([...signedAttrs.matchAll(/object: (\S+)/g)].map((m) => m[1])).toEqual([
      "contentType",
      "messageDigest",
      "id-smime-aa-signingCertificateV2",
    ]);
    expect(signedAttrs).toContain("OBJECT:pkcs7-data");
    // The digest of the content, and the ESS hash of the signer's certificate.
    const parsed = openssl(["asn1parse", "-inform", "DER"], cms).stdout;
    expect(parsed).toContain(`[HEX DUMP]:${contentDigest.toString("hex").toUpperCase()}\n`);
    expect(signedAttrs).toContain(
      createHash("sha256").update(pki.person.certificate.raw).digest("hex").toUpperCase(),
    );
    expect(printed).not.toContain("signingTime");
    expect(printed).toMatch(/digestAlgorithm:\s+algorithm: sha256/);
  });

  it("fails openssl verification once one byte of the content changes", async () => {
    const { cms } = await signContent();
    const altered = Buffer.from(content);
    altered[5]! ^= 0x01;
    const result = opensslVerify(cms, scratch.file("altered.bin", altered));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/digest failure|content verify error/);
  });

  it("keeps verifying with a signature timestamp, whose token openssl ts verifies", async () => {
    const { cms, signatureValue } = await signContent({
      contentDigest,
      signer,
      unsignedAttributes: async (signature) => [timestampSignature(signature, tsa)],
    });
    expect(opensslVerify(cms).status).toBe(0);
    const printed = openssl(["cms", "-cmsout", "-print", "-inform", "DER"], cms).stdout;
    expect(printed).toContain("object: id-smime-aa-timeStampToken (1.2.840.113549.1.9.16.2.14)");

    const result = openssl([
      "ts",
      "-verify",
      "-data",
      scratch.file("signature-value.bin", signatureValue),
      "-in",
      scratch.file("token.der", extractTimestampToken(cms)),
      "-token_in",
      "-CAfile",
      files.root!,
      "-untrusted",
      files.issuing!,
    ]);
    expect(result.stdout).toContain("Verification: OK");
  });

  it("gives the same CMS, byte for byte, when a remote signer answers later", async () => {
    const remote = new RemoteSigningService(pki.person.privateKey);
    const remoteSigner: Signer = {
      certificate: pki.person.certificate,
      chain: [pki.issuing.certificate],
      sign: (digest) => remote.request(digest),
    };
    const pending = await signDetached({ contentDigest, signer: remoteSigner });
    if (pending.status !== "pending") throw new Error("expected a pending signature");

    const signatureValue = await remote.approvedSignature(pending.reference);
    const cms = assembleCms({
      signedAttributesDer: pending.signedAttributesDer,
      signatureValue,
      signerCertificate: pki.person.certificate,
      chain: [pki.issuing.certificate],
    });
    expect(cms).toEqual((await signContent()).cms);
    expect(opensslVerify(cms).status).toBe(0);
  });

  it("refuses to assemble a signature from another key or over other attributes", () => {
    const prepared = prepareSignedAttributes({
      contentDigest,
      signerCertificate: pki.person.certificate,
    });
    const assemble = (signatureValue: Buffer) =>
      assembleCms({
        signedAttributesDer: prepared.signedAttributesDer,
        signatureValue,
        signerCertificate: pki.person.certificate,
        chain: [pki.issuing.certificate],
      });
    expect(() => assemble(signSha256Digest(pki.seal.privateKey, prepared.digestToSign))).toThrow(
      /does not verify/,
    );
    const other = createHash("sha256").update("other").digest();
    expect(() => assemble(signSha256Digest(pki.person.privateKey, other))).toThrow(
      /does not verify/,
    );
    expect(() =>
      assemble(signSha256Digest(pki.person.privateKey, prepared.digestToSign)),
    ).not.toThrow();
  });

  it("makes the PKCS#1 v1.5 signature node:crypto makes over the undigested attributes", () => {
    const { signedAttributesDer, digestToSign } = prepareSignedAttributes({
      contentDigest,
      signerCertificate: pki.person.certificate,
    });
    expect(digestToSign).toEqual(createHash("sha256").update(signedAttributesDer).digest());
    expect(signSha256Digest(pki.person.privateKey, digestToSign)).toEqual(
      sign("sha256", signedAttributesDer, pki.person.privateKey),
    );
  });
});

/** Stands in for a remote signing service: takes a digest, signs it once the holder approves. */
class RemoteSigningService {
  private requests = new Map<string, Buffer>();
  constructor(private readonly holderKey: Parameters<typeof signSha256Digest>[0]) {}

  async request(digest: Buffer): Promise<SignResult> {
    const reference = `req-${this.requests.size + 1}`;
    this.requests.set(reference, digest);
    return { status: "pending", reference };
  }

  /** The holder approves on their phone a little later. */
  async approvedSignature(reference: string): Promise<Buffer> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const digest = this.requests.get(reference);
    if (!digest) throw new Error(`unknown request ${reference}`);
    return signSha256Digest(this.holderKey, digest);
  }
}
