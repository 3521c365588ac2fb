// `npm run edxml:check -- <file>... [--lang en|vi]`
// Reads edXML packages (QCVN 102:2016) with the application's own parser and prints one JSON
// line per file: {"file", "ok", "kind": "document"|"status"|null, "fields": {...header fields
// under their edXML names...}, "attachments": [{"name", "type", "bytes"}], "signature":
// {"present", "valid", "signer"}, "warnings": [...], "error": ...}. Warnings and the error are
// sentences (English by default, --lang vi for Vietnamese).
//
// Exit code: 0 when every file is accepted, 1 when any is refused, 2 on usage errors.
import { readFileSync } from "node:fs";
import { parseEdxml, type EdxmlNote } from "@/server/edxml/parse";
import { translate } from "@/server/i18n/translate";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run edxml:check -- <package.xml>... [--lang en|vi]`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const files: string[] = [];
let lang: "en" | "vi" = "en";
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === "--lang") {
    const v = argv[++i];
    if (v !== "en" && v !== "vi") usage(`--lang must be en or vi, not ${v ?? "nothing"}`);
    lang = v;
  } else if (arg === "--help" || arg === "-h") usage("Checks edXML packages.");
  else if (arg.startsWith("--")) usage(`Unknown option ${arg}`);
  else files.push(arg);
}
if (files.length === 0) usage("No file given.");

const say = (note: EdxmlNote) => translate(lang, note.key, note.params);
let refused = 0;
for (const file of files) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    console.log(JSON.stringify({ file, ok: false, kind: null, error: `Cannot read ${file}` }));
    refused++;
    continue;
  }
  const parsed = parseEdxml(bytes);
  if (!parsed.ok) {
    refused++;
    console.log(
      JSON.stringify({
        file,
        ok: false,
        kind: parsed.kind,
        fields: {},
        warnings: parsed.warnings.map(say),
        error: say(parsed.error),
      }),
    );
    continue;
  }
  console.log(
    JSON.stringify({
      file,
      ok: true,
      kind: parsed.kind,
      fields: parsed.fields,
      attachments: parsed.attachments.map((a) => ({
        name: a.AttachmentName,
        type: a.ContentType,
        bytes: a.bytes.length,
      })),
      signature: {
        present: parsed.signature.present,
        valid: parsed.signature.valid,
        signer: parsed.signature.signer,
      },
      warnings: parsed.warnings.map(say),
      error: null,
    }),
  );
}
process.exit(refused > 0 ? 1 : 0);
