// A translation's sections have the same ids as its original's, so the language switcher
// takes the reader to the same section in the other language: each link to a translation
// carries the current fragment. Without JavaScript the links go to the top of the page.
(function () {
  var links = document.querySelectorAll('.language-switcher li[data-same-sections] > a');
  function carry() {
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.hash = window.location.hash;
      links[i].href = url.href;
    }
  }
  carry();
  window.addEventListener('hashchange', carry);
})();
