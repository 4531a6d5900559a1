// Reloads the page every three seconds while a background import it shows is running, so that its counts
// move; the page stops loading this script once nothing runs. Without it, the "Actualiser" link does the same.
(function () {
  'use strict';
  if (document.querySelector('[data-reload="true"]')) {
    setTimeout(function () { window.location.reload(); }, 3000);
  }
})();
