// Page geometry and type sizes of an outgoing document, after Decree 30/2020, Appendix I.
// Lengths in PDF points (1/72 in) unless a name says otherwise.

export const MM = 72 / 25.4;

export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Top and bottom 20 mm, left 30 mm (binding), right 15 mm: the narrow ends of the ranges. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

export const CONTENT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

/**
 * The header's and the closing block's two columns: the issuer (and "Nơi nhận:") on the left,
 * the national title (and the signature) on the right, wide enough for "CỘNG HÒA XÃ HỘI CHỦ
 * NGHĨA VIỆT NAM" in 13 pt bold on one line.
 */
export const LEFT_COLUMN = 185;
export const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;

export const SIZE = {
  parent: 13,
  issuer: 13,
  number: 13,
  letterSubject: 12,
  nation: 13,
  motto: 14,
  date: 14,
  mark: 13,
  title: 14,
  recipients: 14,
  body: 14,
  table: 13,
  copiesHeading: 12,
  copies: 11,
  authority: 14,
  signer: 14,
  pageNumber: 13,
} as const;

/** Slightly above single spacing (Decree 30: from single, or 15 pt exactly, up to 1.5 lines). */
export const BODY_LINE_HEIGHT = 1.1;
/** Space after a paragraph: Decree 30 asks for at least 6 pt. */
export const PARAGRAPH_GAP = 6;
/** First-line indent of a paragraph: Decree 30 asks for 1 to 1.27 cm. */
export const FIRST_LINE_INDENT = 10 * MM;

/** Room between the authority lines and the signer's name for the signature and the seal. */
export const SIGNATURE_SPACE = 32 * MM;
/** The leader's signature image. */
export const SIGNATURE_WIDGET = { width: 50 * MM, height: 22 * MM } as const;
/** The seal at its real size (a ward's round seal is 35–36 mm across). */
export const SEAL_SIZE = 36 * MM;
/** How much of the signature's width the seal covers, from the left (Decree 30: about one third). */
export const SEAL_COVERS = 1 / 3;

/** A point of a page as pdfmake gives it (from the top-left corner) in PDF user space. */
export const pdfY = (top: number) => PAGE.height - top;
