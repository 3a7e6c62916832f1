/**
 * The lists' 完成率 column, enhanced (src/components/RateTools.astro, ItemTable.astro): the page's
 * controls sort every list by rate (lowest or highest first; items without a rate stay last; or
 * back to item order) and show only the items that reached their targets or only those behind
 * the expected line. One set of controls for the page, not a button in each header: on phones a
 * list's header row is hidden (stacked rows). Without JavaScript the column shows in item order
 * and the controls stay hidden. No imports: the rates and marks are in the cells (data-rate,
 * data-f), the words in the page.
 */
type Order = 'no' | 'ascending' | 'descending';

const originals = new Map<HTMLTableSectionElement, HTMLTableRowElement[]>();

function rateOf(row: HTMLTableRowElement): number | undefined {
  const v = row.querySelector<HTMLElement>('td.rate')?.dataset.rate;
  return v === undefined ? undefined : Number(v);
}

function sortAll(order: Order): void {
  for (const [body, original] of originals) {
    const rows =
      order === 'no'
        ? original
        : [...original].sort((a, b) => {
            const [x, y] = [rateOf(a), rateOf(b)];
            if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
            return order === 'ascending' ? x - y : y - x;
          });
    body.append(...rows);
    const th = body.parentElement?.querySelector('th.rate-h');
    if (order === 'no') th?.removeAttribute('aria-sort');
    else th?.setAttribute('aria-sort', order);
  }
}

/** Show only rows whose rate cell is marked `value` (all rows for ''); a list left empty is hidden. */
function filterAll(value: string): number {
  let shown = 0;
  for (const body of originals.keys()) {
    let visible = 0;
    for (const row of body.rows) {
      const keep = value === '' || row.querySelector<HTMLElement>('td.rate')?.dataset.f === value;
      row.hidden = !keep;
      if (keep) visible++;
    }
    shown += visible;
    const table = body.parentElement!;
    (table.closest<HTMLElement>('.table-scroll') ?? table).hidden = visible === 0;
  }
  return shown;
}

for (const table of document.querySelectorAll<HTMLTableElement>('table.items')) {
  const body = table.tBodies[0];
  if (body) originals.set(body, [...body.rows]);
}
for (const tools of document.querySelectorAll<HTMLElement>('.rate-tools')) {
  tools.hidden = false;
  const count = tools.querySelector<HTMLElement>('.rate-count')!;
  tools.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'rate-order') sortAll(input.value as Order);
    if (input.name === 'rate-filter') {
      const shown = filterAll(input.value);
      count.textContent = input.value === '' ? '' : (tools.dataset.count ?? '').replace('{n}', String(shown));
    }
  });
}
