/**
 * Checks of one cell's text, whatever its column means: ideographic and stray spaces,
 * full-width letters in codes, control characters, invisible characters and look-alikes in
 * names. A name with any of these looks right and is a different name, so each is reported
 * with the name as it was meant.
 */
import { issueOf } from '../errors/catalogue.ts';
import type { DataIssue, IssueLocation } from '../errors/issues.ts';
import type { Scope } from './scope.ts';
import type { FileKind } from './schema.ts';

const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/;
const CODE_FIELDS = new Set(['id', 'no', 'item', 'month', 'filed', 'section', 'category', 'task']);

/**
 * Characters that show nothing (zero-width spaces and joiners, direction marks, soft hyphens,
 * variation selectors, a BOM inside the text): a name containing one looks identical to the
 * real name but is a different name.
 */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- the class lists combining marks and variation selectors one by one: finding them is the point
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|[\u{E0000}-\u{E0FFF}]/gu;

/** Columns holding ids and names (of units, leaders, collectives), and the names that refer to them. */
const NAME_FIELDS: Partial<Record<FileKind, string[]>> = {
  units: ['id', 'name', 'full_name', 'aliases'],
  leaders: ['id', 'name', 'title'],
  collectives: ['name'],
  tasks: ['leaders', 'units', 'lead_units'],
  projects: ['leaders', 'units', 'lead_units'],
  plans: ['unit'],
  reports: ['unit'],
  withdrawals: ['item'],
};

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Characters that NFKC folds into an ordinary one (Kangxi radicals such as ⼯ U+2F2F for 工,
 * compatibility ideographs, circled or styled letters), except full-width ASCII and the
 * ideographic space, which have messages of their own and belong in Chinese names （like these）.
 */
function lookAlikes(value: string): { char: string; real: string }[] {
  const found: { char: string; real: string }[] = [];
  for (const char of value) {
    if (/[\uFF01-\uFF5E\u3000]/.test(char)) continue;
    const real = char.normalize('NFKC');
    if (real !== char) found.push({ char, real });
  }
  return found;
}

/** The name as it was meant: invisible characters dropped, look-alikes replaced. */
export function realName(value: string): string {
  let out = '';
  for (const char of value.replace(INVISIBLE, '')) out += /[\uFF01-\uFF5E\u3000]/.test(char) ? char : char.normalize('NFKC');
  return out;
}

export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Reports every problem of one cell's text into `scope` (its row's); returns whether there was
 * one, so that the row's schema check does not say the same cell is wrong again. (A scope per
 * cell would say the same, at the cost of 640k objects on the large benchmark.)
 */
export function checkCell(scope: Scope, kind: FileKind, at: IssueLocation & { field: string; value: string }): boolean {
  const { field, value } = at;
  let found = false;
  const report = (issue: DataIssue) => {
    found = true;
    scope.issue(issue);
  };
  if (value.includes('\u3000')) {
    report(issueOf('LS-FLD-001', at));
  } else if (value !== value.trim()) {
    report(issueOf('LS-FLD-002', at));
  }
  if (CODE_FIELDS.has(field) && FULLWIDTH_ASCII.test(value)) {
    report(issueOf('LS-FLD-003', at, { fixed: toHalfWidth(value) }));
  }
  // eslint-disable-next-line no-control-regex -- detecting control characters in a cell is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) {
    report(issueOf('LS-FLD-004', at));
  }
  const invisible = [...new Set(value.match(INVISIBLE) ?? [])];
  if (invisible.length > 0) {
    report(issueOf('LS-FLD-005', at, { chars: invisible.map(codePoint).join('、'), real: realName(value) }));
  }
  const alike = NAME_FIELDS[kind]?.includes(field) ? lookAlikes(value) : [];
  if (alike.length > 0) {
    report(
      issueOf('LS-FLD-006', at, {
        chars: alike.map((a) => `「${a.char}」（${codePoint(a.char)}，应为「${a.real}」）`).join('、'),
        real: realName(value),
      }),
    );
  }
  return found;
}
