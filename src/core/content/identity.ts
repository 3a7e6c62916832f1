/**
 * The identity a Chinese government website shows in every page's footer (site.json
 * `identity`): 主办单位, 承办单位, contact, 网站标识码, ICP备案号, 公安机关备案号, the
 * 党政机关网站标识 and the data licence. Every field is checked here with a Chinese message
 * naming it. A sample/demo site (`demo: true`) may leave fields as labelled placeholders
 * (values starting with 待填写), which the site shows as such; a real site may not.
 */
import { z } from 'zod';
import { type IssueCode } from '../errors/catalogue.ts';
import { zodMessage } from '../errors/zod-messages.ts';
import type { Identity } from '../model/types.ts';

/** A value starting with this is a labelled placeholder (allowed only on a demo site). */
export const PLACEHOLDER = '待填写';

export function isPlaceholder(value: string | undefined): boolean {
  return typeof value === 'string' && value.startsWith(PLACEHOLDER);
}

/** The filing system an ICP备案号 links to. */
export const ICP_URL = 'https://beian.miit.gov.cn/';

/** The public-security filing system: a 公安机关备案号 links to its record there. */
export function policeFilingUrl(filing: string): string {
  const code = filing.match(/\d{14}/)?.[0] ?? '';
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}

/** What is wrong with a value: the catalogue code of the message, or undefined when it is fine. */
type Check = (v: string) => IssueCode | undefined;
const nonEmpty: Check = (v) => (v.trim() === '' ? 'LS-SITE-049' : v !== v.trim() ? 'LS-SITE-050' : undefined);
const pattern =
  (re: RegExp, why: IssueCode): Check =>
  (v) =>
    nonEmpty(v) ?? (re.test(v) ? undefined : why);
const httpUrl: Check = (v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? undefined : 'LS-SITE-057';
  } catch {
    return 'LS-SITE-057';
  }
};

/** Every identity field: its label, its check, and an example for the message. */
export const IDENTITY_FIELDS = {
  sponsor: { label: '主办单位', check: nonEmpty, example: '济南市市中区人民政府办公室' },
  operator: { label: '承办单位', check: nonEmpty, example: '济南市市中区人民政府办公室督查室' },
  phone: {
    label: '联系电话',
    check: pattern(/^(\+?\d[\d-]{5,}\d)(、\+?\d[\d-]{5,}\d)*$/, 'LS-SITE-051'),
    example: '0531-86000000',
  },
  email: { label: '联系邮箱', check: pattern(/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/, 'LS-SITE-052'), example: 'dcs@example.gov.cn' },
  address: { label: '联系地址', check: nonEmpty, example: '济南市市中区××路×号' },
  site_code: { label: '网站标识码', check: pattern(/^\d{10}$/, 'LS-SITE-053'), example: '3701030001' },
  icp: {
    label: 'ICP备案号',
    check: pattern(/^[\u4e00-\u9fff]ICP备\d{6,10}号(-\d{1,3})?$/, 'LS-SITE-054'),
    example: '鲁ICP备12345678号',
  },
  police: {
    label: '公安机关备案号',
    check: pattern(/^[\u4e00-\u9fff]公网安备 ?\d{14}号$/, 'LS-SITE-055'),
    example: '鲁公网安备 37010302000001号',
  },
  badge: {
    label: '党政机关网站标识',
    check: pattern(/^[\w-]+(\/[\w-]+)*\.(png|svg|gif|jpg)$/, 'LS-SITE-056'),
    example: 'identity/dzjg.png',
  },
  badge_link: { label: '党政机关网站标识链接', check: httpUrl, example: 'https://bszs.conac.cn/sitename?method=show&id=…' },
} as const satisfies Record<string, { label: string; check: Check; example: string }>;

export type IdentityField = keyof typeof IDENTITY_FIELDS;

export const LICENCE_FIELDS = {
  name: { label: '数据许可名称', check: nonEmpty },
  url: { label: '数据许可网址', check: httpUrl },
  text: { label: '数据许可说明', check: nonEmpty },
} as const;

const text = (label: string, field: string) =>
  z.string({ error: (iss) => zodMessage(iss.input === undefined ? 'LS-SITE-044' : 'LS-SITE-045', { label, field }) });

export const identitySchema: z.ZodType<Identity> = z
  .object(
    {
      demo: z.boolean({ error: (iss) => zodMessage(iss.input === undefined ? 'LS-SITE-042' : 'LS-SITE-043') }),
      ...(Object.fromEntries(
        Object.entries(IDENTITY_FIELDS).map(([f, s]) => [
          f,
          f === 'badge_link' ? text(s.label, `identity.${f}`).optional() : text(s.label, `identity.${f}`),
        ]),
      ) as Record<IdentityField, z.ZodString>),
      licence: z.object(
        Object.fromEntries(Object.entries(LICENCE_FIELDS).map(([f, s]) => [f, text(s.label, `identity.licence.${f}`)])) as Record<
          keyof typeof LICENCE_FIELDS,
          z.ZodString
        >,
        { error: (iss) => zodMessage(iss.input === undefined ? 'LS-SITE-046' : 'LS-SITE-047') },
      ),
    },
    { error: (iss) => zodMessage(iss.input === undefined ? 'LS-SITE-040' : 'LS-SITE-041') },
  )
  .superRefine((v, ctx) => {
    const checkOne = (path: string[], label: string, value: string | undefined, check: Check, example?: string) => {
      if (value === undefined) return;
      const params = { label, field: `identity.${path.join('.')}`, asIn: example ? `，如 ${example}` : '' };
      if (isPlaceholder(value)) {
        if (!v.demo) ctx.addIssue({ code: 'custom', path, message: zodMessage('LS-SITE-048', params) });
        return;
      }
      const why = check(value);
      // Every check's code takes the same three parameters ({label}, {field}, {asIn}).
      if (why) ctx.addIssue({ code: 'custom', path, message: zodMessage(why as 'LS-SITE-049', params) });
    };
    for (const [f, s] of Object.entries(IDENTITY_FIELDS))
      checkOne([f], s.label, (v as unknown as Record<string, string | undefined>)[f], s.check, s.example);
    for (const [f, s] of Object.entries(LICENCE_FIELDS))
      checkOne(['licence', f], s.label, (v.licence as Record<string, string>)[f], s.check);
  });

