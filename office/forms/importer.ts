/**
 * Importing filled forms into a content folder, all or nothing: the file-system glue around
 * the core's import logic (office/forms/form-import.ts).
 * 1. read every file (.xlsx; .csv in UTF-8, UTF-8 with BOM or GBK/GB18030: xlsx.ts) and hand
 *    the grids to the core, which parses and merges them into the content tables;
 * 2. write the merged tables into a temporary copy of the content folder and load that copy with
 *    the core (loadContent), so every rule the site enforces is enforced here;
 * 3. only if nothing is wrong anywhere, write the changed files into the content folder, each
 *    through a temporary file and a rename.
 * Problems are reported against the form's file, row and column.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  failedImport,
  finishImport,
  locateIssues,
  mergeTargets,
  mergedFiles,
  setDataDate,
  startImport,
  type FormRead,
  type ImportOutcome,
} from './form-import.ts';
import { issueOf } from '../../src/core/errors/catalogue.ts';
import { catalogueText } from '../../src/core/errors/errors.ts';
import { formatFormError } from './form-read.ts';
import { formatIssues, loadContent } from '../../src/core/content/load.ts';
import { readGrid, readProblems } from './xlsx.ts';

export interface ImportOptions {
  content: string;
  replace?: boolean;
  dryRun?: boolean;
  /** Set manifest.json data_date of the years imported into. */
  dataDate?: string;
  today: string;
}

/** Directories stand for the .xlsx and .csv files in them (Excel's ~$ lock files skipped). */
export function expandInputs(inputs: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) {
      errors.push(formatFormError(issueOf('LS-FORM-026', { file: input, row: 0 })));
      continue;
    }
    if (statSync(input).isDirectory()) {
      const found = readdirSync(input)
        .filter((n) => /\.(xlsx|csv)$/i.test(n) && !n.startsWith('~$'))
        .sort()
        .map((n) => path.join(input, n));
      if (found.length === 0) errors.push(formatFormError(issueOf('LS-FORM-027', { file: input, row: 0 })));
      files.push(...found);
    } else files.push(input);
  }
  return { files, errors };
}

function atomicWrite(abs: string, text: string): void {
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, abs);
}

export async function runImport(inputs: string[], options: ImportOptions): Promise<ImportOutcome> {
  const root = path.resolve(options.content);
  const { files, errors: inputErrors } = expandInputs(inputs);
  const existing = loadContent(root, { today: options.today });
  if (existing.issues.length > 0 || !existing.dataset) {
    return failedImport([...inputErrors, catalogueText('LS-CLI-020', { issues: `\n${formatIssues(existing.issues)}` })]);
  }

  // 1. Read every file; the core parses the grids and merges the rows.
  const reads: FormRead[] = [];
  for (const file of files) {
    const read = await readGrid(file);
    reads.push({
      file,
      grid: read.grid,
      sheet: read.sheet,
      encoding: read.encoding,
      failure: read.failure,
      problems: read.grid ? readProblems(file, read) : [],
    });
  }
  const batch = startImport(existing.dataset, reads, inputErrors);
  mergeTargets(
    batch,
    (rel) => (existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel)) : undefined),
    options.replace ?? false,
  );

  // 2. Validate the merged content with the core, in a temporary copy.
  const tmpBase = mkdtempSync(path.join(tmpdir(), 'luoshi-import-'));
  const tmpRoot = path.join(tmpBase, path.basename(root));
  let manifests = new Map<string, string>();
  try {
    cpSync(root, tmpRoot, { recursive: true, filter: (src) => !src.startsWith(path.join(root, 'bulletins')) });
    for (const { rel, text } of mergedFiles(batch)) {
      mkdirSync(path.dirname(path.join(tmpRoot, rel)), { recursive: true });
      writeFileSync(path.join(tmpRoot, rel), text);
    }
    if (options.dataDate) {
      manifests = setDataDate(batch, (year) => readFileSync(path.join(root, `${year}/manifest.json`), 'utf8'), options.dataDate);
      for (const [rel, text] of manifests) writeFileSync(path.join(tmpRoot, rel), text);
    }
    locateIssues(batch, loadContent(tmpRoot, { today: options.today }).issues, path.basename(root), root);
  } finally {
    rmSync(tmpBase, { recursive: true, force: true });
  }

  const outcome = finishImport(batch);
  if (!outcome.ok || options.dryRun) return outcome;

  // 3. Write: each changed file through a temporary file and a rename.
  for (const [rel, text] of [...mergedFiles(batch).map((f) => [f.rel, f.text] as const), ...manifests]) {
    atomicWrite(path.join(root, rel), text);
    outcome.written.push(rel);
  }
  return outcome;
}

export type { ImportOutcome };
