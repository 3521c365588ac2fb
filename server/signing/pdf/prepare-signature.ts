// PAdES signing of an existing signature field by incremental update. prepareSignature appends the
// signature dictionary with a zeroed /Contents, the signed field and its appearance, any text
// fields filled, and returns the digest of the byte range; embedSignature writes the CMS into the
// gap. Between the two, the CMS can be built anywhere (a PKCS#12 here, a remote signer tomorrow).
import { PDFName, PDFNull, PDFNumber } from "pdf-lib";
import {
  BYTE_RANGE_PLACEHOLDER,
  byteRangeAround,
  hashByteRange,
  patchByteRange,
  type ByteRange,
} from "./byte-range";
import { fieldType, findField, readAcroForm, widgetBox } from "./form-fields";
import { IncrementalUpdate } from "./incremental-update";
import { PdfReader } from "./pdf-reader";
import { PdfSigningError } from "./pdf-signing-error";
import { pdfDate, textString } from "./pdf-syntax";
import { writeSignatureAppearance, type AppearanceImage } from "./signature-appearance";
import { fillTextField, type TextFieldFill } from "./text-field-fill";

export type SignatureOptions = {
  fieldName: string;
  signerName: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** Goes in /M (PAdES B-B puts no signing-time attribute in the CMS). */
  signingTime: Date;
  appearance?: { images: AppearanceImage[] };
  /** Text fields filled in the same revision, so this signature covers them. */
  fillTextFields?: TextFieldFill[];
  /** Room for the CMS in bytes; 32 KB holds a chain of three and a timestamp. */
  reservedBytes?: number;
  /**
   * Bytes to leave free after the prepared file for the next incremental update (the DSS of
   * B-LT), which is then written there instead of copying the file a second time.
   */
  roomAfter?: number;
};

export type PreparedSignature = {
  /** The new file, /Contents still zeros. */
  pdf: Uint8Array;
  byteRange: ByteRange;
  /** SHA-256 of the two signed ranges: the CMS message digest. */
  digest: Buffer;
};

export const DEFAULT_RESERVED_BYTES = 32 * 1024;
const MAX_RESERVED_BYTES = 16 * 1024 * 1024;

type SignatureDictionary = {
  text: string;
  byteRangeAt: number;
  contentsStart: number;
  contentsEnd: number;
};

function signatureDictionary(
  options: SignatureOptions,
  reservedBytes: number,
): SignatureDictionary {
  const head = [
    "<<",
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    "/SubFilter /ETSI.CAdES.detached",
    "/ByteRange ",
  ].join("\n");
  const byteRangeAt = head.length;
  const beforeContents = `${head}${BYTE_RANGE_PLACEHOLDER}\n/Contents `;
  const contents = `<${"0".repeat(reservedBytes * 2)}>`;
  const tail = [
    "",
    `/M ${pdfDate(options.signingTime)}`,
    `/Name ${textString(options.signerName)}`,
    `/Reason ${textString(options.reason)}`,
    `/Location ${textString(options.location)}`,
    ...(options.contactInfo === undefined
      ? []
      : [`/ContactInfo ${textString(options.contactInfo)}`]),
    ">>",
  ].join("\n");
  return {
    text: beforeContents + contents + tail,
    byteRangeAt,
    contentsStart: beforeContents.length,
    contentsEnd: beforeContents.length + contents.length,
  };
}

function checkReservedBytes(reservedBytes: number): void {
  if (!Number.isInteger(reservedBytes) || reservedBytes < 1 || reservedBytes > MAX_RESERVED_BYTES) {
    throw new PdfSigningError(
      "INVALID_OPTIONS",
      `reservedBytes must be a whole number from 1 to ${MAX_RESERVED_BYTES}`,
    );
  }
}

export async function prepareSignature(
  pdf: Uint8Array,
  options: SignatureOptions,
): Promise<PreparedSignature> {
  const reservedBytes = options.reservedBytes ?? DEFAULT_RESERVED_BYTES;
  checkReservedBytes(reservedBytes);
  const reader = new PdfReader(pdf);
  const form = readAcroForm(reader);
  if (!form) throw new PdfSigningError("FIELD_NOT_FOUND", "The PDF has no form fields");
  const field = findField(reader, form, options.fieldName);
  if (fieldType(field) !== "Sig") {
    throw new PdfSigningError(
      "WRONG_FIELD_TYPE",
      `The field "${options.fieldName}" is not a signature field`,
    );
  }
  const value = reader.resolve(field.dict.get(PDFName.of("V")));
  if (value !== undefined && value !== PDFNull) {
    throw new PdfSigningError(
      "FIELD_ALREADY_SIGNED",
      `The field "${options.fieldName}" is already signed`,
    );
  }

  const update = new IncrementalUpdate(reader);
  for (const fill of options.fillTextFields ?? []) fillTextField(reader, update, form, fill);

  const sigRef = update.newRef();
  const dictionary = signatureDictionary(options, reservedBytes);
  update.setObject(sigRef, dictionary.text);

  const [, , width, height] = widgetBox(reader, field.widget);
  const apRef = await writeSignatureAppearance(
    update,
    reader.context,
    { width, height },
    options.appearance?.images ?? [],
  );
  const signedField = field.dict.clone();
  signedField.set(PDFName.of("V"), sigRef);
  const widget = field.widgetRef === field.ref ? signedField : field.widget.clone();
  widget.set(PDFName.of("AP"), reader.context.obj({ N: apRef }));
  if (field.pageRef && !widget.has(PDFName.of("P"))) widget.set(PDFName.of("P"), field.pageRef);
  update.setObject(field.ref, signedField);
  if (widget !== signedField) update.setObject(field.widgetRef, widget);

  // SignaturesExist | AppendOnly: viewers must keep later changes to incremental updates.
  const sigFlags = reader.number(form.dict.get(PDFName.of("SigFlags"))) ?? 0;
  if ((sigFlags & 3) !== 3) {
    const newForm = form.dict.clone();
    newForm.set(PDFName.of("SigFlags"), PDFNumber.of(sigFlags | 3));
    if (form.ref) {
      update.setObject(form.ref, newForm);
    } else {
      const catalog = reader.catalog().clone();
      catalog.set(PDFName.of("AcroForm"), newForm);
      update.setObject(reader.rootRef, catalog);
    }
  }

  const written = update.write({ room: options.roomAfter });
  const base = written.valueOffset(sigRef);
  const byteRange = byteRangeAround(
    written.pdf.length,
    base + dictionary.contentsStart,
    base + dictionary.contentsEnd,
  );
  patchByteRange(written.pdf, base + dictionary.byteRangeAt, byteRange);
  return { pdf: written.pdf, byteRange, digest: hashByteRange(written.pdf, byteRange) };
}

/**
 * Writes the CMS (DER) as hex into the /Contents gap, zero-padded, in place: the prepared buffer
 * becomes the signed file and is returned.
 */
export function embedSignature(prepared: PreparedSignature, cmsDer: Uint8Array): Uint8Array {
  const { pdf, byteRange } = prepared;
  const [, gapStart, gapEnd, tailLength] = byteRange;
  if (pdf[gapStart] !== 0x3c || pdf[gapEnd - 1] !== 0x3e || gapEnd + tailLength !== pdf.length) {
    throw new PdfSigningError("INVALID_OPTIONS", "This is not a file prepareSignature returned");
  }
  const capacity = (gapEnd - gapStart - 2) / 2;
  if (cmsDer.length > capacity) {
    throw new PdfSigningError(
      "SIGNATURE_TOO_LARGE",
      `The signature is ${cmsDer.length} bytes but only ${capacity} were reserved`,
    );
  }
  const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const written = view.write(Buffer.from(cmsDer).toString("hex"), gapStart + 1, "latin1");
  view.fill(0x30, gapStart + 1 + written, gapEnd - 1);
  return pdf;
}

/** Prepares, has the digest signed (locally or remotely) and embeds the CMS. */
export async function signPdfField(
  pdf: Uint8Array,
  options: SignatureOptions & { sign: (digest: Buffer) => Promise<Buffer> },
): Promise<Uint8Array> {
  const prepared = await prepareSignature(pdf, options);
  return embedSignature(prepared, await options.sign(prepared.digest));
}
