// One renderer for an outgoing draft: the same bytes serve the preview a leader reads and the
// file the leader signs. pdfmake lays the page out; pdf-lib then adds the empty form fields the
// signing and the numbering fill, and writes the file with a classic xref table and no object
// streams, as the incremental updates of the signatures will.
import { createHash } from "node:crypto";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFHexString } from "pdf-lib";
import pdfmake from "pdfmake";
import { fieldAnchors, outgoingDefinition } from "./document";
import type { OutgoingDraftForPdf } from "./draft";
import { addOutgoingFields, type OutgoingPdfLayout } from "./fields";
import { prepareOutgoingFonts } from "./fonts";

export type { OutgoingDraftForPdf } from "./draft";
export type { OutgoingPdfLayout } from "./fields";

/**
 * The Decree 30 A4 PDF of a draft with its four empty fields (SoKyHieu, NgayBanHanh, LanhDaoKy,
 * DauCoQuan) and where they are. Deterministic: the same draft gives the same bytes.
 */
export async function renderOutgoingPdf(
  draft: OutgoingDraftForPdf,
): Promise<{ pdf: Uint8Array; layout: OutgoingPdfLayout }> {
  prepareOutgoingFonts();
  const anchors = fieldAnchors(draft);
  const { definition, laidOut } = outgoingDefinition(draft, anchors);
  const laid = await pdfmake.createPdf(definition).getBuffer();

  const pdf = await PDFDocument.load(laid, { updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const layout = await addOutgoingFields(pdf, anchors, laidOut());
  pdf.setCreationDate(draft.now);
  pdf.setModificationDate(draft.now);
  pdf.setCreator("Liên Thông");
  pdf.setProducer("Liên Thông");
  // The file identifier comes from the laid-out page content, never from the clock or chance.
  const id = PDFHexString.of(createHash("sha256").update(laid).digest("hex").slice(0, 32));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  const bytes = await pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return { pdf: bytes, layout };
}
