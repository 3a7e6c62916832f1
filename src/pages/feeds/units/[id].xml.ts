/** /feeds/units/<id>.xml: the items one unit leads or shares. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../site/data.ts';
import { keys } from '../../../site/keys.ts';
import { feedResponse, unitFeed } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  getDataset().units.map((u) => ({ params: { id: u.id }, cacheKey: keys().unit(u.id) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => feedResponse(unitFeed(site, params.id!));
