// Appearance images drawn for the tests: a blue handwritten-style signature and a red round seal,
// both on transparent backgrounds.
import sharp from "sharp";

const svgPng = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

/** 400 × 180: strokes of blue ink, one straight across the middle from x = 20 to 380. */
export function signaturePng(): Promise<Buffer> {
  return svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="180">
    <g fill="none" stroke="#1737b5" stroke-width="14" stroke-linecap="round">
      <path d="M30 130 C 60 20, 100 20, 120 120 S 180 160, 200 60 S 260 10, 280 110"/>
      <path d="M20 90 L 380 90"/>
      <path d="M300 140 C 330 60, 360 60, 380 130"/>
    </g></svg>`);
}

/** 300 × 300: a red ring, an inner ring and a filled star in the centre. */
export function sealPng(): Promise<Buffer> {
  return svgPng(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
    <g fill="none" stroke="#d41414">
      <circle cx="150" cy="150" r="138" stroke-width="14"/>
      <circle cx="150" cy="150" r="100" stroke-width="5"/>
    </g>
    <polygon fill="#d41414" points="150,90 166,135 214,135 175,163 190,210 150,182 110,210 125,163 86,135 134,135"/>
    </svg>`);
}
