/**
 * Relative links, so that one built folder works at a server's root, under a subpath
 * (GitHub Pages) and opened from a file share (file://).
 */

/** The site's pages, named once. */
export const PAGES = {
  home: 'index.html',
  plan: 'plan.html',
  template: 'template.html',
  contacts: 'contacts.html',
  // src/pages/handbook/index.astro: with build.format 'file' Astro writes it as handbook.html.
  handbook: 'handbook.html',
  glossary: 'glossary.html',
  threats: 'threats.html',
  checklists: 'checklists.html',
  // Internal only (issue 12): the business impact and recovery order, and the tabletop exercise kit.
  bia: 'bia.html',
  exercises: 'exercises.html',
  // Internal only (issue 13): the automotive guideline correspondence.
  guidelines: 'guidelines/automotive.html',
  // The binder PDF, printed from print.html by `bcp build` (src/pdf/print.ts).
  pdf: 'plan.pdf',
} as const;

/** A scenario's page of the exercise kit: the facilitator's version, or the participants' one. */
export function exercisePage(id: string, version: 'facilitator' | 'participant'): string {
  return `exercises/${id}${version === 'participant' ? '-participant' : ''}.html`;
}

/** A handbook chapter's page (src/pages/handbook/[slug].astro). */
export function handbookPage(slug: string): string {
  return `handbook/${slug}.html`;
}

/** A link from the page at `fromPathname` (Astro.url.pathname) to a site file such as `plan.html#x`. */
export function relativeHref(fromPathname: string, target: string): string {
  const segments = fromPathname.split('/').filter(Boolean);
  // The last segment is the page file itself unless the path ends with a slash.
  const depth = fromPathname.endsWith('/') ? segments.length : Math.max(segments.length - 1, 0);
  return `${'../'.repeat(depth)}${target}` || './';
}
