// ASN.1 DER building and reading on top of node-forge's asn1 module. node-forge works with "binary
// strings" (one char per byte); everything here takes and returns Buffers so callers never see them.
import forge from "node-forge";

const { asn1 } = forge;
const { Class, Type } = asn1;

export type Asn1 = forge.asn1.Asn1;

export const toBinary = (bytes: Buffer): string => bytes.toString("binary");
export const fromBinary = (bytes: string): Buffer => Buffer.from(bytes, "binary");

const primitive = (type: number, value: string): Asn1 =>
  asn1.create(Class.UNIVERSAL, type, false, value);

export const sequence = (...items: Asn1[]): Asn1 =>
  asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);

/** A SET OF in DER order: elements sorted by their encodings (X.690 11.6). */
export function setOf(items: Asn1[]): Asn1 {
  const sorted = items
    .map((item) => ({ item, der: toDer(item) }))
    .sort((a, b) => compareDerSetElements(a.der, b.der))
    .map(({ item }) => item);
  return asn1.create(Class.UNIVERSAL, Type.SET, true, sorted);
}

function compareDerSetElements(a: Buffer, b: Buffer): number {
  // Shorter encodings compare as if padded with zero octets at the end.
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** An OBJECT IDENTIFIER; arcs of any size (node-forge's encoder stops at 32 bits, too few for 2.25.<UUID>). */
export const oid = (dotted: string): Asn1 => primitive(Type.OID, oidBytes(dotted));

function oidBytes(dotted: string): string {
  const arcs = dotted.split(".").map((a) => BigInt(a));
  if (arcs.length < 2 || arcs[0]! > 2n) throw new Error(`Not an OID: ${dotted}`);
  const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  let out = "";
  for (const value of values) {
    const base128: number[] = [Number(value & 0x7fn)];
    for (let v = value >> 7n; v > 0n; v >>= 7n) base128.unshift(Number(v & 0x7fn) | 0x80);
    out += String.fromCharCode(...base128);
  }
  return out;
}

export const nullValue = (): Asn1 => primitive(Type.NULL, "");

export const boolean = (value: boolean): Asn1 => primitive(Type.BOOLEAN, value ? "\xff" : "\x00");

export const octetString = (bytes: Buffer): Asn1 => primitive(Type.OCTETSTRING, toBinary(bytes));

export const bitString = (bytes: Buffer, unusedBits = 0): Asn1 =>
  primitive(Type.BITSTRING, String.fromCharCode(unusedBits) + toBinary(bytes));

export const utf8String = (text: string): Asn1 =>
  primitive(Type.UTF8, forge.util.encodeUtf8(text.normalize("NFC")));

export function printableString(text: string): Asn1 {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) {
    throw new Error(`Not a PrintableString: ${JSON.stringify(text)}`);
  }
  return primitive(Type.PRINTABLESTRING, text);
}

export function ia5String(text: string): Asn1 {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`Not an IA5String: ${JSON.stringify(text)}`);
  return primitive(Type.IA5STRING, text);
}

/** The minimal two's-complement encoding of a non-negative integer. */
export function integer(value: bigint | number): Asn1 {
  const n = BigInt(value);
  if (n < 0n) throw new Error("Negative integers are not used here");
  return integerFromMagnitude(Buffer.from(hexEven(n.toString(16)), "hex"));
}

/** An INTEGER from big-endian unsigned bytes (a serial number as printed in hex, say). */
export function integerFromMagnitude(magnitude: Buffer): Asn1 {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  let bytes = magnitude.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return primitive(Type.INTEGER, toBinary(bytes));
}

export const enumerated = (value: number): Asn1 =>
  primitive(Type.ENUMERATED, toBinary(Buffer.from([value])));

const hexEven = (hex: string) => (hex.length % 2 ? `0${hex}` : hex);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function timeDigits(date: Date): string {
  return (
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

/** GeneralizedTime in UTC, with milliseconds only when there are some (trailing zeros dropped). */
export function generalizedTime(date: Date, withMilliseconds = false): Asn1 {
  let text = pad(date.getUTCFullYear(), 4) + timeDigits(date);
  const ms = date.getUTCMilliseconds();
  if (withMilliseconds && ms) text += `.${pad(ms, 3).replace(/0+$/, "")}`;
  return primitive(Type.GENERALIZEDTIME, `${text}Z`);
}

/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime from 2050, always whole seconds. */
export function time(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  if (year >= 2050) return generalizedTime(date);
  return primitive(Type.UTCTIME, `${pad(year % 100)}${timeDigits(date)}Z`);
}

/** `[tag] EXPLICIT inner`. */
export const explicit = (tag: number, inner: Asn1): Asn1 =>
  asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [inner]);

/** `[tag] IMPLICIT` applied to an already built element (keeps its contents and form). */
export const implicit = (tag: number, element: Asn1): Asn1 =>
  asn1.create(Class.CONTEXT_SPECIFIC, tag, element.constructed, element.value);

/** An AlgorithmIdentifier; `withNull` writes the NULL parameters RSA algorithms expect. */
export const algorithm = (dotted: string, withNull = false): Asn1 =>
  withNull ? sequence(oid(dotted), nullValue()) : sequence(oid(dotted));

export const toDer = (element: Asn1): Buffer => fromBinary(asn1.toDer(element).getBytes());

/** Parse BER or DER; throws on trailing bytes. */
export function parseDer(bytes: Buffer): Asn1 {
  return asn1.fromDer(toBinary(bytes), {
    strict: true,
    parseAllBytes: true,
    decodeBitStrings: false,
  } as unknown as boolean);
}

/**
 * Parse DER that will be embedded or hashed again as it is (certificates, names): refuses input that
 * would not encode back to the same bytes, so re-encoding a parsed part never changes what was signed.
 */
export function parseExactDer(bytes: Buffer): Asn1 {
  const element = parseDer(bytes);
  if (!toDer(element).equals(bytes)) throw new Error("Not DER-encoded");
  return element;
}

// ---- reading ----

export function childrenOf(element: Asn1 | undefined, what = "element"): Asn1[] {
  if (!element || !Array.isArray(element.value)) throw new Error(`Malformed ${what}`);
  return element.value;
}

export function childAt(element: Asn1 | undefined, index: number, what = "element"): Asn1 {
  const child = childrenOf(element, what)[index];
  if (!child) throw new Error(`Malformed ${what}`);
  return child;
}

export const isUniversal = (element: Asn1 | undefined, type: number): boolean =>
  element?.tagClass === Class.UNIVERSAL && element.type === type;

export const isContext = (element: Asn1 | undefined, tag: number): boolean =>
  element?.tagClass === Class.CONTEXT_SPECIFIC && element.type === tag;

function primitiveBytes(element: Asn1 | undefined, type: number, what: string): string {
  if (!element || !isUniversal(element, type) || typeof element.value !== "string") {
    throw new Error(`Expected ${what}`);
  }
  return element.value;
}

export const readOid = (element: Asn1 | undefined): string =>
  asn1.derToOid(primitiveBytes(element, Type.OID, "an OBJECT IDENTIFIER"));

export function readInteger(element: Asn1 | undefined): bigint {
  const bytes = fromBinary(primitiveBytes(element, Type.INTEGER, "an INTEGER"));
  if (bytes.length === 0) throw new Error("Empty INTEGER");
  let n = BigInt(`0x${bytes.toString("hex")}`);
  if ((bytes[0] ?? 0) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  return n;
}

/** The contents of an INTEGER as unsigned big-endian bytes (for serial numbers). */
export function readIntegerMagnitude(element: Asn1 | undefined): Buffer {
  const bytes = fromBinary(primitiveBytes(element, Type.INTEGER, "an INTEGER"));
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

/** OCTET STRING contents; BER constructed strings (chunks) are joined. Also reads implicit tags. */
export function readOctets(element: Asn1 | undefined): Buffer {
  if (!element) throw new Error("Expected an OCTET STRING");
  if (typeof element.value === "string") return fromBinary(element.value);
  return Buffer.concat(element.value.map((chunk) => readOctets(chunk)));
}

export function readBitString(element: Asn1 | undefined): Buffer {
  const bytes = fromBinary(primitiveBytes(element, Type.BITSTRING, "a BIT STRING"));
  return bytes.subarray(1);
}

export function readBoolean(element: Asn1 | undefined): boolean {
  return primitiveBytes(element, Type.BOOLEAN, "a BOOLEAN") !== "\x00";
}

export function readTime(element: Asn1 | undefined): Date {
  if (element && isUniversal(element, Type.UTCTIME) && typeof element.value === "string") {
    return asn1.utcTimeToDate(element.value);
  }
  if (element && isUniversal(element, Type.GENERALIZEDTIME) && typeof element.value === "string") {
    return asn1.generalizedTimeToDate(element.value);
  }
  throw new Error("Expected a time");
}

/** A directory string's text: UTF8String, BMPString, or one of the single-byte string types. */
export function readString(element: Asn1): string {
  if (typeof element.value !== "string") throw new Error("Expected a string");
  // node-forge has already turned a BMPSTRING into a JavaScript string.
  if (element.type === Type.BMPSTRING) return element.value;
  const bytes = fromBinary(element.value);
  if (element.type === Type.UTF8) return bytes.toString("utf8");
  if ((element.type as number) === 28 /* UniversalString */) {
    let text = "";
    for (let i = 0; i + 3 < bytes.length; i += 4)
      text += String.fromCodePoint(bytes.readUInt32BE(i));
    return text;
  }
  return bytes.toString("latin1");
}

export const ASN1_TYPE = Type;
