// The root page lists every language; readers with JavaScript go straight to the first
// language their browser prefers that the site has. Without JavaScript the links remain.
(function () {
  var links = document.querySelectorAll('.chooser-languages a[hreflang]');
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (var i = 0; i < preferred.length; i++) {
    var wanted = String(preferred[i]).toLowerCase().split('-')[0];
    for (var j = 0; j < links.length; j++) {
      if (links[j].getAttribute('hreflang').toLowerCase() === wanted) {
        window.location.replace(links[j].href);
        return;
      }
    }
  }
})();
