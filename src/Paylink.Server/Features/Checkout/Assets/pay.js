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

  // Promotion codes: the server computes the discount (a same-origin JSON preview of the form, without
  // the card fields); if the preview cannot be had, the Apply button posts the form as it would without a script.
  var promoInput = form.querySelector('[data-role=promo]');
  var applyButton = form.querySelector('[data-apply]');
  var previewSequence = 0;
  var bypassPreview = false;
  var quantityTimer = null;

  function previewBody() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf('card_') !== 0 && typeof value === 'string') { data.append(name, value); }
    });
    data.set('action', 'apply');
    return data;
  }

  function showPreview(answer) {
    var cells = document.querySelectorAll('.line [data-line-total]');
    answer.lines.forEach(function (text, i) { if (cells[i]) { cells[i].textContent = text; } });
    var subtotal = document.querySelector('[data-subtotal]');
    if (subtotal) { subtotal.textContent = answer.subtotal; }
    var row = document.querySelector('[data-discount-row]');
    if (answer.discount) {
      if (!row) {
        row = document.createElement('div');
        row.setAttribute('data-discount-row', '');
        row.appendChild(document.createElement('dt')).setAttribute('data-discount-label', '');
        row.appendChild(document.createElement('dd')).setAttribute('data-discount', '');
        var grand = document.querySelector('.totals .grand');
        grand.parentNode.insertBefore(row, grand);
      }
      row.querySelector('[data-discount-label]').textContent = answer.discount_label;
      row.querySelector('[data-discount]').textContent = answer.discount;
    } else if (row) {
      row.parentNode.removeChild(row);
    }
    var grandTotal = document.querySelector('[data-total]');
    if (grandTotal) { grandTotal.textContent = answer.total; }
    if (submit) { submit.textContent = answer.submit; }
    var card = form.querySelector('fieldset.card');
    if (card) { card.hidden = answer.total_minor === 0; }
    if (promoInput) {
      var status = form.querySelector('[data-promo-status]');
      var box = form.querySelector('[data-promo]');
      status.textContent = answer.promo_error || answer.promo_note || '';
      status.className = answer.promo_error ? 'error' : 'hint';
      box.classList.toggle('invalid', !!answer.promo_error);
      if (answer.promo_error) { promoInput.setAttribute('aria-invalid', 'true'); } else { promoInput.removeAttribute('aria-invalid'); }
    }
  }

  function preview(fallback) {
    var mine = ++previewSequence;
    var target = form.getAttribute('action') + '/preview';
    return window.fetch(target, { method: 'POST', body: previewBody(), credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { if (!response.ok) { throw new Error('preview answered ' + response.status); } return response.json(); })
      .then(function (answer) { if (mine === previewSequence) { showPreview(answer); } })
      .catch(function () { if (fallback) { fallback(); } });
  }

  function applyWithoutReload() {
    if (applyButton) { applyButton.disabled = true; }
    preview(function () { bypassPreview = true; form.requestSubmit(applyButton); })
      .then(function () { if (applyButton) { applyButton.disabled = false; } });
  }

  form.addEventListener('input', function (event) {
    var role = event.target.getAttribute('data-role');
    if (role === 'quantity' || role === 'amount') {
      recompute();
      // With a code typed, only the server knows the discount of the new order.
      if (promoInput && promoInput.value.trim() !== '') {
        window.clearTimeout(quantityTimer);
        quantityTimer = window.setTimeout(function () { preview(null); }, 250);
      }
    }
  });

  if (promoInput) {
    promoInput.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); applyWithoutReload(); }
    });
  }

  // Coming back to the page (back button) makes the form usable again.
  window.addEventListener('pageshow', function () {
    form.removeAttribute('data-sent');
    if (submit) { submit.disabled = false; }
  });

  // One click, one submit: the server also refuses to charge a session twice.
  form.addEventListener('submit', function (event) {
    if (form.getAttribute('data-sent') === '1') { event.preventDefault(); return; }
    var button = event.submitter;
    if (button && button === applyButton && !bypassPreview && window.fetch && window.URLSearchParams) {
      event.preventDefault();
      applyWithoutReload();
      return;
    }
    if (button && button.value === 'pay') {
      form.setAttribute('data-sent', '1');
      window.setTimeout(function () { button.disabled = true; }, 0);
    }
  });
})();
