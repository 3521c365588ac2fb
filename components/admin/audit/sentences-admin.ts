// Audit sentences of administration: people, units, registries, organisations, signing, exchange.
import type { AuditAction } from "@/lib/audit-actions";
import {
  count,
  MAX_VALUE,
  obj,
  optional,
  shorten,
  simple,
  str,
  yes,
  type Builder,
} from "./sentence-kit";

export const adminSentences = {
  "user.created": (e, h) => {
    const unit = str(e.data.unitId) ? e.unitNames[e.data.unitId as string] : undefined;
    return {
      key: "user.created",
      values: {
        username: str(e.data.username) ?? "",
        hasUsername: yes(Boolean(str(e.data.username))),
        roles: h.roles(e.data.roles),
        hasRoles: yes(count(e.data.roles) > 0),
        unit: unit ?? "",
        hasUnit: yes(Boolean(unit)),
      },
    };
  },
  "user.updated": (_e, h) => h.edit("user.updated"),
  "user.reactivated": simple("user.reactivated"),
  "user.deactivated": simple("user.deactivated"),
  "user.passwordReset": (e) => ({
    key: "user.passwordReset",
    values: { wasLocked: yes(e.data.wasLocked === true) },
  }),
  "user.passwordChanged": simple("user.passwordChanged"),
  "unit.created": (e) => ({
    key: "unit.created",
    values: {
      shortName: str(e.data.shortName) ?? "",
      hasShortName: yes(Boolean(str(e.data.shortName))),
    },
  }),
  "unit.updated": (_e, h) => h.edit("unit.updated"),
  "unit.reactivated": simple("unit.reactivated"),
  "unit.deactivated": simple("unit.deactivated"),
  "registry.created": (e, h) => ({
    key: "registry.created",
    values: { kind: h.kind(e.data.kind), automatic: yes(e.data.automatic === true) },
  }),
  "registry.updated": (_e, h) => h.edit("registry.updated"),
  "registry.defaultChosen": (e, h) => ({
    key: "registry.defaultChosen",
    values: { kind: h.kind(e.data.kind) },
  }),
  "user.passwordResetRequested": simple("user.passwordResetRequested"),
  "user.passwordResetByMail": simple("user.passwordResetByMail"),
  "user.mailSettingsChanged": simple("user.mailSettingsChanged"),
  "organisation.created": (e) => ({
    key: "organisation.created",
    values: { code: str(e.data.code) ?? "", hasCode: yes(Boolean(str(e.data.code))) },
  }),
  "organisation.updated": (_e, h) => h.edit("organisation.updated"),
  "organisation.moved": (e, h) => ({
    key: "organisation.moved",
    values: {
      from: h.orgName(e.data.from),
      to: h.orgName(e.data.to),
      hasTo: yes(Boolean(str(obj(e.data.to).name))),
      merge: yes(e.data.because === "merge"),
    },
  }),
  "organisation.closed": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.closed",
      values: {
        date: date ?? "",
        hasDate: yes(Boolean(date)),
        reason: str(e.data.reason) ? shorten(e.data.reason as string, MAX_VALUE) : "",
        hasReason: yes(Boolean(str(e.data.reason))),
      },
    };
  },
  "organisation.merged": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.merged",
      values: { into: h.orgName(e.data.into), date: date ?? "", hasDate: yes(Boolean(date)) },
    };
  },
  "organisation.absorbed": (e, h) => {
    const date = h.day(e.data.date);
    return {
      key: "organisation.absorbed",
      values: {
        date: date ?? "",
        hasDate: yes(Boolean(date)),
        users: count(e.data.users),
        units: count(e.data.units),
      },
    };
  },
  "signing.certificateIssued": (e) => ({
    key: "signing.certificateIssued",
    values: { seal: yes(e.data.purpose === "seal"), ...optional("serial", e.data.serial) },
  }),
  "signing.certificateRenewed": (e) => ({
    key: "signing.certificateRenewed",
    values: optional("serial", e.data.serial),
  }),
  "signing.certificateRevoked": (e) => ({
    key: "signing.certificateRevoked",
    values: optional("reason", e.data.reason),
  }),
  "signing.certificateImported": (e) => ({
    key: "signing.certificateImported",
    values: { ...optional("issuer", e.data.issuer), pending: yes(e.data.anchor === "pending") },
  }),
  "signing.trustAnchorApproved": simple("signing.trustAnchorApproved"),
  "signing.trustAnchorRefused": simple("signing.trustAnchorRefused"),
  "signing.signatureImageSet": (e) => ({
    key: "signing.signatureImageSet",
    values: { drawn: yes(e.data.source === "drawn") },
  }),
  "signing.sealImageSet": (e) => ({
    key: "signing.sealImageSet",
    values: { generated: yes(e.data.source === "generated") },
  }),
  "exchange.peerAdded": (e) => ({
    key: "exchange.peerAdded",
    values: { ...optional("url", e.data.url), hosts: count(e.data.hosts) },
  }),
  "exchange.peerChanged": (e) => ({
    key: "exchange.peerChanged",
    values: { ...optional("url", e.data.url), hosts: count(e.data.hosts) },
  }),
  "exchange.retried": (e) => ({
    key: "exchange.retried",
    values: { status: yes(e.data.kind === "status") },
  }),
  "demo.seeded": (e) => ({
    key: "demo.seeded",
    values: { units: count(e.data.units), users: count(e.data.users) },
  }),
} satisfies Partial<Record<AuditAction, Builder>>;
