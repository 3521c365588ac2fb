// What the outgoing renderer needs to know about a draft, as plain data, and the wording Decree
// 30/2020 prescribes for the parts of the page that are not the drafter's own text.
import { padNumber, type Confidentiality, type DocumentType, type Urgency } from "@/lib/documents";

/** A ProseMirror node as the tiptap editor stores it (`editor.getJSON()`). */
export type TiptapNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

/** How the signer signs (Decree 30, Art. 13): for a collective, for the head, acting... */
export const signingAuthorities = ["none", "TM", "KT", "Q", "TL", "TUQ"] as const;
export type SigningAuthority = (typeof signingAuthorities)[number];

export type OutgoingDraftForPdf = {
  issuer: {
    /** The governing body, printed above the issuer: "UBND QUẬN HOÀNG MAI". */
    parentName: string | null;
    /** "ỦY BAN NHÂN DÂN PHƯỜNG ĐỊNH CÔNG". */
    name: string;
  };
  /** The place in the date line: "Định Công", "Hà Nội". */
  placeName: string;
  /** The type's key and its name as printed: `cong_van` / "Công văn", `quyet_dinh` / "Quyết định". */
  documentType: { code: DocumentType; name: string };
  /** Everything after the number: "UBND-VP" for a công văn, "QĐ-UBND". */
  notation: string;
  /** Trích yếu: "V/v …" under the number of a công văn, the title's second line otherwise. */
  subject: string;
  /** The body as tiptap JSON: a `doc` node. */
  body: TiptapNode;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** "Kính gửi:" recipients, one name each; none prints no "Kính gửi:". */
  recipients: string[];
  /** "Nơi nhận:" lines before the archive line, without the leading dash: "Như trên". */
  copiesTo: string[];
  /** The drafting unit's short name for the last line: "VP" prints "- Lưu: VT, VP.". */
  archiveUnit: string;
  signature: {
    authority: SigningAuthority;
    /** The collective or head the signer signs for: "ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
    onBehalfOf: string | null;
    /** The signer's own position: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
    title: string;
    signerName: string;
  };
  /** The file's creation and modification dates; the same draft at the same `now` gives the same bytes. */
  now: Date;
};

/** Types whose subject goes under the number as "V/v …" instead of under a printed type name. */
export const isLetterType = (code: DocumentType) => code === "cong_van";

/** The authority lines above the signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]. */
export function authorityLines(signature: OutgoingDraftForPdf["signature"]): string[] {
  const title = signature.title.trim().toLocaleUpperCase("vi");
  if (signature.authority === "none" || !signature.onBehalfOf?.trim()) return [title];
  return [`${signature.authority}. ${signature.onBehalfOf.trim().toLocaleUpperCase("vi")}`, title];
}

export const urgencyMarks: Record<Urgency, string | null> = {
  normal: null,
  urgent: "KHẨN",
  very_urgent: "THƯỢNG KHẨN",
  flash: "HỎA TỐC",
};

export const confidentialityMarks: Record<Confidentiality, string | null> = {
  normal: null,
  confidential: "MẬT",
  secret: "TỐI MẬT",
  top_secret: "TUYỆT MẬT",
};

/** The number and notation as the văn thư enters it: 5, "UBND-VP" → "05/UBND-VP". */
export const numberNotationText = (number: number, notation: string) =>
  `${padNumber(number)}/${notation}`;

/**
 * The date part of the place-date line for a day in Vietnam: "ngày 05 tháng 01 năm 2026".
 * Days under 10 and the months 1 and 2 take a leading zero (Decree 30, Appendix I), so
 * "tháng 3" stays as it is.
 */
export function issueDateText(day: { year: number; month: number; day: number }): string {
  const month = day.month <= 2 ? padNumber(day.month) : String(day.month);
  return `ngày ${padNumber(day.day)} tháng ${month} năm ${day.year}`;
}

/** "Nơi nhận:" lines as printed: "- Như trên;" …, "- Lưu: VT, VP.". */
export function copyLines(copiesTo: string[], archiveUnit: string): string[] {
  const lines = copiesTo
    .map((line) => line.trim().replace(/^-\s*/, ""))
    .filter(Boolean)
    .map((line) => `- ${line.replace(/[;.,]$/, "")};`);
  const unit = archiveUnit.trim().replace(/\.$/, "");
  return [...lines, unit ? `- Lưu: VT, ${unit}.` : "- Lưu: VT."];
}

/** "Kính gửi:" lines: one name as it is, several as "- A;" … "- B.". */
export function recipientLines(recipients: string[]): string[] {
  const names = recipients.map((r) => r.trim().replace(/^-\s*/, "")).filter(Boolean);
  if (names.length <= 1) return names;
  return names.map((name, i) => {
    const bare = name.replace(/[;.,]$/, "");
    return `- ${bare}${i === names.length - 1 ? "." : ";"}`;
  });
}
