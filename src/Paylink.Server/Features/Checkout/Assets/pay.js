// Improves the payment page when JavaScript runs; the page works fully without it.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var form = document.querySelector('form[data-currency]');
  if (!form) { return; }
  var currency = JSON.parse(form.getAttribute('data-currency'));
  var template = form.getAttribute('data-submit-template') || '';
  var submit = form.querySelector('[data-submit]');

  function format(minor) {
    var major = minor / Math.pow(10, currency.decimals);
    return currency.symbol + major.toLocaleString('en-US', { minimumFractionDigits: currency.decimals, maximumFractionDigits: currency.decimals });
  }

  function parseAmount(text) {
    var match = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(text || '');
    if (!match) { return null; }
    var fraction = (match[2] || '');
    if (fraction.length > currency.decimals) { return null; }
    while (fraction.length < currency.decimals) { fraction += '0'; }
    return parseInt(match[1] + fraction, 10);
  }

  // Live totals: the server recomputes everything on submit; this only previews it.
  function recompute() {
    var lines = document.querySelectorAll('.line');
    var total = 0;
    lines.forEach(function (line, i) {
      var unit = parseInt(line.getAttribute('data-unit'), 10);
      var amount = form.querySelector('[data-role=amount][data-index="' + i + '"]');
      if (amount) { var parsed = parseAmount(amount.value); if (parsed !== null) { unit = parsed; } }
      var quantityInput = form.querySelector('[data-role=quantity][data-index="' + i + '"]');
      var quantityText = line.querySelector('.qty');
      var quantity = quantityInput ? parseInt(quantityInput.value, 10) : parseInt((quantityText && quantityText.textContent.split(':').pop()) || '1', 10);
      if (isNaN(quantity) || quantity < 0) { quantity = 0; }
      var lineTotal = unit * quantity;
      total += lineTotal;
      var cell = line.querySelector('[data-line-total]');
      if (cell) { cell.textContent = format(lineTotal); }
    });
    var subtotal = document.querySelector('[data-subtotal]');
    if (subtotal) { subtotal.textContent = format(total); }
    if (!document.querySelector('[data-discount]')) {
      var grand = document.querySelector('[data-total]');
      if (grand) { grand.textContent = format(total); }
      if (submit && template.indexOf('{0}') >= 0) { submit.textContent = template.replace('{0}', format(total)); }
    }
  }

  form.addEventListener('input', function (event) {
    var role = event.target.getAttribute('data-role');
    if (role === 'quantity' || role === 'amount') { recompute(); }
  });

  // Coming back to the page (back button) makes the form usable again.
  window.addEventListener('pageshow', function () {
    form.removeAttribute('data-sent');
    if (submit) { submit.disabled = false; }
  });

  // One click, one submit: the server also refuses to charge a session twice.
  form.addEventListener('submit', function (event) {
    if (form.getAttribute('data-sent') === '1') { event.preventDefault(); return; }
    var button = event.submitter;
    if (button && button.value === 'pay') {
      form.setAttribute('data-sent', '1');
      window.setTimeout(function () { button.disabled = true; }, 0);
    }
  });
})();
