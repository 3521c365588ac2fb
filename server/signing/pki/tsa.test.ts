import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPki, openssl, scratchFolder } from "./test-support";
import type { TestPki } from "./test-support";
import {
  createTimestampToken,
  parseTimestampRequest,
  timestampRejection,
  timestampResponse,
} from "./tsa";

let pki: TestPki;
const scratch = scratchFolder();
const POLICY = "1.3.6.1.4.1.99999.1.1";
const data = Buffer.from("Biên bản họp ngày 02/03/2026");
const imprint = createHash("sha256").update(data).digest();
const files: Record<string, string> = {};

beforeAll(async () => {
  pki = await createTestPki();
  files.data = scratch.file("data.bin", data);
  files.root = scratch.file("root.pem", pki.root.certificate.toString());
  files.issuing = scratch.file("issuing.pem", pki.issuing.certificate.toString());
});
afterAll(() => scratch.remove());

const token = ({
  chain = true,
  ...options
}: { time?: Date; nonce?: bigint; serial?: bigint; chain?: boolean } = {}) =>
  createTimestampToken({
    messageImprint: imprint,
    tsaCertificate: pki.tsa.certificate,
    tsaKey: pki.tsa.privateKey,
    chain: chain ? [pki.issuing.certificate] : [],
    policyOid: POLICY,
    ...options,
  });

const verifyResponse = (response: Buffer, against: string[]) =>
  openssl([
    "ts",
    "-verify",
    "-in",
    scratch.file("response.tsr", response),
    ...against,
    "-CAfile",
    files.root!,
    "-untrusted",
    files.issuing!,
  ]);

describe("time-stamping authority", () => {
  it("answers with a response openssl ts -verify accepts for the data", () => {
    const result = verifyResponse(timestampResponse(token()), ["-data", files.data!]);
    expect(result.stdout).toContain("Verification: OK");
    expect(result.status).toBe(0);
  });

  it("is refused by openssl for other data", () => {
    const other = scratch.file("other.bin", Buffer.from("Biên bản họp ngày 03/03/2026"));
    const result = verifyResponse(timestampResponse(token()), ["-data", other]);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/message imprint mismatch/);
  });

  it("shows openssl the policy, time, serial, nonce and TSA name it was given", () => {
    const time = new Date("2026-03-02T08:15:30.250Z");
    const response = timestampResponse(token({ time, nonce: 0x1234abcdn, serial: 42n }));
    const text = openssl(["ts", "-reply", "-in", scratch.file("r.tsr", response), "-text"]).stdout;
    expect(text).toContain("Status: Granted.");
    expect(text).toContain(`Policy OID: ${POLICY}`);
    expect(text).toContain("Time stamp: Mar  2 08:15:30.25 2026 GMT");
    expect(text).toContain("Hash Algorithm: sha256");
    expect(text).toContain("Serial number: 0x2A");
    expect(text).toContain("Nonce: 0x1234ABCD");
    expect(text).toContain("CN=Li\\xC3\\xAAn Th\\xC3\\xB4ng TSA");
  });

  it("carries the TSA certificate itself (openssl above was given only the issuing CA)", () => {
    const text = openssl([
      "pkcs7",
      "-inform",
      "DER",
      "-print_certs",
      "-noout",
      "-in",
      scratch.file("token.der", token({ chain: false })),
    ]).stdout;
    expect(text.match(/^subject=.*$/gm)).toEqual([
      "subject=C = VN, O = \\E1\\BB\\A6y ban nh\\C3\\A2n d\\C3\\A2n qu\\E1\\BA\\ADn Ho\\C3\\A0ng Mai, CN = Li\\C3\\AAn Th\\C3\\B4ng TSA",
    ]);
  });

  it("reads an openssl request, and answers it so that openssl checks imprint and nonce", () => {
    const query = scratch.path("request.tsq");
    openssl(["ts", "-query", "-data", files.data!, "-sha256", "-cert", "-out", query]);
    const request = parseTimestampRequest(readFileSync(query));
    expect(request.hashAlgorithm).toBe("2.16.840.1.101.3.4.2.1");
    expect(request.messageImprint).toEqual(imprint);
    expect(request.certReq).toBe(true);
    expect(request.nonce).not.toBeNull();

    const response = timestampResponse(token({ nonce: request.nonce! }));
    expect(verifyResponse(response, ["-queryfile", query]).stdout).toContain("Verification: OK");
    const wrongNonce = timestampResponse(token({ nonce: request.nonce! + 1n }));
    const refused = verifyResponse(wrongNonce, ["-queryfile", query]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/nonce mismatch/);
  });

  it("writes a rejection openssl reads as such", () => {
    const text = openssl([
      "ts",
      "-reply",
      "-in",
      scratch.file("rejected.tsr", timestampRejection("badAlg")),
      "-text",
    ]).stdout;
    expect(text).toContain("Status: Rejected.");
    expect(text).toContain("unrecognized or unsupported algorithm identifier");
  });
});
