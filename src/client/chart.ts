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

/**
 * On a phone opened at the top of a page, charts wait for the reader to scroll (or touch, or
 * press a key): a reader who only looks at the first screen never pays for chart.js (60 KB and
 * a few hundred ms of a slow phone's CPU) and sees the chart's data table instead. Wide screens,
 * embeds (the chart is the page) and pages opened further down draw as soon as a figure nears.
 */
function start() {
  const waitForReader =
    matchMedia('(max-width: 37.5rem)').matches &&
    window.scrollY === 0 &&
    !location.hash &&
    !document.querySelector('figure.chart--embed');
  if (!waitForReader) return run();
  const events = ['scroll', 'pointerdown', 'keydown', 'touchstart'] as const;
  const go = () => {
    for (const e of events) window.removeEventListener(e, go);
    run();
  };
  for (const e of events) window.addEventListener(e, go, { passive: true, once: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
