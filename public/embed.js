/*
 * 落实 embed helper for host pages. Include once, after (or before) your <iframe> snippets:
 *   <script src="https://<site>/embed.js" async></script>
 * Every iframe whose page posts { type: 'luoshi:height', id, height } gets that height, so
 * the embedded chart never shows a scroll bar. Matches the message to the iframe by its
 * window (event.source), so several embeds on one page each get their own height.
 */
(function () {
  if (window.__luoshiEmbed) return;
  window.__luoshiEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'luoshi:height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var h = Math.max(100, Math.min(5000, Math.ceil(data.height)));
        frames[i].style.height = h + 'px';
        frames[i].setAttribute('data-luoshi-height', String(h));
      }
    }
  });
  // Ask embeds that loaded before this script for their height.
  function ask() {
    var frames = document.querySelectorAll('iframe[data-luoshi-embed]');
    for (var i = 0; i < frames.length; i++) {
      try {
        frames[i].contentWindow.postMessage({ type: 'luoshi:height?' }, '*');
      } catch (e) {
        // A frame that is gone or not ours: nothing to ask.
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask);
  else ask();
})();
