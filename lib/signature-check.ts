// What people are told of a PDF's digital signatures, shared by the server (which checks them)
// and the pages (which show the verdicts).

/** One finding, in Vietnamese and English. */
export type SignatureReason = { code: string; vi: string; en: string };

export type SignatureVerdict = "valid" | "valid-untrusted" | "invalid";

export type SignatureCheck = {
  signatures: {
    field: string;
    /** The signer's name in their certificate. */
    signer: string | null;
    signingTime: string | null;
    timestamped: boolean;
    verdict: SignatureVerdict;
    reasons: SignatureReason[];
  }[];
  /** Findings about the file as a whole (an unreadable revision, bytes after the end). */
  problems: SignatureReason[];
};

/** What a stored check says of a file in one word, for lists: the worst of its signatures. */
export type SignatureState = "valid" | "untrusted" | "invalid" | "none";
