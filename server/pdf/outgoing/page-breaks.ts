// Page breaks as offices make them, decided in pdfmake's `pageBreakBefore` from where its
// latest pass put each node. The same callback records the positions of the nodes the form
// fields are placed by: pdfmake asks about each node once, in document order, and a break moves
// only the node it is put before and the ones after it, so a node asked and not broken before
// stays where it was told it is.
import type { Node, NodeQueries } from "pdfmake/interfaces";
import { lineMetrics } from "./fonts";
import { BODY_LINE_HEIGHT, MARGINS, PAGE, SIZE } from "./geometry";

/** Ids of the nodes the breaks and the fields need to find. */
export const ID = {
  number: "so-ky-hieu",
  date: "ngay-ban-hanh",
  tail: "body-tail",
  tailEnd: "body-tail-end",
  block: "closing-block",
  signer: "signer-name",
  pageNumber: "page-number",
} as const;

const INNER_HEIGHT = PAGE.height - MARGINS.top - MARGINS.bottom;
/** Two lines of body text: the least of the body that must stand above the closing block. */
const TWO_LINES = 2 * lineMetrics(SIZE.body, "Regular", BODY_LINE_HEIGHT).height;

/**
 * Page breaks as offices make them: a heading never ends a page, and the closing block is never
 * split nor left on a page with less than two lines of the body — the last paragraph goes along
 * with it when both fit on one page.
 */
export function pageBreaks(blockHeight: number, seen: Map<string, Node>) {
  const content = (nodes: Node[]) => nodes.filter((n) => n.id !== ID.pageNumber);
  return (node: Node, q: NodeQueries): boolean => {
    if (node.id) seen.set(node.id, node);
    if (content(q.getPreviousNodesOnPage()).length === 0) return false;
    if (node.headlineLevel && content(q.getFollowingNodesOnPage()).length === 0) return true;
    if (node.id === ID.block) return node.pageNumbers.length > 1;
    if (node.id !== ID.tail || node.pageNumbers.length > 2) return false;

    const later = [...content(q.getFollowingNodesOnPage()), ...q.getNodesOnNextPage()];
    const end = later.find((n) => n.id === ID.tailEnd);
    const block = later.find((n) => n.id === ID.block);
    if (!end || !block) return false;
    const start = node.startPosition;
    // A block that runs over a page break will start on the next page.
    const blockPage = block.pageNumbers.at(-1)!;
    if (start.pageNumber >= blockPage) return false;
    const endPage = end.startPosition.pageNumber;
    const onBlockPage = endPage === blockPage ? end.startPosition.top - MARGINS.top : 0;
    const tailHeight =
      endPage === start.pageNumber
        ? end.startPosition.top - start.top
        : PAGE.height - MARGINS.bottom - start.top + (end.startPosition.top - MARGINS.top);
    return onBlockPage < TWO_LINES && tailHeight + blockHeight <= INNER_HEIGHT;
  };
}
