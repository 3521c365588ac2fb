import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressedAsset, preferredEncoding } from "./compressed-assets";

describe("preferredEncoding", () => {
  it("prefers brotli, falls back to gzip, and honours q=0", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip, deflate")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0.8")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("identity")).toBeNull();
    expect(preferredEncoding(null)).toBeNull();
    expect(preferredEncoding("gzip;q=0")).toBeNull();
  });
});

describe("compressedAsset", () => {
  it("gives back the same bytes once decompressed, much smaller, computed once", async () => {
    const body = Buffer.from("const worker = 'pdf.js';\n".repeat(20_000));
    const br = await compressedAsset("test-asset", body, "br");
    const gz = await compressedAsset("test-asset", body, "gzip");
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(gunzipSync(gz).equals(body)).toBe(true);
    expect(br.length).toBeLessThan(body.length / 10);
    expect(await compressedAsset("test-asset", body, "br")).toBe(br);
  });
});
