/**
 * The office's bulletins (content/bulletins/*.md, *.mdx), checked like every other content
 * file: front matter against the same schema the site uses, file names that are plain URL
 * segments, and bodies that hold only what the site may show. Every problem names the file and
 * line (and column) in Chinese, so `npm run validate` and the build report them the same way.
 *
 * The site also sanitises rendered Markdown to an allow-list (rehype-sanitize, see
 * astro.config.mjs); this check tells the office what would be removed instead of removing it
 * silently. MDX compiles to code, so it is held to a narrower rule, checked on its syntax tree
 * (mdx-allow-list.ts): text, Markdown and the <Chart id="…" /> component that `npm run bulletin`
 * writes, nothing else.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { decodeUtf8 } from './csv.ts';
import { issueOf, type IssueCode, type ParamArgs } from '../errors/catalogue.ts';
import { issueFromZod, zodMessage } from '../errors/zod-messages.ts';
import type { DataIssue } from '../errors/issues.ts';
import { isRealDate } from './schema.ts';
import { checkMdxBody } from './mdx-allow-list.ts';

export const BULLETIN_KINDS = ['monthly', 'quarterly', 'completion', 'notice', 'other'] as const;

const FIELD_HINTS: Record<string, string> = {
  title: '如 title: 2020年7月民生工程推进情况通报',
  date: '如 date: 2020-08-10',
  kind: `monthly（月度）、quarterly（季度）、completion（完成）、notice（通知）、other（其他）`,
  summary: '一句话摘要，可省略',
  year: '如 year: 2020，可省略',
};

const YEAR = zodMessage('LS-BUL-013');

/** The front matter of an office bulletin. Unknown keys are refused (`slug` would move the page). */
export const bulletinFrontmatter = z.strictObject(
  {
    title: z
      .string({ error: zodMessage('LS-BUL-008') })
      .trim()
      .min(1, { error: zodMessage('LS-BUL-009') }),
    date: z.string({ error: zodMessage('LS-BUL-010') }).refine(isRealDate, { error: zodMessage('LS-FLD-013') }),
    kind: z.enum(BULLETIN_KINDS, { error: zodMessage('LS-BUL-011', { kinds: BULLETIN_KINDS.join('、') }) }),
    summary: z.string({ error: zodMessage('LS-BUL-012') }).optional(),
    year: z.number({ error: YEAR }).int({ error: YEAR }).min(2000, { error: YEAR }).max(2100, { error: YEAR }).optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? zodMessage('LS-BUL-014', { keys: iss.keys.join('、'), fields: Object.keys(FIELD_HINTS).join('、') })
        : undefined,
  },
);

/** Tags and attributes that never reach the page (the sanitiser drops them). */
const FORBIDDEN_TAGS =
  /<\s*\/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|option|link|meta|base|svg|math|template|noscript|portal)\b/gi;
const EVENT_ATTR = /<[^>]*\s(on[a-z]+)\s*=/gi;
const SCRIPT_URL = /(javascript|vbscript|data)\s*:/gi;

function issueAt<C extends IssueCode>(
  file: string,
  text: string,
  index: number,
  value: string | undefined,
  code: C,
  ...params: ParamArgs<C>
): DataIssue {
  const before = text.slice(0, index);
  const line = (before.match(/\n/g) ?? []).length + 1;
  const column = index - before.lastIndexOf('\n');
  return issueOf(code, { file, line, column, value }, ...params);
}

/** The body with code (fenced blocks and inline spans) blanked out, same length, so offsets stay. */
function withoutCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function checkBody(file: string, text: string, start: number, mdx: boolean, issues: DataIssue[]): void {
  const body = withoutCode(text.slice(start));
  const at = <C extends IssueCode>(i: number, value: string, code: C, ...params: ParamArgs<C>) =>
    issues.push(issueAt(file, text, start + i, value, code, ...params));
  for (const m of body.matchAll(FORBIDDEN_TAGS)) at(m.index, m[0], 'LS-BUL-015', { tag: m[1].toLowerCase() });
  for (const m of body.matchAll(EVENT_ATTR)) at(m.index + m[0].length - m[1].length - 1, m[1], 'LS-BUL-016', { attribute: m[1] });
  for (const m of body.matchAll(SCRIPT_URL)) {
    // Only where it is a link target: after ( or = or " or ', perhaps with spaces.
    const prev = body.slice(Math.max(0, m.index - 8), m.index);
    if (/[(="'<]\s*$/.test(prev)) at(m.index, m[0], 'LS-BUL-017', { scheme: m[1].toLowerCase() });
  }
  if (!mdx) return;
  const reported = new Set(issues.filter((i) => i.file === file && i.code === 'LS-BUL-015').map((i) => `${i.line}:${i.column}`));
  checkMdxBody(file, text, start, reported, issues);
}

/** Check every bulletin under `dir` (content/bulletins); symbolic links are reported by the loader. */
export function checkBulletins(dir: string, display: (abs: string) => string, issues: DataIssue[]): void {
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = path.join(dir, entry.name);
    const file = display(abs);
    if (entry.isSymbolicLink()) continue;
    // An empty folder is kept in git by an empty .gitkeep (new-site writes one): not a bulletin.
    if (entry.name === '.gitkeep' && entry.isFile() && statSync(abs).size === 0) continue;
    if (entry.isDirectory()) {
      issues.push(issueOf('LS-BUL-001', { file, line: 0 }));
      continue;
    }
    if (!/\.(md|mdx)$/.test(entry.name)) {
      issues.push(issueOf('LS-BUL-002', { file, line: 0 }));
      continue;
    }
    const mdx = entry.name.endsWith('.mdx');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.mdx?$/.test(entry.name)) {
      issues.push(issueOf('LS-BUL-003', { file, line: 0, value: entry.name }));
      continue;
    }
    const decoded = decodeUtf8(readFileSync(abs), file);
    if (!decoded.ok) {
      issues.push(decoded.issue);
      continue;
    }
    const text = decoded.text.replace(/\r\n?/g, '\n');
    const fm = /^---\n([\s\S]*?\n)?---(\n|$)/.exec(text);
    if (!fm) {
      issues.push(issueOf('LS-BUL-004', { file, line: 1 }));
      continue;
    }
    const raw = fm[1] ?? '';
    const lineOfKey = (key: string): number => {
      const i = raw.split('\n').findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
      return i < 0 ? 1 : i + 2;
    };
    let data: unknown;
    try {
      // CORE_SCHEMA: dates stay text (the default schema would turn 2020-13-45 into 2021-02-14).
      data = yaml.load(raw, { schema: yaml.CORE_SCHEMA }) ?? {};
    } catch (error) {
      const e = error as { mark?: { line: number; column: number }; reason?: string };
      issues.push(
        issueOf(
          'LS-BUL-005',
          { file, line: (e.mark?.line ?? 0) + 2, column: e.mark ? e.mark.column + 1 : undefined },
          { reason: e.reason ?? 'YAML' },
        ),
      );
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      issues.push(issueOf('LS-BUL-006', { file, line: 2 }));
      continue;
    }
    const parsed = bulletinFrontmatter.safeParse(data);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const field = zi.code === 'unrecognized_keys' ? zi.keys[0] : String(zi.path[0] ?? '');
        const value = (data as Record<string, unknown>)[field];
        const missing = value === undefined && zi.code !== 'unrecognized_keys';
        const at = {
          file,
          line: missing ? 1 : lineOfKey(field),
          field,
          value: value === undefined || typeof value === 'object' ? undefined : String(value),
        };
        const columnHint = FIELD_HINTS[field] ?? '';
        issues.push(
          missing ? issueOf('LS-BUL-007', at, { columnHint }) : issueFromZod(zi.message, at, 'LS-SITE-003', { columnHint }),
        );
      }
    }
    checkBody(file, text, fm[0].length, mdx, issues);
  }
}
