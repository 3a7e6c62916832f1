/**
 * npm run new-site -- DIR
 * Scaffolds a content folder for another government: site.json with labelled placeholders,
 * empty registries (the common collective references already listed). Data only: the guide and the
 * file formats stay in docs/ with the code. Writes nothing into a folder that already has files.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scaffoldFiles } from '../office/scaffold.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli } from './lib/cli.ts';

const USAGE = `用法：npm run new-site -- 目录
为另一个地区（政府）新建内容目录：site.json（网站信息，均为“待填写”占位）、空的责任单位和牵头领导名录、
常见统称（各街道办事处、相关街道办事处等）。文件格式见 docs/FORMATS.md，工作指南见 docs/GUIDE.md。
目录须不存在或为空（用本项目作模板时，先删除自带的 content/，再运行 npm run new-site -- content）。
之后：填写 site.json，用 npm run import-notice 从通知导入年度任务，再 npm run validate。`;

const { positionals } = cli(USAGE, {}, { positionals: true });
if (positionals.length !== 1) throw coded(UsageError, 'LS-CLI-013');
const dir = path.resolve(positionals[0]);
if (existsSync(dir) && readdirSync(dir).length > 0) throw coded(LuoshiError, 'LS-CLI-021', { dir });

const files = scaffoldFiles(dir);
for (const [name, text] of files) {
  const abs = path.join(dir, name);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}
console.log(`已新建内容目录 ${dir}：${[...files.keys()].filter((f) => !f.endsWith('.gitkeep')).join('、')}`);
console.log('下一步：');
console.log(`  1. 填写 ${path.join(dir, 'site.json')} 中标有“待填写”的各项（正式上线前把 identity.demo 改为 false）；`);
console.log(`  2. npm run import-notice -- 通知文件 --year 年度 --content ${positionals[0]}`);
console.log(`  3. npm run validate -- --content ${positionals[0]}`);
console.log(`  4. LUOSHI_CONTENT=${positionals[0]} npm run build`);
