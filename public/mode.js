/* 适老模式: ?elder=1 turns it on, ?elder=0 off; remembered in localStorage. External file for the CSP. */
(function () {
  var d = document.documentElement, k = 'luoshi-elder', m = /[?&]elder=([01])/.exec(location.search), v = m && m[1];
  try {
    if (v) localStorage.setItem(k, v);
    else v = localStorage.getItem(k);
  } catch (e) {
    // Storage blocked (private mode, strict settings): the mode is just not remembered.
  }
  if (v === '1') d.classList.add('elder');
  // Scripts run: pages can lay out their scripted parts from the first paint (no shift).
  d.classList.add('js');
})();
