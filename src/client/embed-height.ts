/**
 * Runs on /embed/<id>/ pages: tells the host page how tall the embed is, so public/embed.js
 * (loaded by the host) can size the <iframe>. Posts { type: 'luoshi:height', id, height } to
 * window.parent on load and whenever the content's size changes.
 */
const id = document.documentElement.dataset.chartId ?? '';
let last = 0;

function post() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'luoshi:height', id, height }, '*');
}

new ResizeObserver(post).observe(document.documentElement);
window.addEventListener('load', post);
window.addEventListener('resize', post);
// The host's listener may load after us (async script): answer its request.
window.addEventListener('message', (event) => {
  if (event.source === window.parent && event.data?.type === 'luoshi:height?') {
    last = 0;
    post();
  }
});
post();
