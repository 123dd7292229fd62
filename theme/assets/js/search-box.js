// The header's search box: with JavaScript it searches on the language's search page;
// without it, the form's own action leads to the list of all topics.
(function () {
  var forms = document.querySelectorAll('form.header-search[data-search-url]');
  for (var i = 0; i < forms.length; i++) {
    forms[i].setAttribute('action', forms[i].getAttribute('data-search-url'));
  }
})();
