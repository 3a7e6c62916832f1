/** All bulletins: the office's Markdown/MDX ones and those generated from the data, newest first. */
import { getCollection } from 'astro:content';
import { getDataset } from './data.ts';
import { generatedBulletins, type GeneratedBulletin } from '../core/present/generated-bulletins.ts';

export interface BulletinEntry {
  slug: string;
  title: string;
  date: string;
  kind: 'monthly' | 'quarterly' | 'completion' | 'notice' | 'other';
  summary?: string;
  generated?: GeneratedBulletin;
}

export const KIND_LABEL: Record<BulletinEntry['kind'], string> = {
  monthly: '民生工程月度通报',
  quarterly: '季度通报',
  completion: '完成通报',
  notice: '工作通知',
  other: '其他',
};

export async function allBulletins(): Promise<BulletinEntry[]> {
  const written = (await getCollection('bulletins')).map((e) => ({
    slug: e.id,
    title: e.data.title,
    date: e.data.date,
    kind: e.data.kind,
    summary: e.data.summary,
  }));
  const generated = generatedBulletins(getDataset()).map((g) => ({
    slug: g.slug,
    title: g.title,
    date: g.date,
    kind: g.kind,
    summary: g.summary,
    generated: g,
  }));
  return [...written, ...generated].sort((a, b) =>
    a.date === b.date ? b.slug.localeCompare(a.slug) : b.date.localeCompare(a.date),
  );
}
