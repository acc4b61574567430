// Confirmations before destructive or mass actions, and the search pickers (htmx fills their lists).
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
}, true);
document.addEventListener('click', function (e) {
  var option = e.target.closest('.picker-list button[data-id]');
  if (!option) {
    return;
  }
  e.preventDefault();
  var picker = option.closest('.picker');
  picker.querySelector('input[type=hidden]').value = option.getAttribute('data-id');
  picker.querySelector('input.picker-q').value = option.getAttribute('data-label');
  picker.dataset.chosen = option.getAttribute('data-label');
  var list = picker.querySelector('.picker-list');
  list.innerHTML = '';
  var form = picker.closest('form');
  if (picker.hasAttribute('data-submit') && form) {
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }
});
document.addEventListener('input', function (e) {
  if (e.target.classList.contains('picker-q') && e.target.value.trim() === '') {
    e.target.closest('.picker').querySelector('input[type=hidden]').value = '';
  }
});
// A picked option stays picked: late or repeated searches for the chosen label are not shown.
document.addEventListener('htmx:beforeRequest', function (e) {
  var input = e.detail.elt;
  if (input.classList && input.classList.contains('picker-q')) {
    var picker = input.closest('.picker');
    if (picker.dataset.chosen && picker.dataset.chosen === input.value) {
      e.preventDefault();
    }
  }
});
document.addEventListener('htmx:beforeSwap', function (e) {
  var target = e.detail.target;
  if (target && target.classList && target.classList.contains('picker-list')) {
    var picker = target.closest('.picker');
    if (picker.dataset.chosen && picker.dataset.chosen === picker.querySelector('input.picker-q').value) {
      e.detail.shouldSwap = false;
    }
  }
});
document.addEventListener('click', function (e) {
  document.querySelectorAll('.picker-list').forEach(function (list) {
    if (!list.closest('.picker').contains(e.target)) {
      list.innerHTML = '';
    }
  });
});
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape') {
    document.querySelectorAll('.picker-list').forEach(function (list) { list.innerHTML = ''; });
  }
});
