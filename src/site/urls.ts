/**
 * The site's URLs as pages use them: the builders of src/core/present/urls.ts bound to the deploy base
 * (LUOSHI_BASE, e.g. /zt/luoshi/) and to the dataset (each year's programme slug).
 */
import { linkPaths, withTrailingSlash } from '../core/present/urls.ts';
import { getDataset } from './data.ts';
import { LuoshiError } from '../core/errors/errors.ts';

/** The base path, always with a trailing slash: "/" or "/zt/luoshi/". */
export const BASE = withTrailingSlash(import.meta.env.BASE_URL ?? '/');

function yearOf(year: number) {
  const y = getDataset().years.find((d) => d.year === year);
  if (!y) throw new LuoshiError(`no year ${year} in the dataset`);
  return y;
}

export const urls = linkPaths(BASE, yearOf);
