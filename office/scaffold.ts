/**
 * A new government's content folder (npm run new-site): site.json with labelled placeholders and
 * empty registries with the common collective references already listed. Only data: the office's
 * guide and the file formats belong to the code (docs/GUIDE.md, docs/FORMATS.md), so a fork's
 * content/ holds nothing that a later pull of this project's updates would have to change.
 * Pure: returns the files; scripts/new-site.ts writes them.
 */
import path from 'node:path';
import { writeCsv } from '../src/core/content/csv.ts';
import { FILES } from '../src/core/content/schema.ts';
import { PLACEHOLDER } from '../src/core/content/identity.ts';

/** Collective references common to district notices: kept as written, never split into units. */
export const COMMON_COLLECTIVES: [string, string][] = [
  ['各街道办事处', '辖区内各街道办事处'],
  ['相关街道办事处', '与该事项有关的街道办事处，通知未逐一列名'],
  ['各相关街道办事处', '与该事项有关的各街道办事处，通知未逐一列名'],
  ['涉农街道办事处', '辖区内有农村、承担涉农工作的街道办事处'],
  ['区政府各责任部门', '对该事项负有职责的区政府各部门'],
  ['区政府有关部门', '与该事项有关的区政府部门'],
  ['区直有关部门', '与该事项有关的区直部门'],
  ['各责任单位', '该事项的各责任单位'],
];

const header = (kind: keyof typeof FILES) => writeCsv(Object.keys(FILES[kind].columns), []).text;

/** The names a site.json states; each one left out is a labelled placeholder (待填写：…). */
export interface SiteNames {
  publisher?: string;
  office?: string;
  district?: string;
  title?: string;
  sponsor?: string;
  operator?: string;
  /** The data licence's text (the licence itself is CC BY 4.0). */
  licenceText?: string;
  /** Where 我要留言/纠错 on an item page leads ({number}, {title} are filled in); none if left out. */
  feedback?: string;
}

/**
 * A demo site.json (identity.demo true): the names given, every other field a labelled
 * placeholder, which only a demo site may keep. The one builder of a placeholder site: the new
 * site's scaffold, the benchmark's synthetic content and the tests' fixture all use it.
 */
export function placeholderSite(names: SiteNames = {}): Record<string, unknown> {
  const p = (what: string) => `${PLACEHOLDER}：${what}`;
  return {
    publisher: names.publisher ?? p('发布机构，如 某某区人民政府办公室'),
    office: names.office ?? p('督查部门，如 区政府办公室督查室'),
    district: names.district ?? p('地区名称，如 某某市某某区'),
    title: names.title ?? p('站点名称，如 某某区政府工作报告任务落实公开'),
    ...(names.feedback === undefined ? {} : { feedback: names.feedback }),
    identity: {
      demo: true,
      sponsor: names.sponsor ?? p('主办单位'),
      operator: names.operator ?? p('承办单位'),
      phone: p('联系电话'),
      email: p('联系邮箱'),
      address: p('联系地址'),
      site_code: p('网站标识码（10 位数字）'),
      icp: p('ICP备案号，如 鲁ICP备12345678号'),
      police: p('公安机关备案号，如 鲁公网安备 37010302000001号'),
      badge: p('党政机关网站标识图片，如 identity/dzjg.png'),
      licence: {
        name: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
        url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
        text:
          names.licenceText ??
          '本站公开的数据可自由复制、分发、改编和用于任何目的（包括商业目的），但须注明来源（发布机构名称及本站网址）。数据按现状提供，以发布机构的正式文件为准。',
      },
    },
  };
}

/**
 * The "$schema" of a content file in the folder `fileDir`: the path from there to this project's
 * schemas/<kind>.schema.json (npm run schemas), so an editor checks the file as the office types.
 */
export function schemaReference(fileDir: string, kind: 'site' | 'manifest'): string {
  const schema = path.join(import.meta.dirname, '..', 'schemas', `${kind}.schema.json`);
  return path.relative(fileDir, schema).split(path.sep).join('/');
}

/** The files of a new content folder at `dir` (its site.json names its schema relative to `dir`). */
export function scaffoldFiles(dir: string): Map<string, string> {
  const site = {
    $schema: schemaReference(dir, 'site'),
    ...placeholderSite({ feedback: 'mailto:feedback@example.org?subject=留言纠错：{number}' }),
  };
  return new Map([
    ['site.json', `${JSON.stringify(site, null, 2)}\n`],
    ['units.csv', header('units')],
    ['leaders.csv', header('leaders')],
    [
      'collectives.csv',
      writeCsv(
        Object.keys(FILES.collectives.columns),
        COMMON_COLLECTIVES.map(([name, meaning]) => ({ name, meaning })),
      ).text,
    ],
    // Office-written bulletins (Markdown/MDX) go here; every .md in it is published, so no README.
    ['bulletins/.gitkeep', ''],
  ]);
}
