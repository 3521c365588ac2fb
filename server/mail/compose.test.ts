import { describe, expect, it } from "vitest";
import { appLink, composeMail } from "./compose";
import { mailBackoffSeconds, defaultMailRetry } from "./drain";

describe("a composed mail", () => {
  it("escapes what people typed in the HTML part and keeps the subject on one line", () => {
    const mail = composeMail({
      subject: "Thông báo\r\nBcc: ai@do.vn",
      greeting: "Kính gửi Lê Minh Tuấn,",
      items: [{ text: "<script>alert(1)</script> & «Lịch trực»", link: "https://x.vn/a?b=1&c=2" }],
      footer: "Liên Thông",
    });
    expect(mail.subject).toBe("Thông báo Bcc: ai@do.vn");
    expect(mail.htmlBody).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Lịch trực»");
    expect(mail.htmlBody).toContain('href="https://x.vn/a?b=1&amp;c=2"');
    expect(mail.textBody).toContain(
      "<script>alert(1)</script> & «Lịch trực»\n  https://x.vn/a?b=1&c=2",
    );
  });

  it("links only into the application", () => {
    expect(appLink("https://lt.vn", "/notices/1")).toBe("https://lt.vn/notices/1");
    expect(appLink("https://lt.vn", "//evil.example/x")).toBe("https://lt.vn/");
    expect(appLink("https://lt.vn", "https://evil.example")).toBe("https://lt.vn/");
  });

  it("waits longer after each failed attempt, at most an hour", () => {
    const waits = [1, 2, 3, 10, 20].map((n) => mailBackoffSeconds(n, defaultMailRetry));
    expect(waits).toEqual([60, 120, 240, 3600, 3600]);
  });
});
