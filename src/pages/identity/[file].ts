/** /identity/<file>: the 党政机关网站标识 image named in site.json (identity.badge), from the content folder. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { isPlaceholder } from '../../core/content/identity.ts';
import { contentRoot } from '../../core/content/paths.ts';
import { getDataset } from '../../site/data.ts';

const TYPES: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.jpg': 'image/jpeg' };

export const getStaticPaths = (() => {
  const badge = getDataset().site.identity.badge;
  return isPlaceholder(badge) ? [] : [{ params: { file: path.basename(badge) }, props: { badge } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const badge = props.badge as string;
  return new Response(readFileSync(path.join(contentRoot(), badge)), {
    headers: { 'Content-Type': TYPES[path.extname(badge)] ?? 'application/octet-stream' },
  });
};
