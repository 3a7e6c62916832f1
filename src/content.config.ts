/**
 * Bulletins (通报) written by the office: Markdown/MDX under content/bulletins/. The content
 * folder follows LUOSHI_CONTENT like the rest of the data.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentRoot } from './core/content/paths.ts';
import { BULLETIN_KINDS } from './core/content/bulletin-files.ts';

const bulletins = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: path.join(contentRoot(), 'bulletins') }),
  // npm run validate (src/core/content/bulletin-files.ts) checks the same fields first, in Chinese with
  // file:line, before the build starts; this schema only gives the pages their types.
  schema: z.strictObject({
    title: z.string().trim().min(1),
    // YAML reads an unquoted 2020-02-17 as a date: accept both, keep a YYYY-MM-DD string.
    date: z.union([
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写作 YYYY-MM-DD' }),
      z.date().transform((d) => d.toISOString().slice(0, 10)),
    ]),
    kind: z.enum(BULLETIN_KINDS),
    summary: z.string().optional(),
    year: z.number().int().optional(),
  }),
});

export const collections = { bulletins };
