// Signing and verifying, each beside OpenSSL on the same bytes in the same run. Ours is the whole
// of what a leader's signature costs the application (signPdfPades: the field's incremental
// update with the signature picture, the CMS, the deployment TSA's timestamp, then the DSS
// revision; B-LT) and our verifier on the file it gives. OpenSSL is `openssl cms -sign` over the
// unsigned file and `openssl cms -verify` of our CMS over the signed byte ranges, each run as a
// child process, start-up included (command-timer.ts). No database: it runs before anything
// else is started.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildFormPdf } from "@/server/signing/pdf/testing/form-pdf";
import { signaturePng } from "@/server/signing/pdf/testing/test-images";
import {
  buildCrl,
  createIssuingCa,
  createLocalSigner,
  createRootCa,
  issuePersonCertificate,
  issueTimestampingCertificate,
} from "@/server/signing/pki";
import type { Authority } from "@/server/signing/service/authority";
import { signPdfPades } from "@/server/signing/service/pades";
import { verifyPdf } from "@/server/signing/verify/verify-pdf";
import { startCommandTimer, type CommandTimer } from "./command-timer";
import { percentile, type Result } from "./measure";

const MB = 1024 * 1024;
const CRL_URL = "http://localhost:3000/api/ca/crl";
const LEADER = "Nguyễn Đức Thắng";

/** The signed ranges of a file with one signature, and its CMS (the DER without the padding). */
function signedParts(pdf: Uint8Array): { ranges: Buffer[]; cms: Buffer } {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    bytes.toString("latin1", Math.max(0, bytes.lastIndexOf("/ByteRange"))),
  );
  if (!match) throw new Error("The file has no /ByteRange");
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  const padded = Buffer.from(bytes.toString("latin1", a + b + 1, c - 1), "hex");
  // The DER's own length says where the zeros begin.
  const lengthBytes = padded[1]! & 0x80 ? padded[1]! & 0x7f : 0;
  const length = lengthBytes ? padded.readUIntBE(2, lengthBytes) : padded[1]!;
  return {
    ranges: [bytes.subarray(a, a + b), bytes.subarray(c, c + d)],
    cms: padded.subarray(0, 2 + lengthBytes + length),
  };
}

type Pair = {
  name: string;
  ours: () => Promise<unknown>;
  /** OpenSSL's arguments; it must exit with 0. */
  openssl: string[];
};

/** Alternates ours and OpenSSL, one sample each in turn, so both see the same machine load. */
async function measurePair(
  pair: Pair,
  timer: CommandTimer,
  options: { samples: number; warmup: number },
): Promise<Result> {
  for (let i = 0; i < options.warmup; i++) {
    await pair.ours();
    await timer.time("openssl", pair.openssl);
  }
  const oursMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const t = performance.now();
    await pair.ours();
    oursMs.push(performance.now() - t);
    baseMs.push(await timer.time("openssl", pair.openssl));
  }
  oursMs.sort((a, b) => a - b);
  baseMs.sort((a, b) => a - b);
  return {
    name: pair.name,
    n: options.samples,
    p50: percentile(oursMs, 50),
    p95: percentile(oursMs, 95),
    baseP50: percentile(baseMs, 50),
    baseP95: percentile(baseMs, 95),
  };
}

async function createAuthority(): Promise<Authority> {
  const organizationName = "Liên Thông";
  const root = await createRootCa({ commonName: "Liên Thông Root CA", organizationName });
  const issuing = await createIssuingCa({
    root,
    commonName: "Liên Thông Issuing CA",
    organizationName,
    crlDistributionPointUrl: CRL_URL,
  });
  const tsa = await issueTimestampingCertificate({
    issuer: issuing,
    commonName: "Liên Thông Time-Stamping Authority",
    organizationName,
    crlDistributionPointUrl: CRL_URL,
  });
  return { root, issuing, tsa };
}

export async function benchSigning(options: {
  samples: number;
  warmup: number;
  log: (line: string) => void;
  print: (result: Result, note: string) => void;
}): Promise<void> {
  const { log } = options;
  const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-bench-signing-"));
  const at = (name: string) => path.join(dir, name);
  // Started while this process is still small: it is the only fork.
  const timer = startCommandTimer();
  try {
    log("Signing: a CA, a TSA and a leader's certificate in memory ...");
    const authority = await createAuthority();
    const leader = await issuePersonCertificate({
      issuer: authority.issuing,
      fullName: LEADER,
      title: "Chủ tịch",
      organizationName: "Ủy ban nhân dân phường Định Công",
      organizationCode: "000.02.28.H26",
      crlDistributionPointUrl: CRL_URL,
    });
    const signer = createLocalSigner({
      key: leader.privateKey,
      certificate: leader.certificate,
      chain: [authority.issuing.certificate, authority.root.certificate],
    });
    const crls = [
      buildCrl({
        issuer: authority.issuing,
        revoked: [],
        crlNumber: 1,
        nextUpdate: new Date(Date.now() + 86_400_000),
      }),
    ];
    const rootPem = authority.root.certificate.toString();
    writeFileSync(at("root.pem"), rootPem);
    writeFileSync(at("cert.pem"), leader.certificate.toString());
    writeFileSync(at("key.pem"), leader.privateKey.export({ format: "pem", type: "pkcs8" }));
    const png = await signaturePng();
    const signArgs = (file: string) => [
      ...["cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER"],
      ...["-signer", at("cert.pem"), "-inkey", at("key.pem"), "-in", file, "-out", "/dev/null"],
    ];

    const sizes = [1, 10];
    const pairs: (Pair & { note: string })[] = [];
    const verifications: (Pair & { note: string })[] = [];
    for (const megabytes of sizes) {
      const { bytes } = await buildFormPdf({ texts: [], padding: megabytes * MB });
      const file = at(`file-${megabytes}mb.pdf`);
      writeFileSync(file, bytes);
      const sign = () =>
        signPdfPades({
          pdf: bytes,
          signer,
          authority,
          crls,
          signature: {
            fieldName: "LanhDaoKy",
            signerName: LEADER,
            reason: "Ký ban hành văn bản",
            location: "Phường Định Công",
            signingTime: new Date(),
            appearance: { images: [{ png, rect: [0, 0, 200, 90] }] },
          },
        });
      const signed = await sign();
      const verify = async () => {
        const verdicts = verifyPdf(signed, { trustAnchors: [rootPem] }).signatures.map(
          (s) => s.verdict,
        );
        if (verdicts.join() !== "valid") {
          throw new Error(`our verifier found ${verdicts.join() || "no signature"}`);
        }
      };
      await verify();
      const { ranges, cms } = signedParts(signed);
      const content = at(`signed-ranges-${megabytes}mb`);
      const signature = at(`signature-${megabytes}mb.der`);
      writeFileSync(content, Buffer.concat(ranges));
      writeFileSync(signature, cms);
      log(
        `Signing: a ${(bytes.length / MB).toFixed(2)} MB form, ` +
          `${(signed.length / MB).toFixed(2)} MB once signed.`,
      );
      pairs.push({
        name: `sign-${megabytes}mb`,
        ours: sign,
        openssl: signArgs(file),
        note: "signPdfPades, B-LT: picture, CMS, TSA timestamp, DSS; openssl cms -sign",
      });
      verifications.push({
        name: `verify-${megabytes}mb`,
        ours: verify,
        openssl: [
          ...["cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", content],
          ...["-CAfile", at("root.pem"), "-purpose", "any", "-out", "/dev/null"],
        ],
        note: "verifyPdf: CMS, chain, CRL, timestamp, later revisions; openssl cms -verify",
      });
    }
    for (const { note, ...pair } of [...pairs, ...verifications]) {
      options.print(await measurePair(pair, timer, options), note);
    }
    // How much of OpenSSL's time is its start-up, for reading the ratios: the same signing of
    // an empty file.
    writeFileSync(at("empty"), "");
    const startup: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      startup.push(await timer.time("openssl", signArgs(at("empty"))));
    }
    startup.sort((a, b) => a - b);
    log(
      `OpenSSL's start-up (cms -sign of an empty file): p50 ${percentile(startup, 50).toFixed(2)} ms.`,
    );
  } finally {
    timer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
