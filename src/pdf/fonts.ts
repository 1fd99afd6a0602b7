/**
 * The PDF's one typeface, Noto Sans JP from the @fontsource package, served to the
 * print page while it prints.
 *
 * The fonts are read from node_modules while printing, never copied into the site, and
 * Chromium embeds only the glyphs it draws: the PDF carries subsets (pdffonts shows
 * `ABCDEF+NotoSansJP…`), so no system CJK font is needed or used.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ruleMessage } from '../errors/catalogue.ts';
import { PdfError } from './error.ts';

export const FONT_FAMILY = 'Noto Sans JP';
/** Body text and bold (headings, answers, the cover). */
export const FONT_WEIGHTS = [400, 700] as const;
/** URL path under which the print step answers with font files. */
export const FONT_URL_PATH = '/__fonts/';

export interface PrintFonts {
  /** `@font-face` rules whose URLs point at `<origin>/__fonts/<file>`. */
  css: string;
  /** The folder holding the font files. */
  dir: string;
}

/** Reads the package's stylesheets for the weights used and points their URLs at `origin`. */
export async function printFonts(origin: string, cwd = process.cwd()): Promise<PrintFonts> {
  const require = createRequire(path.join(cwd, 'package.json'));
  try {
    // Per weight: the split files (each with its unicode-range), then the whole Japanese
    // font. Faces declared later are tried first, so nearly every glyph comes from the one
    // whole font (one embedded subset per weight instead of dozens) and the split files
    // only fill the few characters it lacks (arrows, circled digits).
    const names = FONT_WEIGHTS.flatMap((weight) => [`${weight}.css`, `japanese-${weight}.css`]);
    const sheets = await Promise.all(
      names.map(async (name) => {
        const file = require.resolve(`@fontsource/noto-sans-jp/${name}`);
        return { file, css: await readFile(file, 'utf8') };
      }),
    );
    const dir = path.join(path.dirname(sheets[0]!.file), 'files');
    // Only woff2: every Chromium that prints reads it, and the woff fallback is never fetched.
    const css = sheets
      .map((s) => s.css)
      .join('\n')
      .replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, `src: url(${origin}${FONT_URL_PATH}$1) format('woff2');`);
    if (!css.includes(`${origin}${FONT_URL_PATH}`)) throw new Error('@font-face の書式が想定と違います');
    return { css, dir };
  } catch (error) {
    throw new PdfError('print-fonts-missing', ruleMessage('print-fonts-missing', { detail: error instanceof Error ? error.message : String(error) }));
  }
}
