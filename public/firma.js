// Small enhancements; every page works without this file.
(function () {
  'use strict';
  // After a refused submission, take the reader (and their screen reader) to what went wrong.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
  // Copy the petition link.
  document.querySelectorAll('button.copy-link').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy-target'));
    var status = button.parentElement && button.parentElement.querySelector('.copy-status');
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (status) status.textContent = button.getAttribute('data-copied') || '';
      });
    });
  });
  // Keep the count fresh while the page is open.
  var petition = document.querySelector('article.petition[data-slug]');
  var count = document.querySelector('.petition-status [data-count]');
  if (petition && count && window.fetch) {
    var slug = petition.getAttribute('data-slug');
    var lang = document.documentElement.lang;
    var plural = new Intl.PluralRules(lang);
    var template = count.textContent.replace(/[\d.,\s]+/, '{n} ');
    var refresh = function () {
      if (document.hidden) return;
      fetch('/p/' + slug + '.json', { headers: { Accept: 'application/json' } })
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (data) {
          if (!data || data.signature_count === Number(count.getAttribute('data-count'))) return;
          var n = data.signature_count;
          count.setAttribute('data-count', String(n));
          if (plural.select(n) === 'other') count.textContent = template.replace('{n}', n.toLocaleString(lang));
          var progress = document.querySelector('.petition-status progress');
          if (progress) {
            progress.max = data.next_goal;
            progress.value = Math.min(n, data.next_goal);
          }
        })
        .catch(function () {});
    };
    setInterval(refresh, 15000);
  }
})();
