/**
 * The typeface both exports use: Tinos, Google's free serif that is metric-compatible with
 * Times New Roman (what Nghị định 30/2020 expects), with every Vietnamese letter. It ships as
 * TTF files inside the npm package @expo-google-fonts/tinos, so nothing is downloaded at run
 * time and no system font is assumed. The DOCX embeds the four files; the PDF subsets them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export const FONT_FAMILY = 'Tinos';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

export function faceOf(style: { bold?: boolean; italic?: boolean }): FontFace {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

// The package has no "exports" map, so its folder is found through its package.json.
const packageDir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));

const data = new Map<FontFace, Buffer>();
const parsed = new Map<FontFace, fontkit.Font>();

/** The TTF bytes of one face, read once per process. */
export function fontData(face: FontFace): Buffer {
  let buf = data.get(face);
  if (!buf) {
    buf = fs.readFileSync(path.join(packageDir, FILES[face]));
    data.set(face, buf);
  }
  return buf;
}

function font(face: FontFace): fontkit.Font {
  let f = parsed.get(face);
  if (!f) {
    f = fontkit.create(fontData(face)) as fontkit.Font;
    parsed.set(face, f);
  }
  return f;
}

/**
 * Width in points of one line of text, as the PDF will set it. The DOCX uses it too, to size
 * the rules under the header lines, since Word draws them as paragraph borders of a set width.
 */
export function textWidth(text: string, style: { size: number; bold?: boolean; italic?: boolean }): number {
  const f = font(faceOf(style));
  return (f.layout(text).advanceWidth / f.unitsPerEm) * style.size;
}

/** The font's own line height (ascent + descent + gap) as a multiple of its size: 1.15 for Tinos. */
export function naturalLineHeight(): number {
  const f = font('regular');
  return (f.ascent - f.descent + f.lineGap) / f.unitsPerEm;
}
