// Preview only (never in build output): reloads the page when a build finishes after the
// one it was served from. A file, not an inline script, so the theme's
// Content-Security-Policy (script-src 'self') lets it run. The server writes the events
// address (with the page's build version) into the script tag's data-events.
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.events || !window.EventSource)
    return;
  var events = new EventSource(script.dataset.events);
  events.addEventListener('reload', function () {
    events.close();
    location.reload();
  });
})();
