/** The handbook's chapters in reading order (frontmatter `order`), for the index and chapter pages. */
import { getCollection } from 'astro:content';

export async function handbookChapters() {
  return (await getCollection('handbook')).sort((a, b) => a.data.order - b.data.order);
}
