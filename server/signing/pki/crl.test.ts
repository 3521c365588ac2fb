import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCrl, findRevocation, parseCrl, verifyCrl } from "./crl";
import { createTestPki, openssl, scratchFolder } from "./test-support";
import type { TestPki } from "./test-support";

let pki: TestPki;
const scratch = scratchFolder();
const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
const nextUpdate = new Date(thisUpdate.getTime() + 7 * 864e5);
const revokedAt = new Date(thisUpdate.getTime() - 600_000);
const opensslDate = (d: Date) =>
  d
    .toUTCString()
    .replace(
      /^\w+, (\d+) (\w+) (\d+) (\S+) GMT$/,
      (_, day, month, year, clock) => `${month} ${day.replace(/^0/, " ")} ${clock} ${year} GMT`,
    );

beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => scratch.remove());

function crlRevokingPerson() {
  return buildCrl({
    issuer: pki.issuing,
    revoked: [
      {
        serial: pki.person.certificate.serialNumber,
        revokedAt,
        reason: "keyCompromise",
      },
      { serial: "0a1b", revokedAt: new Date("2026-02-01T00:00:00Z") },
    ],
    crlNumber: 7,
    thisUpdate,
    nextUpdate,
  });
}

describe("certificate revocation lists", () => {
  it("builds a CRL openssl verifies against the issuing CA, listing the revoked serials", () => {
    const crl = scratch.file("crl.der", crlRevokingPerson());
    const chain = scratch.file(
      "chain.pem",
      pki.issuing.certificate.toString() + pki.root.certificate.toString(),
    );
    const result = openssl([
      "crl",
      "-inform",
      "DER",
      "-in",
      crl,
      "-CAfile",
      chain,
      "-noout",
      "-text",
    ]);
    expect(result.stderr).toContain("verify OK");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Version 2 (0x1)");
    expect(result.stdout).toMatch(/X509v3 CRL Number: \n\s+7\n/);
    expect(result.stdout).toContain(`Serial Number: ${pki.person.certificate.serialNumber}`);
    expect(result.stdout).toMatch(/Key Compromise/);
    expect(result.stdout).toContain("Serial Number: 0A1B");
    expect(result.stdout).toContain(`Last Update: ${opensslDate(thisUpdate)}`);
    expect(result.stdout).toContain(`Next Update: ${opensslDate(nextUpdate)}`);
  });

  it("makes openssl verify -crl_check call the revoked certificate revoked, and others OK", () => {
    const der = crlRevokingPerson();
    const crl = scratch.file("crl.pem", openssl(["crl", "-inform", "DER"], der).stdout);
    const root = scratch.file("root.pem", pki.root.certificate.toString());
    const issuing = scratch.file("issuing.pem", pki.issuing.certificate.toString());
    const check = (name: "person" | "seal") =>
      openssl([
        "verify",
        "-crl_check",
        "-CAfile",
        root,
        "-untrusted",
        issuing,
        "-CRLfile",
        crl,
        scratch.file(`${name}.pem`, pki[name].certificate.toString()),
      ]);
    const revoked = check("person");
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain("certificate revoked");
    expect(check("seal").status).toBe(0);
  });

  it("reads back issuer, dates, number, key identifier and entries", () => {
    const crl = parseCrl(crlRevokingPerson());
    expect(crl.issuer).toBe("CN=Liên Thông Issuing CA, O=Ủy ban nhân dân quận Hoàng Mai, C=VN");
    expect(crl.thisUpdate).toEqual(thisUpdate);
    expect(crl.nextUpdate).toEqual(nextUpdate);
    expect(crl.crlNumber).toBe(7n);
    expect(crl.revoked).toEqual([
      {
        serial: pki.person.certificate.serialNumber,
        revokedAt,
        reason: "keyCompromise",
      },
      { serial: "0A1B", revokedAt: new Date("2026-02-01T00:00:00Z") },
    ]);
    expect(findRevocation(crl, pki.person.certificate)?.reason).toBe("keyCompromise");
    expect(findRevocation(crl, pki.seal.certificate)).toBeUndefined();
  });

  it("verifies the signature against the issuing CA only, and not once a byte changes", () => {
    const der = crlRevokingPerson();
    expect(verifyCrl(der, pki.issuing.certificate)).toBe(true);
    expect(verifyCrl(der, pki.root.certificate)).toBe(false);
    const tampered = Buffer.from(der);
    const at = tampered.indexOf(Buffer.from([0x0a, 0x1b]));
    tampered[at + 1] = 0x1c; // another serial
    expect(verifyCrl(tampered, pki.issuing.certificate)).toBe(false);
  });

  it("builds an empty CRL openssl accepts", () => {
    const crl = scratch.file(
      "empty.der",
      buildCrl({
        issuer: pki.issuing,
        revoked: [],
        crlNumber: 1,
        nextUpdate: new Date(Date.now() + 864e5),
      }),
    );
    const chain = scratch.file(
      "chain.pem",
      pki.issuing.certificate.toString() + pki.root.certificate.toString(),
    );
    const result = openssl([
      "crl",
      "-inform",
      "DER",
      "-in",
      crl,
      "-CAfile",
      chain,
      "-noout",
      "-text",
    ]);
    expect(result.stderr).toContain("verify OK");
    expect(result.stdout).toContain("No Revoked Certificates.");
    expect(parseCrl(readFileSync(crl)).revoked).toEqual([]);
  });
});
