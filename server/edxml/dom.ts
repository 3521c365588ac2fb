// Reading an edXML package's DOM by local names: systems in the wild prefix the same namespace
// differently (edXML:, a default namespace, none on the attachments).

/** Element children, whatever their prefix. */
export const children = (node: Element, name?: string): Element[] => {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (!name || (c as Element).localName === name)) out.push(c as Element);
  }
  return out;
};
export const child = (node: Element | undefined, name: string) =>
  node ? children(node, name)[0] : undefined;
/** The trimmed text of a child element; undefined when absent or empty. */
export const text = (node: Element | undefined, name: string): string | undefined => {
  const c = child(node, name);
  const value = c?.textContent?.trim();
  return value ? value : undefined;
};
export const descendants = (node: Element, name: string): Element[] => {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
};
