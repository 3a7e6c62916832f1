/**
 * Published reports may leave the record only by an explicit withdrawal (withdrawals.csv):
 * every monthly report in the last commit (or another git revision) of the content folder must
 * still be there, or be withdrawn. An emptied or deleted month file is then an error that names
 * each lost report, never a silent "未报送" for every item.
 *
 * Outside a git work tree (a tarball, a test folder) there is nothing to compare with, and the
 * check says so instead of passing silently.
 */
import path from 'node:path';
import { decodeUtf8, parseCsvText } from './csv.ts';
import { runGit } from './git.ts';
import { issueOf } from '../errors/catalogue.ts';
import type { DataIssue } from '../errors/issues.ts';
import type { Dataset } from '../model/types.ts';

export type RemovedCheck = { checked: true; ref: string; issues: DataIssue[] } | { checked: false; reason: string };


/** Blobs `<commit>:./<path>` read in one git process (paths relative to cwd). */
function blobs(cwd: string, specs: string[]): Buffer[] {
  if (specs.length === 0) return [];
  const buf = runGit(cwd, ['cat-file', '--batch'], `${specs.join('\n')}\n`);
  const out: Buffer[] = [];
  let p = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(0x0a, p);
    const header = buf.subarray(p, nl).toString('utf8');
    p = nl + 1;
    if (/ (missing|ambiguous)$/.test(header)) {
      out.push(Buffer.alloc(0));
      continue;
    }
    const size = Number(header.split(' ')[2]);
    out.push(buf.subarray(p, p + size));
    p += size + 1;
  }
  return out;
}

/** Reports at `ref` that are neither in `dataset` nor withdrawn. `root` is the content folder. */
export function removedReports(root: string, dataset: Dataset, ref = 'HEAD'): RemovedCheck {
  let commit: string;
  try {
    commit = runGit(root, ['rev-parse', '--short', '--verify', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    return { checked: false, reason: `不在 git 代码库中，或没有提交 ${ref}：无法检查已发布的月报是否被删除` };
  }
  let listed: string[];
  try {
    listed = runGit(root, ['ls-tree', '-r', '--name-only', commit, '--', '.']).toString('utf8').split('\n').filter(Boolean);
  } catch {
    return { checked: false, reason: `无法读取提交 ${ref} 的内容目录` };
  }
  const present = new Set<string>();
  for (const y of dataset.years) {
    for (const r of y.reports) present.add(`${r.item}@${r.month}`);
    for (const w of y.withdrawals) present.add(`${w.item}@${w.month}`);
  }
  const base = path.dirname(path.resolve(root));
  const display = (rel: string) => path.relative(base, path.join(root, rel)).split(path.sep).join('/');
  const issues: DataIssue[] = [];
  const reportFiles = listed.filter((rel) => /^\d{4}\/reports\/\d{4}-\d{2}\.csv$/.test(rel));
  const contents = blobs(
    root,
    reportFiles.map((rel) => `${commit}:./${rel}`),
  );
  for (const [i, rel] of reportFiles.entries()) {
    const year = rel.slice(0, 4);
    const decoded = decodeUtf8(contents[i], rel);
    if (!decoded.ok) continue;
    const table = parseCsvText(decoded.bytes, rel, []);
    for (const r of table.records) {
      const { item, month } = r.values;
      if (!item || !month || present.has(`${item}@${month}`)) continue;
      present.add(`${item}@${month}`);
      issues.push(
        issueOf(
          'LS-WDR-006',
          { file: display(rel), line: 0, field: 'item', value: item },
          { item, month, commit, line: r.line, file: display(rel), withdrawals: display(`${year}/withdrawals.csv`) },
        ),
      );
    }
  }
  return { checked: true, ref, issues };
}
