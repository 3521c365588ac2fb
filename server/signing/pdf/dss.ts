// The Document Security Store (PAdES B-LT): certificates, CRLs and OCSP responses a verifier needs
// to validate the signatures later without going online, added by incremental update.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { decodePDFRawStream, PDFName, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";
import { IncrementalUpdate } from "./incremental-update";
import { PdfReader } from "./pdf-reader";

export type DssContents = { certificates: Buffer[]; crls: Buffer[]; ocsps?: Buffer[] };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The digest of a stored item, to skip adding it twice; undefined when it cannot be decoded. */
function storedDigest(reader: PdfReader, value: PDFObject): string | undefined {
  const stream = reader.resolve(value);
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    return sha256(decodePDFRawStream(stream).decode());
  } catch {
    return undefined;
  }
}

/**
 * Room enough after a file for addDss to add these items as the next revision: each item
 * deflated (DER barely compresses and deflate adds little), the objects' headers and xref
 * entries, the DSS and a new catalog. When a file's catalog is larger, addDss copies the file.
 */
export function dssRoom(contents: DssContents): number {
  const items = [...contents.certificates, ...contents.crls, ...(contents.ocsps ?? [])];
  return items.reduce((room, item) => room + item.length + (item.length >> 10) + 128, 16 * 1024);
}

/**
 * Adds the items to /DSS in the catalog, creating it or extending it; items already stored are not
 * added again. Returns the input itself when there is nothing new to add.
 */
export function addDss(pdf: Uint8Array, contents: DssContents): Uint8Array {
  const reader = new PdfReader(pdf);
  const { context } = reader;
  const catalog = reader.catalog();
  const dssValue = catalog.get(PDFName.of("DSS"));
  const dss = reader.dict(dssValue);
  const update = new IncrementalUpdate(reader);
  const newDss = dss ? dss.clone() : context.obj({});
  const groups: [string, Buffer[]][] = [
    ["Certs", contents.certificates],
    ["CRLs", contents.crls],
    ["OCSPs", contents.ocsps ?? []],
  ];
  let added = 0;
  for (const [key, items] of groups) {
    const stored = reader.array(dss?.get(PDFName.of(key)))?.asArray() ?? [];
    const known = new Set(stored.map((value) => storedDigest(reader, value)));
    const refs: PDFObject[] = [...stored];
    for (const item of items) {
      const digest = sha256(item);
      if (known.has(digest)) continue;
      known.add(digest);
      const ref = update.newRef();
      update.setStream(ref, context.obj({ Filter: "FlateDecode" }), deflateSync(item));
      refs.push(ref);
      added++;
    }
    if (refs.length > 0) newDss.set(PDFName.of(key), context.obj(refs));
  }
  if (added === 0) return pdf;

  if (dssValue instanceof PDFRef) {
    update.setObject(dssValue, newDss);
  } else {
    const dssRef = update.newRef();
    update.setObject(dssRef, newDss);
    const newCatalog = catalog.clone();
    newCatalog.set(PDFName.of("DSS"), dssRef);
    update.setObject(reader.rootRef, newCatalog);
  }
  return update.write().pdf;
}
