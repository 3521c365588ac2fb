// Why a signature or a file got its verdict, in the words a clerk reads (Vietnamese) and in English.
// `fatal` makes a signature invalid, `untrusted` makes it "valid-untrusted", `note` changes nothing.

import type { SignatureState } from "@/lib/signature-check";

export type Reason = { code: string; vi: string; en: string };

type Severity = "fatal" | "untrusted" | "note";
type Message = { severity: Severity; vi: string; en: string };

const messages = {
  "file-unreadable": {
    severity: "fatal",
    vi: "Không đọc được cấu trúc tệp PDF",
    en: "The PDF structure cannot be read",
  },
  "file-xref-damaged": {
    severity: "note",
    vi: "Bảng tham chiếu của tệp bị hỏng, một số đối tượng phải tìm lại",
    en: "The file's cross-reference data is damaged; some objects had to be searched for",
  },
  "file-encrypted": {
    severity: "note",
    vi: "Tệp được mã hóa; tên trường có thể không đọc được",
    en: "The file is encrypted; field names may be unreadable",
  },
  "file-no-signatures": {
    severity: "note",
    vi: "Tệp không có chữ ký số nào",
    en: "The file contains no signatures",
  },
  "file-last-revision-unsigned": {
    severity: "note",
    vi: "Lần lưu cuối của tệp không nằm trong phạm vi chữ ký nào",
    en: "The last revision of the file is not covered by any signature",
  },
  "file-validation-data-added": {
    severity: "note",
    vi: "Sau chữ ký cuối, tệp chỉ được bổ sung dữ liệu kiểm tra chữ ký hoặc thông tin mô tả; nội dung các trang không đổi",
    en: "After the last signature, only validation data or metadata was added; nothing shown on a page changed",
  },
  "file-bytes-after-end": {
    severity: "fatal",
    vi: "Có dữ liệu lạ được nối vào cuối tệp sau khi ký",
    en: "Unsigned bytes were appended after the end of the last revision",
  },
  "file-revision-unreadable": {
    severity: "fatal",
    vi: "Phần cuối của tệp bị hỏng hoặc bị sửa, không đọc được",
    en: "A revision at the end of the file cannot be read (damaged or tampered with)",
  },
  "file-internal-error": {
    severity: "fatal",
    vi: "Lỗi khi kiểm tra tệp",
    en: "The check failed unexpectedly",
  },
  "input-anchor-unreadable": {
    severity: "note",
    vi: "Không đọc được một chứng thư gốc tin cậy đã cung cấp",
    en: "A trust anchor given could not be read",
  },
  "input-crl-unreadable": {
    severity: "note",
    vi: "Không đọc được một danh sách thu hồi chứng thư (CRL)",
    en: "A certificate revocation list could not be read",
  },
  "crl-signature-invalid": {
    severity: "note",
    vi: "Danh sách thu hồi (CRL) không có chữ ký hợp lệ của tổ chức cấp, đã bỏ qua",
    en: "A CRL is not signed by its issuer and was ignored",
  },
  "signature-dictionary-unreadable": {
    severity: "fatal",
    vi: "Không đọc được thông tin chữ ký trong tệp",
    en: "The signature dictionary cannot be read",
  },
  "signature-in-object-stream": {
    severity: "fatal",
    vi: "Thông tin chữ ký nằm trong vùng nén, không thể loại trừ đúng khỏi phạm vi ký",
    en: "The signature dictionary is inside an object stream, so its Contents cannot be excluded exactly",
  },
  "byte-range-missing": {
    severity: "fatal",
    vi: "Chữ ký không cho biết phần nào của văn bản được ký (thiếu ByteRange)",
    en: "The signature has no ByteRange: what it covers is unknown",
  },
  "byte-range-malformed": {
    severity: "fatal",
    vi: "Phạm vi ký (ByteRange) không hợp lệ",
    en: "The ByteRange is not four non-negative integers [0 a b c] with a < b",
  },
  "byte-range-outside-file": {
    severity: "fatal",
    vi: "Phạm vi ký trỏ ra ngoài tệp",
    en: "The ByteRange points outside the file",
  },
  "byte-range-gap-not-contents": {
    severity: "fatal",
    vi: "Phần không được ký trong văn bản lớn hơn chỗ chứa chữ ký (dấu hiệu giả mạo)",
    en: "The unsigned gap of the ByteRange is not exactly the signature's Contents (signature wrapping)",
  },
  "byte-range-not-revision-end": {
    severity: "fatal",
    vi: "Phạm vi ký không kết thúc đúng ở cuối lần lưu có chữ ký",
    en: "The ByteRange does not end exactly at the end of the revision that added the signature",
  },
  "contents-missing": {
    severity: "fatal",
    vi: "Chữ ký trống hoặc không đọc được (thiếu Contents)",
    en: "The signature's Contents is missing, empty or not a hex string",
  },
  "subfilter-unsupported": {
    severity: "fatal",
    vi: "Kiểu chữ ký không được hỗ trợ",
    en: "The signature's SubFilter is not supported",
  },
  "cms-unreadable": {
    severity: "fatal",
    vi: "Không đọc được dữ liệu chữ ký (CMS)",
    en: "The CMS signature data cannot be read",
  },
  "cms-signer-count": {
    severity: "fatal",
    vi: "Dữ liệu chữ ký phải có đúng một người ký",
    en: "The CMS must hold exactly one SignerInfo",
  },
  "digest-algorithm-unsupported": {
    severity: "fatal",
    vi: "Thuật toán băm không được hỗ trợ",
    en: "The digest algorithm is not supported",
  },
  "digest-weak": {
    severity: "note",
    vi: "Chữ ký dùng thuật toán băm SHA-1 đã lỗi thời",
    en: "The signature uses the outdated SHA-1 digest",
  },
  "message-digest-missing": {
    severity: "fatal",
    vi: "Chữ ký thiếu mã băm của văn bản",
    en: "The message-digest signed attribute is missing or repeated",
  },
  "content-type-invalid": {
    severity: "fatal",
    vi: "Loại nội dung được ký không đúng",
    en: "The content-type signed attribute is missing or is not id-data",
  },
  "digest-mismatch": {
    severity: "fatal",
    vi: "Văn bản đã bị thay đổi sau khi ký (mã băm không khớp)",
    en: "The document was changed after signing: the digest does not match",
  },
  "signer-certificate-missing": {
    severity: "fatal",
    vi: "Không tìm thấy chứng thư số của người ký",
    en: "The signer's certificate is not in the signature",
  },
  "signature-algorithm-unsupported": {
    severity: "fatal",
    vi: "Thuật toán chữ ký không được hỗ trợ",
    en: "The signature algorithm is not supported",
  },
  "signature-invalid": {
    severity: "fatal",
    vi: "Chữ ký số không đúng với chứng thư số của người ký",
    en: "The signature value does not verify with the signer's certificate",
  },
  "signing-certificate-attribute-missing": {
    severity: "fatal",
    vi: "Chữ ký PAdES thiếu thông tin gắn chứng thư số người ký",
    en: "The PAdES signature lacks the signing-certificate-v2 attribute",
  },
  "signing-certificate-attribute-absent": {
    severity: "note",
    vi: "Chữ ký không gắn chứng thư số người ký vào phần được ký",
    en: "The signature does not bind the signer's certificate (no signing-certificate attribute)",
  },
  "signing-certificate-mismatch": {
    severity: "fatal",
    vi: "Chứng thư số được gắn trong chữ ký không phải của người ký",
    en: "The signing-certificate attribute does not match the signer's certificate",
  },
  "signing-time-attribute-present": {
    severity: "note",
    vi: "Chữ ký PAdES có thời gian ký trong dữ liệu CMS (nên để trong /M)",
    en: "The PAdES signature carries a CMS signing-time attribute (PAdES puts the time in /M)",
  },
  "signing-time-unknown": {
    severity: "note",
    vi: "Không rõ thời điểm ký; đã kiểm tra theo thời điểm hiện tại",
    en: "The signing time is unknown; the certificates were checked at the current time",
  },
  "certificate-expired": {
    severity: "fatal",
    vi: "Chứng thư số đã hết hạn tại thời điểm ký",
    en: "A certificate of the chain had expired at the signing time",
  },
  "certificate-not-yet-valid": {
    severity: "fatal",
    vi: "Chứng thư số chưa có hiệu lực tại thời điểm ký",
    en: "A certificate of the chain was not yet valid at the signing time",
  },
  "key-usage-not-signing": {
    severity: "fatal",
    vi: "Chứng thư số này không được dùng để ký văn bản",
    en: "The signer's certificate does not allow digitalSignature or nonRepudiation",
  },
  "chain-issuer-not-ca": {
    severity: "fatal",
    vi: "Chứng thư số được cấp bởi một chứng thư không phải của tổ chức cấp",
    en: "A certificate of the chain was issued by a certificate that is not a CA",
  },
  "chain-untrusted": {
    severity: "untrusted",
    vi: "Không xác định được tổ chức cấp chứng thư số là tin cậy",
    en: "The certificate chain does not reach a trusted root",
  },
  "timestamp-invalid": {
    severity: "fatal",
    vi: "Dấu thời gian của chữ ký không hợp lệ",
    en: "The signature's timestamp is invalid",
  },
  "timestamp-untrusted": {
    severity: "untrusted",
    vi: "Không xác định được đơn vị cấp dấu thời gian là tin cậy",
    en: "The timestamp authority's chain does not reach a trusted root",
  },
  "revoked-before-signing": {
    severity: "fatal",
    vi: "Chứng thư số đã bị thu hồi trước thời điểm ký",
    en: "The certificate was revoked at or before the signing time",
  },
  "revoked-after-signing": {
    severity: "note",
    vi: "Chứng thư số bị thu hồi sau thời điểm ký; chữ ký vẫn có giá trị",
    en: "The certificate was revoked after the signing time; the signature stands",
  },
  "revocation-not-checked": {
    severity: "note",
    vi: "Không có danh sách thu hồi để kiểm tra chứng thư số của người ký",
    en: "No CRL covers the signer's certificate; revocation was not checked",
  },
  "changed-after-signing": {
    severity: "fatal",
    vi: "Văn bản đã bị sửa sau khi ký",
    en: "The document was changed after signing",
  },
  "later-changes-allowed": {
    severity: "note",
    vi: "Sau khi ký chỉ có các thay đổi được phép",
    en: "Only permitted changes were made after signing",
  },
} satisfies Record<string, Message>;

export type ReasonCode = keyof typeof messages;

/** A reason, with the particulars (which object, which page) appended in each language. */
export function reason(code: ReasonCode, detail?: { vi: string; en: string }): Reason {
  const m: Message = messages[code];
  return detail
    ? { code, vi: `${m.vi}: ${detail.vi}`, en: `${m.en}: ${detail.en}` }
    : { code, vi: m.vi, en: m.en };
}

export function severityOf(code: string): Severity {
  return code in messages ? (messages as Record<string, Message>)[code]!.severity : "fatal";
}

export function verdictOf(reasons: Reason[]): "valid" | "valid-untrusted" | "invalid" {
  const severities = reasons.map((r) => severityOf(r.code));
  if (severities.includes("fatal")) return "invalid";
  if (severities.includes("untrusted")) return "valid-untrusted";
  return "valid";
}

/**
 * What a stored check says of a file in one word, for lists: the worst of its signatures and of
 * the file's own findings (a note, such as validation data added after the last signature, is
 * not held against it).
 */
export function signatureState(
  check: { signatures: { verdict: string }[]; problems: Reason[] } | null,
): SignatureState {
  if (!check) return "none";
  const file = verdictOf(check.problems);
  if (check.signatures.length === 0) return file === "invalid" ? "invalid" : "none";
  const verdicts = [...check.signatures.map((s) => s.verdict), file];
  if (verdicts.includes("invalid")) return "invalid";
  return verdicts.includes("valid-untrusted") ? "untrusted" : "valid";
}
