// Builds the path from a signer's certificate to a trust anchor through the certificates the
// file carries (the CMS and the /DSS), and checks each link at the signing time.
import { type Certificate, validAt } from "./certificate";
import { type ReasonCode } from "./reasons";

export type Chain = { path: Certificate[]; trusted: boolean };

const maxLength = 12;

function issued(child: Certificate, issuer: Certificate): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

export function buildChain(leaf: Certificate, pool: Certificate[], anchors: Certificate[]): Chain {
  const path = [leaf];
  const anchorIds = new Set(anchors.map((a) => a.id));
  let current = leaf;
  while (path.length <= maxLength) {
    if (anchorIds.has(current.id)) return { path, trusted: true };
    const anchor = anchors.find((a) => issued(current, a));
    if (anchor) return { path: [...path, anchor], trusted: true };
    const next = pool.find((c) => !path.some((p) => p.id === c.id) && issued(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return { path, trusted: false };
}

/** Validity of every certificate at `when`, and that every issuer in the path is a CA. */
export function checkChainAt(chain: Chain, anchors: Certificate[], when: Date): ReasonCode[] {
  const problems = new Set<ReasonCode>();
  chain.path.forEach((cert, i) => {
    const state = validAt(cert, when);
    if (state === "expired") problems.add("certificate-expired");
    if (state === "not-yet-valid") problems.add("certificate-not-yet-valid");
    // A trust anchor is trusted as given, even an old root without basicConstraints.
    const isAnchor = anchors.some((a) => a.id === cert.id);
    if (i > 0 && !isAnchor && !cert.isCa) problems.add("chain-issuer-not-ca");
  });
  return [...problems];
}

export function issuerInPath(chain: Chain, cert: Certificate): Certificate | null {
  const i = chain.path.findIndex((c) => c.id === cert.id);
  return i >= 0 ? (chain.path[i + 1] ?? null) : null;
}
