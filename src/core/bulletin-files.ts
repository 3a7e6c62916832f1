/**
 * The office's bulletins (content/bulletins/*.md, *.mdx), checked like every other content
 * file: front matter against the same schema the site uses, file names that are plain URL
 * segments, and bodies that hold only what the site may show. Every problem names the file and
 * line (and column) in Chinese, so `npm run validate` and the build report them the same way.
 *
 * The site also sanitises rendered Markdown to an allow-list (rehype-sanitize, see
 * astro.config.mjs); this check tells the office what would be removed instead of removing it
 * silently. MDX compiles to code, so it is held to a narrower rule: text, Markdown and the
 * <Chart id="…" /> component that `npm run bulletin` writes, nothing else.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { decodeUtf8 } from './csv.ts';
import type { DataIssue } from './issues.ts';
import { isRealDate } from './schema.ts';

export const BULLETIN_KINDS = ['monthly', 'quarterly', 'completion', 'notice', 'other'] as const;

/** The front matter of an office bulletin. Unknown keys are refused (`slug` would move the page). */
export const bulletinFrontmatter = z.strictObject(
  {
    title: z.string({ error: '标题应为文字' }).trim().min(1, { error: '标题为空' }),
    date: z.string({ error: '日期应写作 YYYY-MM-DD' }).refine(isRealDate, { error: '日期无效，应写作 YYYY-MM-DD 且为真实日期' }),
    kind: z.enum(BULLETIN_KINDS, { error: `类型只能是 ${BULLETIN_KINDS.join('、')}` }),
    summary: z.string({ error: '摘要应为文字' }).optional(),
    year: z.number({ error: '年度应为四位数字' }).int({ error: '年度应为四位数字' }).min(2000, { error: '年度应为四位数字' }).max(2100, { error: '年度应为四位数字' }).optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不认识的字段：${iss.keys.join('、')}` : undefined) },
);

export type BulletinFrontmatter = z.output<typeof bulletinFrontmatter>;

const FIELD_HINTS: Record<string, string> = {
  title: '如 title: 2020年7月民生工程推进情况通报',
  date: '如 date: 2020-08-10',
  kind: `monthly（月度）、quarterly（季度）、completion（完成）、notice（通知）、other（其他）`,
  summary: '一句话摘要，可省略',
  year: '如 year: 2020，可省略',
};

/** Tags and attributes that never reach the page (the sanitiser drops them). */
const FORBIDDEN_TAGS = /<\s*\/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|option|link|meta|base|svg|math|template|noscript|portal)\b/gi;
const EVENT_ATTR = /<[^>]*\s(on[a-z]+)\s*=/gi;
const SCRIPT_URL = /(javascript|vbscript|data)\s*:/gi;

export const CHART_IMPORT_LINE = "import Chart from '../../src/components/Chart.astro';";

function issueAt(file: string, text: string, index: number, message: string, hint: string, value?: string): DataIssue {
  const before = text.slice(0, index);
  const line = (before.match(/\n/g) ?? []).length + 1;
  const column = index - before.lastIndexOf('\n');
  return { file, line, column, value, message, hint };
}

/** The body with code (fenced blocks and inline spans) blanked out, same length, so offsets stay. */
function withoutCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function checkBody(file: string, text: string, start: number, mdx: boolean, issues: DataIssue[]): void {
  const body = withoutCode(text.slice(start));
  const at = (i: number, message: string, hint: string, value?: string) => issues.push(issueAt(file, text, start + i, message, hint, value));
  const htmlHint = '通报只能用 Markdown 排版，请删除这段 HTML：标题用 #，列表用 -，加粗用 **文字**，链接写作 [文字](https://…)';
  for (const m of body.matchAll(FORBIDDEN_TAGS)) at(m.index, `含有不允许的 HTML 标签 <${m[1].toLowerCase()}>，网站不会显示它`, htmlHint, m[0]);
  for (const m of body.matchAll(EVENT_ATTR)) at(m.index + m[0].length - m[1].length - 1, `含有不允许的 HTML 事件属性 ${m[1]}，网站不会显示它`, htmlHint, m[1]);
  for (const m of body.matchAll(SCRIPT_URL)) {
    // Only where it is a link target: after ( or = or " or ', perhaps with spaces.
    const prev = body.slice(Math.max(0, m.index - 8), m.index);
    if (/[(="'<]\s*$/.test(prev)) at(m.index, `含有不允许的链接地址（${m[1].toLowerCase()}:），网站不会显示它`, '链接只能指向 http:// 或 https:// 网址，或本站页面', m[0]);
  }
  if (!mdx) return;
  const mdxHint = 'MDX 通报中只能有文字、Markdown 和 npm run bulletin 生成的 <Chart id="…" /> 图表；文字中的 < { } 请写作 \\< \\{ \\}';
  // An MDX comment, {/* … */}, is only a comment (the drafts carry one).
  const noComments = body.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of noComments.matchAll(/^(import|export)\b[^\n]*/gm)) {
    if (m[0].trim() !== CHART_IMPORT_LINE) at(m.index, `不允许的 ${m[1]} 语句`, `只允许：${CHART_IMPORT_LINE}`, m[0]);
  }
  for (const m of noComments.matchAll(/(?<!\\)<\s*(\/?[A-Za-z][\w.:-]*)([^>]*)>?/g)) {
    if (m[1] === 'Chart' && /^\s+id="[a-z0-9-]+"\s*\/\s*$/.test(m[2].replace(/>$/, ''))) continue;
    if (new RegExp(FORBIDDEN_TAGS.source, 'i').test(`<${m[1]}`)) continue; // already reported above
    at(m.index, `MDX 通报中不允许使用 <${m[1]}> 标签`, mdxHint, m[0].slice(0, 40));
  }
  for (const m of noComments.matchAll(/(?<!\\)[{}]/g)) at(m.index, `MDX 通报中不允许使用 ${m[0]} 表达式`, mdxHint, m[0]);
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
      issues.push({ file, line: 0, message: '通报目录中不能有子文件夹（文件名就是网址，不能含路径）', hint: '把通报文件直接放在 content/bulletins/ 下' });
      continue;
    }
    if (!/\.(md|mdx)$/.test(entry.name)) {
      issues.push({ file, line: 0, message: '不是通报文件（.md 或 .mdx），不会发布', hint: '通报写作 Markdown 文件，扩展名 .md；其他文件请移出 content/bulletins/' });
      continue;
    }
    const mdx = entry.name.endsWith('.mdx');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.mdx?$/.test(entry.name)) {
      issues.push({ file, line: 0, value: entry.name, message: '通报文件名只能含小写字母、数字和连字符（文件名就是网址）', hint: '如 2020-08-10-monthly.md' });
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
      issues.push({ file, line: 1, message: '缺少开头的 --- 信息块（标题、日期、类型）', hint: '第一行写 ---，然后 title:、date:、kind:，再写一行 ---' });
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
      issues.push({ file, line: (e.mark?.line ?? 0) + 2, column: e.mark ? e.mark.column + 1 : undefined, message: `开头信息块的格式错误（${e.reason ?? 'YAML'}）`, hint: '每行写作 名称: 值；值中含冒号或引号时整体用英文双引号括起' });
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      issues.push({ file, line: 2, message: '开头信息块应为“名称: 值”的若干行', hint: '如 title: …、date: 2020-08-10、kind: monthly' });
      continue;
    }
    const parsed = bulletinFrontmatter.safeParse(data);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const field = zi.code === 'unrecognized_keys' ? zi.keys[0] : String(zi.path[0] ?? '');
        const value = (data as Record<string, unknown>)[field];
        const missing = value === undefined && zi.code !== 'unrecognized_keys';
        issues.push({
          file,
          line: missing ? 1 : lineOfKey(field),
          field,
          value: value === undefined || typeof value === 'object' ? undefined : String(value),
          message: missing ? '缺少这一项' : zi.message,
          hint: zi.code === 'unrecognized_keys' ? `允许的字段：${Object.keys(FIELD_HINTS).join('、')}` : FIELD_HINTS[field],
        });
      }
    }
    checkBody(file, text, fm[0].length, mdx, issues);
  }
}
