// Remote signing services: the key stays with the service (a Vietnamese remote-signing service
// where the holder approves each signature in its phone app, or an HSM behind a queue), and the
// answer comes later. A service is added by registering a provider here; the workflow does not
// change: the leader's signature waits in signature_request until the answer is collected.
import { X509Certificate } from "node:crypto";
import type { Signer } from "../pki";

export type RemoteAnswer =
  | { status: "pending" }
  | { status: "signed"; signature: Buffer }
  /** The holder declined on their phone, or the service gave up. */
  | { status: "refused"; reason?: string };

export type RemoteSigningProvider = {
  /** Stored with each certificate and request: never reuse one for another service. */
  id: string;
  /** The service's name as the holder knows it ("VNPT SmartCA"). */
  label: string;
  /** How long the holder has to approve before the request lapses. */
  approvalSeconds: number;
  /**
   * Asks the service to have the holder approve a signature over a SHA-256 digest (RSA PKCS#1
   * v1.5); `description` is what their phone shows. Returns the service's reference.
   */
  request(p: { keyId: string; digest: Buffer; description: string }): Promise<string>;
  /** The answer so far for a reference. */
  answer(reference: string): Promise<RemoteAnswer>;
};

const globalForProviders = globalThis as unknown as {
  lienThongRemoteProviders?: Map<string, RemoteSigningProvider>;
};
const providers = (globalForProviders.lienThongRemoteProviders ??= new Map());

export function registerRemoteProvider(provider: RemoteSigningProvider): void {
  providers.set(provider.id, provider);
}

export function unregisterRemoteProvider(id: string): void {
  providers.delete(id);
}

export function remoteProvider(id: string): RemoteSigningProvider | null {
  return providers.get(id) ?? null;
}

/** A Signer over a remote key: it always answers "pending" with the service's reference. */
export function remoteSigner(
  provider: RemoteSigningProvider,
  key: { keyId: string; certificate: X509Certificate; chain: X509Certificate[] },
  description: string,
): Signer {
  return {
    certificate: key.certificate,
    chain: key.chain,
    sign: async (digest) => ({
      status: "pending",
      reference: await provider.request({ keyId: key.keyId, digest, description }),
    }),
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** A stored certificate and the chain above it (signing_certificate's DER and PEM bundle). */
export function certificateAndChain(row: { certificate: Buffer; chainPem: string }): {
  certificate: X509Certificate;
  chain: X509Certificate[];
} {
  return {
    certificate: new X509Certificate(row.certificate),
    chain: (row.chainPem.match(PEM_CERTIFICATE) ?? []).map((pem) => new X509Certificate(pem)),
  };
}
