// The petition editor shows only the chosen languages' fields. The form works without this file:
// then every language's fields show, each saying it is used only when its language is chosen.
(function () {
  'use strict';
  var form = document.querySelector('form.petition-editor');
  if (!form) return;
  var radios = form.querySelectorAll('input[name="languages"]');
  function showChosenLanguages() {
    var checked = form.querySelector('input[name="languages"]:checked');
    var locales = (checked ? checked.value : 'en').split('+');
    form.querySelectorAll('[data-locale]').forEach(function (el) {
      el.hidden = locales.indexOf(el.getAttribute('data-locale')) === -1;
    });
    form.querySelectorAll('.unused-hint').forEach(function (el) {
      el.hidden = true;
    });
  }
  radios.forEach(function (radio) {
    radio.addEventListener('change', showChosenLanguages);
  });
  showChosenLanguages();
})();
