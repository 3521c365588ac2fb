// Vocabulary of official documents shared by server and client: Decree 30/2020 types and their
// abbreviations, urgency (with edXML priority codes) and confidentiality levels.

export const documentTypes = [
  { key: "nghi_quyet", abbr: "NQ" },
  { key: "quyet_dinh", abbr: "QĐ" },
  { key: "chi_thi", abbr: "CT" },
  { key: "quy_che", abbr: "QC" },
  { key: "quy_dinh", abbr: "QyĐ" },
  { key: "thong_cao", abbr: "TC" },
  { key: "thong_bao", abbr: "TB" },
  { key: "huong_dan", abbr: "HD" },
  { key: "chuong_trinh", abbr: "CTr" },
  { key: "ke_hoach", abbr: "KH" },
  { key: "phuong_an", abbr: "PA" },
  { key: "de_an", abbr: "ĐA" },
  { key: "du_an", abbr: "DA" },
  { key: "bao_cao", abbr: "BC" },
  { key: "bien_ban", abbr: "BB" },
  { key: "to_trinh", abbr: "TTr" },
  { key: "hop_dong", abbr: "HĐ" },
  { key: "cong_dien", abbr: "CĐ" },
  { key: "ban_ghi_nho", abbr: "BGN" },
  { key: "ban_thoa_thuan", abbr: "BTT" },
  { key: "giay_uy_quyen", abbr: "GUQ" },
  { key: "giay_moi", abbr: "GM" },
  { key: "giay_gioi_thieu", abbr: "GGT" },
  { key: "giay_nghi_phep", abbr: "GNP" },
  { key: "phieu_gui", abbr: "PG" },
  { key: "phieu_chuyen", abbr: "PC" },
  { key: "phieu_bao", abbr: "PB" },
  { key: "cong_van", abbr: null },
  { key: "thu_cong", abbr: null },
  { key: "ban_sao_y", abbr: "SY" },
  { key: "ban_trich_sao", abbr: "TrS" },
  { key: "ban_sao_luc", abbr: "SL" },
] as const;

export type DocumentType = (typeof documentTypes)[number]["key"];

/** The types a ward receives most, offered first in pickers. */
export const commonDocumentTypes: readonly DocumentType[] = [
  "cong_van",
  "giay_moi",
  "quyet_dinh",
  "ke_hoach",
  "bao_cao",
  "thong_bao",
];
export const documentTypeKeys = documentTypes.map((t) => t.key) as [
  DocumentType,
  ...DocumentType[],
];

/** Declared from least to most urgent: PostgreSQL sorts enum values in this order. */
export const urgencies = ["normal", "urgent", "very_urgent", "flash"] as const;
export type Urgency = (typeof urgencies)[number];
/** QCVN 102:2016 edXML priority codes. */
export const edxmlPriority: Record<Urgency, number> = {
  normal: 0,
  urgent: 1,
  very_urgent: 2,
  flash: 3,
};

export const confidentialities = ["normal", "confidential", "secret", "top_secret"] as const;
export type Confidentiality = (typeof confidentialities)[number];
export const isSecret = (c: Confidentiality) => c !== "normal";

export const receptionChannels = ["paper", "electronic", "exchange", "email", "fax"] as const;
export type ReceptionChannel = (typeof receptionChannels)[number];

/** Number and notation as written on the document: "15/QĐ-UBND", or "05/UBND-VP" for a công văn. */
export function formatNumberNotation(number: string | null, notation: string | null): string {
  if (!number && !notation) return "";
  if (!notation) return number ?? "";
  if (!number) return notation;
  return `${number}/${notation}`;
}

/** Numbers under 10 are written with a leading zero (Decree 30, Art. 15). */
export const padNumber = (n: number) => (n < 10 ? `0${n}` : String(n));
