// Suggestions as you type, for inputs with data-suggest (the search box, the territory picker). Optional: without
// JavaScript the forms work the same, the server resolves what was typed.
(function () {
  'use strict';
  function label(item) {
    return item.label || item.name;
  }
  function detail(item) {
    return item.context || (item.level ? item.level : '');
  }
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer;
    var asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2 || text === asked) {
        return;
      }
      timer = setTimeout(function () {
        asked = text;
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (item) {
              var option = document.createElement('option');
              // A box that takes codes (the perimeter's) gets the name with its code: one territory, never a homonym.
              option.value = input.hasAttribute('data-suggest-code') && item.code ? label(item) + ' (' + item.code + ')' : label(item);
              option.label = detail(item);
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 150);
    });
  });
})();
