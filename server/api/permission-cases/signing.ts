// The permission cases of digital signing (certificates, PINs, images, trust anchors) and of
// exchange between deployments: see permissions.int.test.ts.
import { deploymentWide, type Case } from "./kit";

export const signingCases: Record<string, Case> = {
  "signing.myCertificates": {
    permission: null,
    input: () => undefined,
    otherOrganisation: { none: "takes no input; lists the caller's own certificates" },
  },
  "signing.setPin": {
    permission: null,
    input: () => ({ certificateId: "00000000-0000-4000-8000-000000000000", pin: "123456" }),
    otherOrganisation: { none: "a certificate id the caller does not hold is not found" },
  },
  "signing.list": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.issue": {
    permission: "signing.manage",
    input: () => ({ organisationId: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: deploymentWide,
  },
  "signing.revoke": {
    permission: "signing.manage",
    input: () => ({
      certificateId: "00000000-0000-4000-8000-000000000000",
      version: 1,
      reason: "x",
    }),
    otherOrganisation: deploymentWide,
  },
  "signing.importCertificate": {
    permission: "signing.own",
    input: () => ({ file: "MAA=", password: "matkhau", pin: "123456" }),
    otherOrganisation: { none: "imports into the caller's own name" },
  },
  "signing.mySignatureImage": {
    permission: "signing.own",
    input: () => undefined,
    otherOrganisation: { none: "takes no input; answers about the caller" },
  },
  "signing.setSignatureImage": {
    permission: "signing.own",
    input: () => ({ sha256: "0".repeat(64), source: "upload" }),
    otherOrganisation: { none: "sets the caller's own picture, from the caller's own upload" },
  },
  "signing.candidates": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.renew": {
    permission: "signing.manage",
    input: () => ({ certificateId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    otherOrganisation: deploymentWide,
  },
  "signing.trustAnchors": {
    permission: "signing.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "signing.decideTrustAnchor": {
    permission: "signing.manage",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000", decision: "approve" }),
    otherOrganisation: deploymentWide,
  },
  "signing.sealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "signing.setSealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong, sha256: "0".repeat(64) }),
    otherOrganisation: deploymentWide,
  },
  "signing.generateSealImage": {
    permission: "signing.manage",
    input: (ids) => ({ organisationId: ids.orgs.dinhcong }),
    otherOrganisation: deploymentWide,
  },
  "exchange.identity": {
    permission: "exchange.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "exchange.peers": {
    permission: "exchange.manage",
    input: () => undefined,
    otherOrganisation: deploymentWide,
  },
  "exchange.savePeer": {
    permission: "exchange.manage",
    input: () => ({
      name: "Tỉnh",
      url: "https://x.example",
      certificate: "x",
      organisationIds: [],
      active: true,
    }),
    otherOrganisation: deploymentWide,
  },
  "exchange.outbox": {
    permission: "exchange.manage",
    input: () => ({}),
    otherOrganisation: deploymentWide,
  },
  "exchange.retry": {
    permission: "exchange.manage",
    input: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    otherOrganisation: deploymentWide,
  },
};
