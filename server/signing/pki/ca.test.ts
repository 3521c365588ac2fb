import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issuePersonCertificate, renewCertificate } from "./ca";
import { toDer } from "./der";
import { CRL_URL, createTestPki, openssl, scratchFolder } from "./test-support";
import type { TestPki } from "./test-support";
import { certificateKeyIdentifier, certificateParts } from "./x509";

let pki: TestPki;
const scratch = scratchFolder();
let rootPem: string;
let issuingPem: string;

beforeAll(async () => {
  pki = await createTestPki();
  rootPem = scratch.file("root.pem", pki.root.certificate.toString());
  issuingPem = scratch.file("issuing.pem", pki.issuing.certificate.toString());
});
afterAll(() => scratch.remove());

const text = (pem: string) =>
  openssl(["x509", "-in", pem, "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space"]).stdout;

describe("certificate authority", () => {
  it("writes the Vietnamese subject as UTF8String and openssl reads it back", () => {
    const leaf = scratch.file("person.pem", pki.person.certificate.toString());
    expect(text(leaf)).toContain(
      "Subject: C=VN, O=Ủy ban nhân dân phường Định Công, UID=000.00.12.H49, title=Chủ tịch, CN=Nguyễn Đức Thắng",
    );
    const parsed = openssl(["asn1parse", "-in", leaf]).stdout;
    expect(parsed).toMatch(/UTF8STRING\s+:Nguyễn Đức Thắng/);
    expect(parsed).toMatch(/UTF8STRING\s+:Chủ tịch/);
    expect(parsed).toMatch(/PRINTABLESTRING\s+:VN/);
  });

  it("builds a chain openssl verifies: person, seal, and the TSA for time stamping", () => {
    for (const name of ["person", "seal"] as const) {
      const leaf = scratch.file(`${name}.pem`, pki[name].certificate.toString());
      const result = openssl(["verify", "-CAfile", rootPem, "-untrusted", issuingPem, leaf]);
      expect(result.stdout + result.stderr).toContain(": OK");
      expect(result.status).toBe(0);
    }
    const tsa = scratch.file("tsa.pem", pki.tsa.certificate.toString());
    const result = openssl([
      "verify",
      "-purpose",
      "timestampsign",
      "-CAfile",
      rootPem,
      "-untrusted",
      issuingPem,
      tsa,
    ]);
    expect(result.status).toBe(0);
  });

  it("gives the root and the issuing CA critical CA constraints and key usages", () => {
    const root = text(rootPem);
    expect(root).toMatch(/Basic Constraints: critical\s+CA:TRUE\n/);
    expect(root).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(root).toContain("Subject Key Identifier");
    const issuing = text(issuingPem);
    expect(issuing).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(issuing).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(pki.root.certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("gives signing certificates their key usages, EKUs, CRL URL and the issuer's key id", () => {
    const leaf = text(scratch.file("seal.pem", pki.seal.certificate.toString()));
    expect(leaf).toContain("CN=Ủy ban nhân dân phường Định Công");
    expect(leaf).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(leaf).toMatch(
      /Extended Key Usage: \n\s+E-mail Protection, 1\.3\.6\.1\.5\.5\.7\.3\.36, 1\.3\.6\.1\.4\.1\.311\.10\.3\.12/,
    );
    expect(leaf).toContain(`URI:${CRL_URL}`);
    const aki = certificateParts(pki.seal.certificate).extensions.get("2.5.29.35")!.value;
    expect(aki.subarray(-20)).toEqual(certificateKeyIdentifier(pki.issuing.certificate));
  });

  it("gives the TSA certificate timeStamping as its only, critical, extended key usage", () => {
    const tsa = text(scratch.file("tsa.pem", pki.tsa.certificate.toString()));
    expect(tsa).toMatch(/Extended Key Usage: critical\s+Time Stamping\n/);
  });

  it("uses random positive 16-byte serial numbers", () => {
    const serials = [pki.person, pki.seal, pki.tsa].map((c) => c.certificate.serialNumber);
    expect(new Set(serials).size).toBe(3);
    for (const serial of serials) expect(serial).toMatch(/^[4-7][0-9A-F]{31}$/);
  });

  it("never lets a certificate outlive its issuer", async () => {
    const long = await issuePersonCertificate({
      issuer: pki.issuing,
      fullName: "Trần Thị Hoa",
      organizationName: "Ủy ban nhân dân phường Định Công",
      organizationCode: "000.00.12.H49",
      crlDistributionPointUrl: CRL_URL,
      validityYears: 50,
    });
    expect(certificateParts(long.certificate).notAfter).toEqual(
      certificateParts(pki.issuing.certificate).notAfter,
    );
  });

  it("renews with a new key and serial for the same subject and profile", async () => {
    const renewed = await renewCertificate({
      issuer: pki.issuing,
      previous: pki.person.certificate,
      crlDistributionPointUrl: CRL_URL,
    });
    const subjectDer = (c: typeof renewed.certificate) => toDer(certificateParts(c).subject);
    expect(subjectDer(renewed.certificate)).toEqual(subjectDer(pki.person.certificate));
    expect(renewed.certificate.serialNumber).not.toBe(pki.person.certificate.serialNumber);
    expect(createPublicKey(renewed.privateKey).export({ type: "spki", format: "der" })).not.toEqual(
      pki.person.certificate.publicKey.export({ type: "spki", format: "der" }),
    );
    expect(renewed.certificate.checkPrivateKey(renewed.privateKey)).toBe(true);
    const leaf = scratch.file("renewed.pem", renewed.certificate.toString());
    expect(text(leaf)).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    const result = openssl(["verify", "-CAfile", rootPem, "-untrusted", issuingPem, leaf]);
    expect(result.status).toBe(0);
  });
});
