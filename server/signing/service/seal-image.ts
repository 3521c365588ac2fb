// The organisation's round red seal, drawn from its name when no picture of the real one was
// uploaded: two rings, the name in capitals around the band between them, a star in the middle.
// Each letter is written as the outline of its glyph in Liberation Serif Bold (the family every
// printed file uses, with every Vietnamese letter), so the picture needs no installed font: the
// SVG holds only paths, and librsvg (inside sharp) draws it the same on every machine.
import fontkit from "@pdf-lib/fontkit";
import sharp from "sharp";
import { fontBytes } from "../../pdf/fonts";

const SIZE = 400;
const CENTRE = SIZE / 2;
const RED = "#d0021b";
const OUTER_RING = 190;
const INNER_RING = 134;
/** Where the letters stand: their baseline, just outside the inner ring. */
const BASELINE = 146;
/** The largest letters that fit the band, accents on capitals included. */
const MAX_FONT_SIZE = 32;
const MIN_FONT_SIZE = 12;
/** The name takes this much of the circle, centred on the top; a small star closes the gap. */
const TEXT_ARC_DEGREES = 290;
const LONG_TEXT_ARC_DEGREES = 340;
/** A short name is spread out to take at least this much, as on a carved seal. */
const SHORT_TEXT_ARC_DEGREES = 140;
/** Room between letters, as a share of the font size. */
const TRACKING = 0.08;
const MAX_TRACKING = 0.6;

type Font = ReturnType<typeof fontkit.create>;
let boldFont: Font | null = null;
const font = () => (boldFont ??= fontkit.create(fontBytes("Bold")));

const round = (n: number) => Math.round(n * 100) / 100;

function star(cx: number, cy: number, outer: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : outer * 0.4;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    return `${round(cx + radius * Math.cos(angle))},${round(cy + radius * Math.sin(angle))}`;
  });
  return `<polygon points="${points.join(" ")}" fill="${RED}"/>`;
}

type Placed = { d: string; advance: number; xOffset: number; yOffset: number };
type Layout = { glyphs: Placed[]; fontSize: number; tracking: number; width: number };

/** The name's glyphs, and the font size and spacing that make them fit the band. */
function layOut(name: string): Layout {
  const f = font();
  const text = name.normalize("NFC").toLocaleUpperCase("vi").replace(/\s+/g, " ").trim();
  const run = f.layout(text);
  const glyphs = run.glyphs.map((glyph, i) => ({
    d: glyph.path.toSVG(),
    advance: run.positions[i]!.xAdvance,
    xOffset: run.positions[i]!.xOffset,
    yOffset: run.positions[i]!.yOffset,
  }));
  const units = glyphs.reduce((sum, g) => sum + g.advance, 0);
  // Width at font size s: the advances plus the tracking between letters.
  const gaps = Math.max(glyphs.length - 1, 1);
  const widthAt = (s: number, tracking = TRACKING) =>
    (units * s) / f.unitsPerEm + tracking * s * gaps;
  const arc = (degrees: number) => (BASELINE * degrees * Math.PI) / 180;
  let fontSize = Math.min(MAX_FONT_SIZE, arc(TEXT_ARC_DEGREES) / widthAt(1));
  // A very long name takes more of the circle before its letters get smaller still.
  if (fontSize < MIN_FONT_SIZE * 1.5) fontSize = arc(LONG_TEXT_ARC_DEGREES) / widthAt(1);
  fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, fontSize));
  const short = arc(SHORT_TEXT_ARC_DEGREES) - widthAt(fontSize);
  const tracking =
    short > 0 ? Math.min(MAX_TRACKING, TRACKING + short / (fontSize * gaps)) : TRACKING;
  return { glyphs, fontSize, tracking, width: widthAt(fontSize, tracking) };
}

/** The seal as SVG: each letter turned to stand upright on the circle, its top outwards. */
export function sealSvg(name: string): string {
  const { glyphs, fontSize, tracking, width } = layOut(name);
  const scale = fontSize / font().unitsPerEm;
  let along = -width / 2;
  const letters = glyphs.map((g) => {
    const advance = g.advance * scale;
    const middle = along + advance / 2;
    along += advance + tracking * fontSize;
    if (!g.d) return "";
    const degrees = ((middle / BASELINE) * 180) / Math.PI;
    const x = CENTRE - advance / 2 + g.xOffset * scale;
    const y = CENTRE - BASELINE - g.yOffset * scale;
    return `<path transform="rotate(${round(degrees)} ${CENTRE} ${CENTRE}) translate(${round(x)} ${round(y)}) scale(${round(scale * 1e4) / 1e4} ${-round(scale * 1e4) / 1e4})" d="${g.d}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <circle cx="${CENTRE}" cy="${CENTRE}" r="${OUTER_RING}" fill="none" stroke="${RED}" stroke-width="9"/>
  <circle cx="${CENTRE}" cy="${CENTRE}" r="${OUTER_RING - 9}" fill="none" stroke="${RED}" stroke-width="2"/>
  <circle cx="${CENTRE}" cy="${CENTRE}" r="${INNER_RING}" fill="none" stroke="${RED}" stroke-width="3"/>
  <g fill="${RED}">${letters.join("")}</g>
  ${star(CENTRE, CENTRE + (BASELINE + 14), 12)}
  ${star(CENTRE, CENTRE, 62)}
</svg>`;
}

/** The seal as a 400 × 400 PNG with a transparent background. */
export async function generateSealPng(name: string): Promise<Buffer> {
  return sharp(Buffer.from(sealSvg(name)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}
