// The paper keying form, for speed: Enter moves to the next field that is asked, and the questions
// the answers so far skip are greyed out and disabled as the clerk keys (the server says which, by
// the questionnaire's own rules). Without this script Tab moves on and the server drops skipped answers.
(function () {
  'use strict';
  var form = document.querySelector('form.paper-entry');
  if (!form) {
    return;
  }
  var pending = Promise.resolve();

  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll('input.answer'));
  }

  function apply(asked) {
    fields().forEach(function (field) {
      var on = asked.indexOf(field.getAttribute('data-question')) >= 0;
      field.disabled = !on;
      field.closest('.q').classList.toggle('skipped', !on);
    });
  }

  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    pending = fetch(form.getAttribute('data-asked'), {
      method: 'POST', body: body, credentials: 'same-origin', headers: {'Accept': 'application/json'}
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer && answer.asked) {
        apply(answer.asked);
      }
    }).catch(function () { /* offline or refused: the server checks again on save */ });
    return pending;
  }

  function next(from) {
    var open = fields().filter(function (f) { return !f.disabled; });
    var following = open[open.indexOf(from) + 1];
    (following || form.querySelector('button[type=submit]')).focus();
    if (following) {
      following.select();
    }
  }

  form.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || !field.classList || !field.classList.contains('answer')) {
      return;
    }
    event.preventDefault();
    var changed = field.hasAttribute('data-trigger') && field.value !== field.getAttribute('data-sent');
    if (changed) {
      field.setAttribute('data-sent', field.value);
    }
    (changed ? refresh() : pending).then(function () { next(field); });
  });

  form.addEventListener('change', function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute('data-trigger') && field.value !== field.getAttribute('data-sent')) {
      field.setAttribute('data-sent', field.value);
      refresh();
    }
  });

  // a form that came back with errors may hold answers that skip questions
  if (fields().some(function (f) { return f.hasAttribute('data-trigger') && f.value; })) {
    refresh();
  }
}());
