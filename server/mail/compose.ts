// A mail as people receive it: a subject, a plain-text part and the same as simple HTML, with a
// link to the page of what it is about. Nodemailer encodes the Vietnamese subject (RFC 2047)
// and the parts (quoted-printable UTF-8).

export type ComposedMail = { subject: string; textBody: string; htmlBody: string };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** A link into the application, from a path the application made ("/notices/…"). */
export function appLink(publicUrl: string, path: string | null | undefined): string {
  const safe = path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return `${publicUrl}${safe}`;
}

export function composeMail(input: {
  subject: string;
  greeting: string;
  /** Paragraphs, each with an optional link of its own. */
  items: { text: string; link?: string }[];
  footer: string;
}): ComposedMail {
  const subject = input.subject.replace(/[\r\n]+/g, " ").slice(0, 250);
  const text = [
    input.greeting,
    "",
    ...input.items.flatMap((i) => (i.link ? [`- ${i.text}`, `  ${i.link}`] : [`- ${i.text}`])),
    "",
    "-- ",
    input.footer,
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1b1e;">',
    `<p>${escapeHtml(input.greeting)}</p>`,
    "<ul>",
    ...input.items.map((i) =>
      i.link
        ? `<li style="margin-bottom: 8px;"><a href="${escapeHtml(i.link)}">${escapeHtml(i.text)}</a></li>`
        : `<li style="margin-bottom: 8px;">${escapeHtml(i.text)}</li>`,
    ),
    "</ul>",
    `<p style="color: #868e96; font-size: 13px;">${escapeHtml(input.footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, textBody: text, htmlBody: html };
}
