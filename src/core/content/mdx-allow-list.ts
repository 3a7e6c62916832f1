/**
 * What an MDX bulletin may hold, checked on its MDX syntax tree (remark-mdx, the parser the
 * build itself uses), not on its text: a bulletin that is content must never run code. Allowed
 * are text, Markdown, the one import line `npm run bulletin` writes, `<Chart id="…" />` with a
 * literal chart id, and expressions that hold only comments (`{/* 草稿 *\/}`, which drafts
 * carry). Everything else that MDX would compile to code is refused at its line and column:
 * any other expression, import or export, component, attribute, spread, and a file MDX cannot
 * parse at all.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { issueOf, type IssueCode, type ParamArgs } from '../errors/catalogue.ts';
import type { DataIssue } from '../errors/issues.ts';

const CHART_IMPORT_LINE = "import Chart from '../../src/components/Chart.astro';";

/** A chart id as `npm run bulletin` writes it (present/charts.ts). */
const CHART_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Point {
  line: number;
  column: number;
  offset?: number;
}
/** An estree node: only what the check reads. */
interface EstreeNode {
  type: string;
  start?: number;
  end?: number;
  loc?: { start: { line: number; column: number } };
}
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  position?: { start: Point; end: Point };
  attributes?: { type: string; name?: string; value?: unknown; position?: { start: Point } }[];
  children?: MdxNode[];
  data?: { estree?: { body: EstreeNode[] } };
}

const parser = unified().use(remarkParse).use(remarkMdx);

/**
 * Check the MDX body of `text` (the whole file; `bodyStart` is where the front matter ends).
 * `reported` holds the line:column of problems already reported there (a forbidden HTML tag),
 * so one tag is not reported twice.
 */
export function checkMdxBody(file: string, text: string, bodyStart: number, reported: Set<string>, issues: DataIssue[]): void {
  // The front matter blanked, same length, so positions are the file's own.
  const source = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
  const at = <C extends IssueCode>(point: Point, value: string | undefined, code: C, ...params: ParamArgs<C>) =>
    issues.push(issueOf(code, { file, line: point.line, column: point.column, value }, ...params));
  let tree: MdxNode;
  try {
    tree = parser.parse(source) as MdxNode;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    at({ line: e.line ?? 0, column: e.column ?? 0 }, undefined, 'LS-BUL-021', { reason: e.reason ?? e.message ?? 'MDX' });
    return;
  }
  /** The first line of a node's source, at most 40 characters, as the office wrote it. */
  const excerpt = (start?: number, end?: number) =>
    start === undefined ? undefined : source.slice(start, end ?? start + 40).split('\n')[0].slice(0, 40);
  const visit = (node: MdxNode): void => {
    const start = node.position?.start ?? { line: 0, column: 0 };
    switch (node.type) {
      case 'mdxjsEsm':
        for (const statement of node.data?.estree?.body ?? []) {
          const written = source.slice(statement.start, statement.end);
          if (statement.type === 'ImportDeclaration' && written === CHART_IMPORT_LINE) continue;
          const where = statement.loc ? { line: statement.loc.start.line, column: statement.loc.start.column + 1 } : start;
          const keyword = statement.type === 'ImportDeclaration' ? 'import' : 'export';
          at(where, written.split('\n')[0].slice(0, 60), 'LS-BUL-018', { keyword, allowed: CHART_IMPORT_LINE });
        }
        // An ESM block without a program (should not happen) is code nobody checked.
        if (!node.data?.estree) at(start, excerpt(start.offset), 'LS-BUL-018', { keyword: 'import', allowed: CHART_IMPORT_LINE });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // Comments only: the program has no statement. Anything else would be evaluated.
        if (!node.data?.estree || node.data.estree.body.length > 0) at(start, '{', 'LS-BUL-020', { char: '{' });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const tag = node.name ?? '';
        if (tag !== 'Chart') {
          // A tag the sanitiser drops (<script>) was reported at this place already.
          if (!reported.has(`${start.line}:${start.column}`))
            at(start, excerpt(start.offset, node.position?.end.offset), 'LS-BUL-019', { tag: tag || '<>' });
          break; // its children are still checked
        }
        checkChart(node, start, at);
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
}

/** `<Chart id="…" />`: exactly one attribute, `id`, a literal chart id; no spread, no expression, no children. */
function checkChart(
  node: MdxNode,
  start: Point,
  at: <C extends IssueCode>(point: Point, value: string | undefined, code: C, ...params: ParamArgs<C>) => void,
): void {
  const attributes = node.attributes ?? [];
  for (const a of attributes) {
    const where = a.position?.start ?? start;
    if (a.type !== 'mdxJsxAttribute') at(where, '{…}', 'LS-BUL-022', { attribute: '{…} 展开' });
    else if (a.name !== 'id') at(where, a.name, 'LS-BUL-022', { attribute: `属性 ${a.name ?? ''}` });
    else if (typeof a.value !== 'string') at(where, 'id', 'LS-BUL-022', { attribute: 'id={…} 表达式' });
    else if (!CHART_ID.test(a.value)) at(where, a.value, 'LS-BUL-022', { attribute: `图表编号“${a.value}”` });
  }
  if (!attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'id'))
    at(start, '<Chart', 'LS-BUL-022', { attribute: '缺少 id' });
  if ((node.children ?? []).length > 0) at(start, '<Chart', 'LS-BUL-022', { attribute: '标签内的内容' });
}
