// Adds a "copy" button after every element marked data-copy (a read-only field or a link): one press puts its
// value (or its address) on the clipboard and says so in a live region. The words come from the element's
// data-copy-label and data-copied attributes, in the page's language. Without this script, or without a
// clipboard (plain HTTP), nothing is added: the text stays there to select by hand.
(function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll('[data-copy]').forEach(function (source) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button copy';
    button.textContent = source.dataset.copyLabel || 'Copier';
    var status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      var text = source.value !== undefined && source.tagName !== 'A' ? source.value : source.href;
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = source.dataset.copied || '';
      });
    });
    source.insertAdjacentElement('afterend', status);
    source.insertAdjacentElement('afterend', button);
  });
})();
