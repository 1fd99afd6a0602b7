/**
 * The one-file offline edition (issue 23): kit/offline.html with every style sheet, script
 * and image put inside it, written as plan-offline.html. Links are settled so that the file
 * never asks for anything: a link to something inside the file becomes an in-page jump,
 * `tel:` and `mailto:` stay, and every other link (another page of the site, a web address)
 * keeps its text and loses the link. The web addresses stay readable as text.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TOOLS_DATA_ID } from '../browser/incident/tools-api.ts';
import { KIT_FILES, KIT_PAGES } from './data.ts';

const LINK_TAG = /<link\b[^>]*>/gi;
const SCRIPT_SRC = /<script\b([^>]*?)\ssrc=(?:"([^"]*)"|'([^']*)')([^>]*)><\/script>/gi;
const ANCHOR = /<a\s((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const IMAGE_SRC = /(<img\b[^>]*?\ssrc=)(?:"([^"]*)"|'([^']*)')/gi;
const ID = /\sid=(?:"([^"]*)"|'([^']*)')/gi;

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

const unescapeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Where a relative URL of the page at `page` (site-relative) points in the site folder, or undefined when outside. */
function siteFile(siteDir: string, page: string, url: string): string | undefined {
  const clean = decodeURIComponent(unescapeAttribute(url).replace(/[?#].*$/, ''));
  const full = clean.startsWith('/') ? path.join(siteDir, clean) : path.resolve(siteDir, path.dirname(page), clean);
  const relative = path.relative(siteDir, full);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : full;
}

/** Text for inside `<script>`: a `</script` in the code would end the element early. */
const scriptText = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');
const styleText = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1');

/**
 * Page `offline` of the built site made into one file. Which parts of the site the page
 * stands for (`contacts.html` → `#contacts`) decides where links to them jump.
 */
export async function inlineOfflinePage(siteDir: string, page: string, stands: Readonly<Record<string, string>> = {}): Promise<string> {
  let html = await readFile(path.join(siteDir, page), 'utf8');

  // Images and links first, while the page holds no inlined code that could look like markup.
  // Images: as data URLs.
  const sources = [...html.matchAll(IMAGE_SRC)];
  for (const match of sources) {
    const url = match[2] ?? match[3] ?? '';
    if (url.startsWith('data:')) continue;
    const target = /^[a-z][a-z0-9+.-]*:/i.test(url) ? undefined : siteFile(siteDir, page, url);
    const mime = target ? MIME[path.extname(target).toLowerCase()] : undefined;
    const data = target && mime ? `data:${mime};base64,${(await readFile(target)).toString('base64')}` : '';
    html = html.replace(match[0], () => `${match[1]}"${data}"`);
  }

  // Links: in-page, tel: and mailto: stay; the rest keep their text only.
  const ids = new Set([...html.matchAll(ID)].map((m) => m[1] ?? m[2] ?? ''));
  html = html.replace(ANCHOR, (whole, attributes: string, inner: string) => {
    const match = ATTRIBUTE('href').exec(attributes);
    if (!match) return whole;
    const href = unescapeAttribute(match[1] ?? match[2] ?? match[3] ?? '');
    const rest = attributes.replace(match[0], '');
    const keep = (target: string) => `<a href="${target.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"${rest ? ` ${rest.trim()}` : ''}>${inner}</a>`;
    if (/^(tel|mailto):/i.test(href)) return whole;
    if (href.startsWith('#')) return ids.has(decodeURIComponent(href.slice(1))) ? whole : `<span>${inner}</span>`;
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
      const fragment = decodeURIComponent(href.includes('#') ? href.slice(href.indexOf('#') + 1) : '');
      if (fragment && ids.has(fragment)) return keep(`#${fragment}`);
      const file = siteFile(siteDir, page, href);
      const part = file ? stands[path.relative(siteDir, file).split(path.sep).join('/')] : undefined;
      if (part && ids.has(part)) return keep(`#${part}`);
    }
    return `<span class="offline-unlinked">${inner}</span>`;
  });
  // Style sheets: their text in place of the link; any other <link> (icons, preloads) goes.
  const links = [...html.matchAll(LINK_TAG)].map((m) => m[0]);
  for (const tag of links) {
    const rel = ATTRIBUTE('rel').exec(tag);
    const href = ATTRIBUTE('href').exec(tag);
    const target = href ? siteFile(siteDir, page, href[1] ?? href[2] ?? href[3] ?? '') : undefined;
    if ((rel?.[1] ?? rel?.[2] ?? rel?.[3]) === 'stylesheet' && target) {
      const css = await readFile(target, 'utf8');
      html = html.replace(tag, () => `<style>${styleText(css)}</style>`);
    } else {
      html = html.replace(tag, '');
    }
  }

  // Scripts: their code in place of the reference.
  const scripts = [...html.matchAll(SCRIPT_SRC)];
  for (const match of scripts) {
    const target = siteFile(siteDir, page, match[2] ?? match[3] ?? '');
    if (!target) throw new Error(`${page}: script ${match[2] ?? match[3]} is outside the site`);
    const code = await readFile(target, 'utf8');
    const attributes = `${match[1]}${match[4]}`.replace(/\s(defer|async|data-on-first-use)(?=[\s=]|$)/gi, '');
    // A script the page loads on first use stays data until then: JSON text, run by the page's own loader.
    const replacement = /\sdata-on-first-use(?=[\s=]|$)/i.test(`${match[1]}${match[4]}`)
      ? `<script type="application/json" id="${TOOLS_DATA_ID}" data-inline-script="${path.basename(target)}">${JSON.stringify(code).replace(/</g, '\\u003c')}</script>`
      : `<script${attributes}>${scriptText(code)}</script>`;
    html = html.replace(match[0], () => replacement);
  }

  return html;
}

/** Writes plan-offline.html from kit/offline.html and removes the source page. Returns the file written. */
export async function writeOfflineEdition(siteDir: string): Promise<string> {
  const html = await inlineOfflinePage(siteDir, KIT_PAGES.offline, {
    'contacts.html': 'contacts',
    'checklists/incident.html': 'incident',
    'checklists.html': 'incident',
    'plan.html': 'plan',
    'bia.html': 'bia',
  });
  const out = path.join(siteDir, KIT_FILES.offline);
  await writeFile(out, html);
  await rm(path.join(siteDir, KIT_PAGES.offline), { force: true });
  return out;
}
