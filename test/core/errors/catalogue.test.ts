/**
 * The error catalogue (src/core/errors/catalogue.ts): every code is listed in docs/GUIDE.md
 * with its message and fix, no code in the guide is unknown, and every code is produced
 * somewhere in the code (or marked reserved), so the guide never lists a dead code nor misses one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUE, areaOf, issueOf, render, type IssueCode } from '../../../src/core/errors/catalogue.ts';
import { formatIssue } from '../../../src/core/errors/issues.ts';
import { codeOfZodMessage } from '../../../src/core/errors/zod-messages.ts';
import { manifestSchema, reportRow, siteSchema } from '../../../src/core/content/schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CODES = Object.keys(CATALOGUE) as IssueCode[];
const entry = (code: IssueCode) => CATALOGUE[code] as { message: string; hint?: string; fix?: string; reserved?: true };

/** The chapter 「错误代码」 of docs/GUIDE.md: code → its table row. */
function guideRows(): Map<string, string> {
  const guide = readFileSync(path.join(ROOT, 'docs/GUIDE.md'), 'utf8');
  const start = guide.indexOf('\n## 错误代码\n');
  expect(start, 'docs/GUIDE.md has no chapter 「错误代码」').toBeGreaterThan(0);
  const end = guide.indexOf('\n## ', start + 1);
  const chapter = guide.slice(start, end < 0 ? undefined : end);
  const rows = new Map<string, string>();
  for (const line of chapter.split('\n')) {
    const m = /^\| (LS-[A-Z]+-\d{3}) \|/.exec(line);
    if (m) {
      expect(rows.has(m[1]), `${m[1]} is listed twice in docs/GUIDE.md`).toBe(false);
      rows.set(m[1], line);
    }
  }
  // A code mentioned anywhere in the chapter (prose included) must be a catalogue code.
  for (const m of chapter.matchAll(/LS-[A-Z]+-\d{3}/g))
    expect(CODES, `docs/GUIDE.md names an unknown code ${m[0]}`).toContain(m[0]);
  return rows;
}

const CATALOGUE_FILE = path.join(ROOT, 'src/core/errors/catalogue.ts');

/** Every source file that may produce an issue (the catalogue itself excluded). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) sources(abs, out);
    else if (/\.(ts|astro|mjs)$/.test(name) && abs !== CATALOGUE_FILE) out.push(abs);
  }
  return out;
}

describe('the error catalogue', () => {
  it('has codes LS-<area>-<NNN> of the known areas, each with a message and a fix', () => {
    expect(CODES.length).toBeGreaterThan(150);
    for (const code of CODES) {
      expect(code).toMatch(/^LS-[A-Z]+-\d{3}$/);
      expect(Object.keys(AREAS)).toContain(areaOf(code));
      expect(entry(code).message.length, code).toBeGreaterThan(0);
      expect(
        entry(code).hint ?? entry(code).fix ?? (entry(code).reserved ? '保留' : ''),
        `${code} has neither hint nor fix`,
      ).not.toBe('');
      // A hint that is only a parameter says nothing in the guide: such codes must have a fix.
      if (entry(code).hint && /^\{[a-zA-Z]+\}$/.test(entry(code).hint!))
        expect(entry(code).fix, `${code} needs a fix for the guide`).toBeTruthy();
    }
  });

  it('lists every code in docs/GUIDE.md with its message and fix, and no other code', () => {
    const rows = guideRows();
    expect([...rows.keys()].sort()).toEqual([...CODES].sort());
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    for (const code of CODES) {
      const row = rows.get(code)!;
      expect(row, `docs/GUIDE.md: the message of ${code}`).toContain(`\`${cell(entry(code).message)}\``);
      const fix = entry(code).reserved ? '保留' : (entry(code).fix ?? entry(code).hint!).replace(/([*<|`])/g, '\\$1');
      expect(row, `docs/GUIDE.md: the fix of ${code}`).toContain(fix);
    }
  });

  it('has every code produced somewhere in src/, office/ or scripts/ (or marked reserved)', () => {
    const text = ['src', 'office', 'scripts']
      .flatMap((dir) => sources(path.join(ROOT, dir)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = CODES.filter((code) => !entry(code).reserved && !text.includes(`'${code}'`));
    expect(unused, 'codes that nothing produces: use them, or mark them reserved: true').toEqual([]);
    const reservedButUsed = CODES.filter((code) => entry(code).reserved && text.includes(`'${code}'`));
    expect(reservedButUsed).toEqual([]);
  });

  it('fills the parameters of a message and hint, and refuses a missing one', () => {
    const issue = issueOf(
      'LS-REF-006',
      { file: 'content/2020/tasks.csv', line: 4, column: 1, field: 'no', value: '2' },
      { first: 3 },
    );
    expect(issue).toEqual({
      file: 'content/2020/tasks.csv',
      line: 4,
      column: 1,
      field: 'no',
      value: '2',
      code: 'LS-REF-006',
      message: '序号重复（第 3 行已使用）',
      hint: '每项序号必须唯一',
    });
    expect(formatIssue(issue)).toBe(
      'content/2020/tasks.csv:4:1  [LS-REF-006]  no  「2」  序号重复（第 3 行已使用）  提示：每项序号必须唯一',
    );
    expect(() => render('序号重复（第 {first} 行已使用）', {})).toThrow(/no value for \{first\}/);
    // Braces around other text are text (the MDX hint shows \{ \}).
    expect(render(entry('LS-BUL-020').hint!)).toContain('\\{ \\}');
  });

  it('turns the schemas’ zod messages back into their codes', () => {
    const row = {
      item: 'T1',
      month: '2020-13',
      unit: '区发改局',
      target: 't',
      progress: '',
      problems: '',
      next_steps: '',
      evaluation: '基本完成',
      item_complete: '也许',
      filed: '2020-02-30',
      note: '',
    };
    const result = reportRow.safeParse(row);
    expect(result.success).toBe(false);
    const codes = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), codeOfZodMessage(i.message)]));
    expect(codes).toEqual({
      month: 'LS-FLD-014',
      progress: 'LS-FLD-010',
      evaluation: 'LS-FLD-021',
      item_complete: 'LS-FLD-020',
      filed: 'LS-FLD-013',
    });
    const manifest = manifestSchema.safeParse({
      year: 2020,
      notice: { doc_no: 'x', title: 'x', date: '2020-02-30', publicity: 'x' },
      data_date: '2020-04-10',
      sample: false,
      programme: { name: 'x', slug: 'tasks', item_label: 'x', categories: false },
    });
    expect(manifest.error!.issues.map((i) => codeOfZodMessage(i.message))).toEqual(['LS-SITE-020', 'LS-SITE-025']);
    const site = siteSchema.safeParse({
      publisher: 'x',
      office: 'x',
      district: 'x',
      title: 'x',
      feedback: 'ftp://x',
      identity: { demo: false },
    });
    expect(site.error!.issues.map((i) => codeOfZodMessage(i.message))).toContain('LS-SITE-030');
  });
});
