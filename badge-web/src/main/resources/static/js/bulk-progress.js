// Follows a bulk award job: asks its progress every two seconds, updates the bar and its text, and reloads
// the page (which then shows the report) once the job is done. Without this script, a reload does the same.
(function () {
  'use strict';
  var bar = document.getElementById('bulk-progress');
  var text = document.getElementById('bulk-progress-text');
  if (!bar || !text || !bar.dataset.progressUrl) {
    return;
  }
  function poll() {
    fetch(bar.dataset.progressUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) {
          setTimeout(poll, 5000);
          return;
        }
        bar.max = progress.total;
        bar.value = progress.done;
        text.textContent = progress.text;
        if (progress.finished) {
          window.location.reload();
        } else {
          setTimeout(poll, 2000);
        }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
