/**
 * Progressive enhancement of <Chart> figures. Without JavaScript a figure shows its data table.
 * With it, chart.js (about 60 KB gzip, in chart-draw.ts) is fetched only when a figure comes
 * near the viewport, so pages whose charts are never scrolled to never load it.
 */
let drawing: Promise<typeof import('./chart-draw.ts')> | undefined;
const draw = (figure: HTMLElement) => {
  drawing ??= import('./chart-draw.ts');
  drawing.then((m) => m.enhance(figure)).catch((error) => console.error('chart.js failed to load:', error));
};

function copyButtons(root: ParentNode) {
  for (const area of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-copy]')) {
    if (area.dataset.copyReady) continue;
    area.dataset.copyReady = '1';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-copy';
    button.textContent = '复制';
    button.addEventListener('click', async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        button.textContent = '已复制';
      } catch {
        button.textContent = '请按 Ctrl+C 复制';
      }
      setTimeout(() => (button.textContent = '复制'), 2000);
    });
    area.after(button);
  }
}

function run() {
  copyButtons(document);
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart')];
  if (!('IntersectionObserver' in window)) {
    figures.forEach(draw);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: '300px 0px' },
  );
  figures.forEach((figure) => observer.observe(figure));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
