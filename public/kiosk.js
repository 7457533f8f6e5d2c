// Firma's kiosk (the one page where JavaScript does the main job; the public signing page needs none). Each
// signature is encrypted with a key made on this tablet (AES-GCM, never leaving the browser: it cannot be read out
// of it) and kept in IndexedDB until the server answers that it has it; the form is emptied and a thank-you shown
// between signers, so nobody sees the previous person's details; signatures taken offline are sent when the
// connection returns. Each has an id of its own, so sending it twice still counts it once.
'use strict';

(function () {
  const form = document.getElementById('kiosk-form');
  if (!form || !window.indexedDB || !window.crypto || !window.crypto.subtle || !window.fetch) return;
  const kiosk = form.dataset.kiosk;
  const locale = form.dataset.locale;
  const country = form.dataset.country;
  const messages = JSON.parse(form.dataset.messages || '{}');
  const thanks = document.getElementById('kiosk-thanks');
  const next = document.getElementById('kiosk-next');
  const status = document.getElementById('kiosk-status');
  const review = document.getElementById('kiosk-review');
  // The kept signature being reviewed in the form (one the server refused after it was taken offline), if any.
  let reviewing = null;
  const FIELDS = ['name', 'email', 'postal_code'];
  let thanksTimer = 0;
  // Whether this page has sent a signature yet: "all sent" is said only once there was something to send.
  let sentOnce = false;

  if ('serviceWorker' in navigator)
    navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => {});

  // ---- Storage: one database, a key per kiosk link, a queue of encrypted signatures.
  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('firma-kiosk', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('keys');
        request.result.createObjectStore('queue', { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  const dbReady = openDb();
  function tx(store, mode, work) {
    return dbReady.then(
      (db) =>
        new Promise((resolve, reject) => {
          const t = db.transaction(store, mode);
          const result = work(t.objectStore(store));
          t.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
          t.onerror = () => reject(t.error);
          t.onabort = () => reject(t.error);
        }),
    );
  }
  async function key() {
    const kept = await tx('keys', 'readonly', (s) => s.get(kiosk));
    if (kept) return kept;
    // Not extractable: script on this page can use it, not read it.
    const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await tx('keys', 'readwrite', (s) => s.put(made, kiosk));
    return made;
  }
  async function seal(record) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await key(),
      new TextEncoder().encode(JSON.stringify(record)),
    );
    // `order`: sent in the order they were taken (the store itself sorts by id).
    return { id: record.submission_id, kiosk, iv, data, state: 'waiting', order: Date.now() };
  }
  async function open(item) {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: item.iv }, await key(), item.data);
    return JSON.parse(new TextDecoder().decode(plain));
  }
  const waiting = () =>
    tx('queue', 'readonly', (s) => s.getAll()).then((all) =>
      all.filter((i) => i.kiosk === kiosk).sort((a, b) => a.order - b.order),
    );

  // ---- Sending.
  async function send(item, timeoutMs) {
    const record = await open(item);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(kiosk + '/signatures', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(record),
        signal: controller.signal,
        credentials: 'omit',
      });
      const body = await response.json().catch(() => ({}));
      return { status: response.status, body };
    } catch {
      return { status: 0, body: {} };
    } finally {
      clearTimeout(timer);
    }
  }
  let syncing = false;
  async function sync() {
    if (syncing) return;
    syncing = true;
    try {
      for (const item of await waiting()) {
        if (item.state !== 'waiting') continue;
        const answer = await send(item, 15000);
        if (answer.status === 200 || answer.status === 201) {
          await tx('queue', 'readwrite', (s) => s.delete(item.id));
          sentOnce = true;
        } else if (answer.status === 422) {
          // Kept, with the server's messages (they name fields, not the signer), to be reviewed on this tablet.
          await tx('queue', 'readwrite', (s) => s.put({ ...item, state: 'refused', errors: answer.body.fields || {} }));
        } else break; // offline, the server busy, or the link turned off: kept, tried again later
      }
    } finally {
      syncing = false;
      await showStatus();
    }
  }
  async function showStatus() {
    const all = await waiting();
    const left = all.filter((i) => i.state === 'waiting').length;
    const refused = all.length - left;
    const parts = [];
    if (left > 0) parts.push(messages.waiting.replace('#N#', left.toLocaleString(locale)));
    if (left > 0 && !navigator.onLine) parts.push(messages.offline);
    if (refused > 0) parts.push(messages.refused.replace('#N#', refused.toLocaleString(locale)));
    review.hidden = refused === 0 || reviewing !== null;
    status.textContent = parts.length === 0 ? (all.length === 0 && sentOnce ? messages.sent : '') : parts.join(' ');
  }

  // ---- The form.
  function showErrors(errors) {
    let first = null;
    for (const field of FIELDS) {
      const input = form.elements[field];
      const message = document.getElementById(field + '-error');
      const error = errors[field];
      input.closest('.field').classList.toggle('has-error', Boolean(error));
      if (error) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      message.textContent = error || '';
      message.hidden = !error;
      if (error && !first) first = input;
    }
    if (first) first.focus();
    return first === null;
  }
  function check(values) {
    const errors = {};
    if (values.name.trim() === '') errors.name = messages.nameRequired;
    const email = values.email.trim();
    if (email !== '' && !/^[^\s@"(),:;<>[\\\]]+@(?:[^\s@"(),:;<>[\\\]_.]+\.)+[^\s@"(),:;<>[\\\]_.]{2,}$/u.test(email))
      errors.email = messages.emailInvalid;
    const zip = values.postal_code.trim();
    if (zip === '') errors.postal_code = messages.postalRequired;
    else if (country === 'US' && !/^\d{5}(-\d{4})?$/.test(zip)) errors.postal_code = messages.postalInvalid;
    return errors;
  }
  function clearForm() {
    form.reset();
    showErrors({});
    for (const field of FIELDS) form.elements[field].value = '';
  }
  function showThanks() {
    form.hidden = true;
    thanks.hidden = false;
    thanks.focus();
    clearTimeout(thanksTimer);
    thanksTimer = setTimeout(nextPerson, 20000);
  }
  function nextPerson() {
    clearTimeout(thanksTimer);
    thanks.hidden = true;
    form.hidden = false;
    form.elements.name.focus();
  }
  next.addEventListener('click', nextPerson);

  // The organizer opens a refused signature in the form, with what is wrong beside each field, fixes it and signs
  // it again: it keeps its id, so it is still counted once.
  review.addEventListener('click', async () => {
    const item = (await waiting()).find((i) => i.state === 'refused');
    if (!item) return showStatus();
    const record = await open(item);
    nextPerson();
    for (const field of FIELDS) form.elements[field].value = record[field] || '';
    reviewing = record;
    review.hidden = true;
    showErrors(item.errors || {});
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    for (const field of FIELDS) values[field] = form.elements[field].value;
    if (!showErrors(check(values))) return;
    const record = {
      submission_id: reviewing ? reviewing.submission_id : crypto.randomUUID(),
      name: values.name,
      email: values.email,
      postal_code: values.postal_code,
      locale: reviewing ? reviewing.locale : locale,
      taken_at: reviewing ? reviewing.taken_at : new Date().toISOString(),
    };
    reviewing = null;
    const item = await seal(record);
    await tx('queue', 'readwrite', (s) => s.put(item));
    if (navigator.onLine) {
      // The signer is still here: a problem only the server sees is shown to them now.
      const answer = await send(item, 8000);
      if (answer.status === 422) {
        await tx('queue', 'readwrite', (s) => s.delete(item.id));
        showErrors(answer.body.fields || {});
        return;
      }
      if (answer.status === 200 || answer.status === 201) {
        await tx('queue', 'readwrite', (s) => s.delete(item.id));
        sentOnce = true;
      }
    }
    clearForm();
    showThanks();
    await showStatus();
    sync();
  });

  window.addEventListener('online', sync);
  window.addEventListener('offline', showStatus);
  setInterval(() => {
    if (navigator.onLine) sync();
  }, 15000);
  sync();
})();
