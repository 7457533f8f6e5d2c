// Proof of work before signing, only when the site asks for it (a petition under attack): the browser
// fetches a challenge, solves it in a Web Worker while the signer types, and sends the answer in a
// hidden field. Without this script (or if anything fails) the form still posts: the signature is
// then accepted as pending and confirmed by email, so no honest signer is locked out.
(function () {
  'use strict';
  var form = document.querySelector('form.sign-form');
  if (!form || !window.fetch || !window.Worker || !window.crypto || !window.crypto.subtle || !window.Promise) return;
  var match = /^\/(?:(en|es)\/)?p\/([^/?#]+)\/(?:embed\/)?sign$/.exec(form.getAttribute('action') || '');
  if (!match) return;
  var lang = document.documentElement.lang === 'es' ? 'es' : 'en';
  var slug = match[2];
  // idle → fetching → solving → done | off (not needed) | failed
  var state = 'idle';
  var solution = null;
  var message = '';
  var waiting = false;
  var status = null;

  function finish(next) {
    state = next;
    if (!waiting) return;
    waiting = false;
    attach();
    form.submit();
  }

  function attach() {
    if (solution === null) return;
    var field = form.querySelector('input[name="altcha"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'altcha';
      form.appendChild(field);
    }
    field.value = solution;
  }

  function showStatus() {
    if (!waiting || message === '') return;
    if (!status) {
      status = document.createElement('p');
      status.className = 'pow-status';
      status.setAttribute('role', 'status');
      var button = form.querySelector('button[type="submit"]');
      form.insertBefore(status, button);
    }
    status.textContent = message;
  }

  function start() {
    if (state !== 'idle') return;
    state = 'fetching';
    fetch('/' + lang + '/p/' + encodeURIComponent(slug) + '/challenge', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (challenge) {
        if (!challenge || challenge.required !== true) return finish('off');
        message = String(challenge.message || '');
        showStatus();
        state = 'solving';
        var worker = new Worker('/static/pow-worker.js');
        worker.onmessage = function (event) {
          worker.terminate();
          var number = event.data && event.data.number;
          if (typeof number !== 'number') return finish('failed');
          solution = window.btoa(
            JSON.stringify({
              algorithm: challenge.algorithm,
              challenge: challenge.challenge,
              number: number,
              salt: challenge.salt,
              signature: challenge.signature,
            }),
          );
          finish('done');
        };
        worker.onerror = function () {
          worker.terminate();
          finish('failed');
        };
        worker.postMessage({ challenge: challenge.challenge, salt: challenge.salt, max: challenge.maxnumber });
      })
      .catch(function () {
        finish('failed');
      });
  }

  // Start while the signer types, so the answer is usually ready before they press the button.
  form.addEventListener('focusin', start);
  form.addEventListener('submit', function (event) {
    if (state === 'done' || state === 'off' || state === 'failed') {
      attach();
      return;
    }
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-disabled', 'true');
    showStatus();
    start();
  });
})();
