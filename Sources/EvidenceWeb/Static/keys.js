// Keyboard for the review screens: j/k next/previous, Enter open, c/d/a pick the decision.
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
  var at = -1;
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, j) { r.classList.toggle('selected', j === at); });
    rows[at].scrollIntoView({block: 'nearest'});
  }
  function follow(id) { var a = document.getElementById(id); if (a) window.location = a.href; }
  function pick(id, focus) {
    var r = document.getElementById(id); if (!r) return;
    r.checked = true;
    var f = document.getElementById(focus); if (f) f.focus();
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target.tagName;
    if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (rows.length) {
      if (e.key === 'j') { select(at + 1); e.preventDefault(); }
      else if (e.key === 'k') { select(at - 1); e.preventDefault(); }
      else if (e.key === 'Enter' && at >= 0) { rows[at].querySelector('a.open').click(); }
      return;
    }
    if (e.key === 'j') follow('next');
    else if (e.key === 'k') follow('previous');
    else if (e.key === 'c') { pick('action-confirm', 'save'); e.preventDefault(); }
    else if (e.key === 'd') { pick('action-dismiss', 'comment'); e.preventDefault(); }
    else if (e.key === 'a') { pick('action-answer', 'answer'); e.preventDefault(); }
  });
})();
