/**
 * Reader: the tables of a .docx, from mammoth's HTML (mammoth keeps tables, merged cells as
 * rowspan/colspan).
 */
import type { Grid } from './grid.ts';

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x([0-9a-f]+)|#(\d+));/gi, (m, name: string, hex?: string, dec?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[name.toLowerCase()] ?? m),
  );
}

const stripTags = (s: string) =>
  decodeEntities(
    s
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  ).trim();

/** The tables of an HTML document (mammoth's output of a .docx): title = the last paragraph before each table. */
export function htmlGrids(html: string): Grid[] {
  const grids: Grid[] = [];
  const re = /<table[^>]*>([\s\S]*?)<\/table>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(html))) {
    n++;
    const before = html.slice(last, m.index);
    const paras = [...before.matchAll(/<(p|h\d)[^>]*>([\s\S]*?)<\/\1>/gi)].map((p) => stripTags(p[2])).filter(Boolean);
    last = m.index + m[0].length;
    const rows: Grid['rows'] = [];
    const spans: (number | undefined)[] = [];
    for (const [r, tr] of [...m[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].entries()) {
      const cells: string[] = [];
      let col = 0;
      const take = () => {
        while (spans[col] && spans[col]! > 0) {
          spans[col]!--;
          cells.push('');
          col++;
        }
      };
      for (const td of tr[1].matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
        take();
        const rowspan = Number(/rowspan="(\d+)"/.exec(td[2])?.[1] ?? 1);
        const colspan = Number(/colspan="(\d+)"/.exec(td[2])?.[1] ?? 1);
        cells.push(stripTags(td[3]));
        if (rowspan > 1) spans[col] = rowspan - 1;
        col++;
        for (let c = 1; c < colspan; c++) {
          cells.push('');
          col++;
        }
      }
      take();
      rows.push({ line: r + 1, cells });
    }
    grids.push({ source: `表${n}`, title: paras.at(-1) ?? '', rows });
  }
  return grids;
}
