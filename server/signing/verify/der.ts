// A DER reader that keeps every node's place in the original bytes. Signatures are checked over
// the bytes as they were sent (signed attributes, TBS certificates, CRLs), so nothing here is
// ever re-encoded. Indefinite lengths (BER) are accepted for constructed nodes, as some signers
// emit them around the content; everything that is signed must still be DER.

export class DerError extends Error {}

export type Der = {
  buf: Buffer;
  /** The first tag byte: class, constructed bit and (low) tag number. */
  tag: number;
  tagNumber: number;
  constructed: boolean;
  /** Offset of the tag byte. */
  start: number;
  contentStart: number;
  contentEnd: number;
  /** Offset after the node (after the end-of-contents octets for indefinite lengths). */
  end: number;
};

const maxDepth = 64;

export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

export function readDer(buf: Buffer, offset = 0, limit = buf.length, depth = 0): Der {
  if (depth > maxDepth) throw new DerError("ASN.1 nested too deeply");
  let p = offset;
  if (p >= limit) throw new DerError("ASN.1 truncated at tag");
  const tag = buf[p++]!;
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit || i > 4) throw new DerError("ASN.1 tag too long");
      const b = buf[p++]!;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  const constructed = (tag & 0x20) !== 0;
  if (p >= limit) throw new DerError("ASN.1 truncated at length");
  const first = buf[p++]!;
  if (first === 0x80) {
    if (!constructed) throw new DerError("indefinite length on a primitive node");
    const contentStart = p;
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new DerError("ASN.1 indefinite length without end");
      if (buf[q] === 0 && buf[q + 1] === 0) break;
      q = readDer(buf, q, limit, depth + 1).end;
    }
    return {
      buf,
      tag,
      tagNumber,
      constructed,
      start: offset,
      contentStart,
      contentEnd: q,
      end: q + 2,
    };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError("ASN.1 length too large");
    length = 0;
    for (let i = 0; i < count; i++) {
      if (p >= limit) throw new DerError("ASN.1 truncated in length");
      length = length * 256 + buf[p++]!;
    }
  }
  const contentEnd = p + length;
  if (contentEnd > limit) throw new DerError("ASN.1 length past the end of its container");
  return {
    buf,
    tag,
    tagNumber,
    constructed,
    start: offset,
    contentStart: p,
    contentEnd,
    end: contentEnd,
  };
}

export function children(node: Der, depth = 0): Der[] {
  if (!node.constructed) throw new DerError("expected a constructed ASN.1 node");
  const out: Der[] = [];
  let p = node.contentStart;
  while (p < node.contentEnd) {
    const child = readDer(node.buf, p, node.contentEnd, depth + 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

/** The node's whole encoding, tag and length included. */
export function raw(node: Der): Buffer {
  return node.buf.subarray(node.start, node.end);
}

export function content(node: Der): Buffer {
  return node.buf.subarray(node.contentStart, node.contentEnd);
}

export function expect(node: Der | undefined, tag: number, what: string): Der {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export function child(node: Der, index: number, tag: number, what: string): Der {
  return expect(children(node)[index], tag, what);
}

export function decodeOid(node: Der): string {
  expect(node, Tag.oid, "an object identifier");
  const bytes = content(node);
  if (bytes.length === 0) throw new DerError("empty object identifier");
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw new DerError("object identifier arc too large");
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

/** An INTEGER's magnitude bytes without leading zero octets, for comparing serial numbers. */
export function integerBytes(node: Der): Buffer {
  expect(node, Tag.integer, "an integer");
  const bytes = content(node);
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

export function smallInteger(node: Der): number {
  const bytes = integerBytes(node);
  if (bytes.length > 6) throw new DerError("integer too large");
  return bytes.length === 0 ? 0 : bytes.readUIntBE(0, bytes.length);
}

export function decodeTime(node: Der): Date {
  const text = content(node).toString("latin1");
  let m: RegExpMatchArray | null;
  if (node.tag === Tag.utcTime) {
    m = text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/);
    if (m) {
      const yy = Number(m[1]);
      return new Date(
        Date.UTC(
          yy >= 50 ? 1900 + yy : 2000 + yy,
          Number(m[2]) - 1,
          Number(m[3]),
          Number(m[4]),
          Number(m[5]),
          Number(m[6] ?? 0),
        ),
      );
    }
  } else if (node.tag === Tag.generalizedTime) {
    m = text.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/);
    if (m) {
      const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
      return new Date(
        Date.UTC(
          Number(m[1]),
          Number(m[2]) - 1,
          Number(m[3]),
          Number(m[4]),
          Number(m[5]),
          Number(m[6] ?? 0),
          ms,
        ),
      );
    }
  }
  throw new DerError(`unreadable time "${text.slice(0, 40)}"`);
}

/** The text of a directory string (UTF8String, PrintableString, BMPString ...). */
export function decodeString(node: Der): string {
  const bytes = content(node);
  switch (node.tag) {
    case Tag.bmpString: {
      const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
      return swapped.swap16().toString("utf16le");
    }
    case Tag.universalString: {
      let out = "";
      for (let i = 0; i + 4 <= bytes.length; i += 4)
        out += String.fromCodePoint(bytes.readUInt32BE(i) & 0x10ffff);
      return out;
    }
    case Tag.t61String:
      return bytes.toString("latin1");
    default:
      return bytes.toString("utf8");
  }
}
