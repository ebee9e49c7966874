// The kiosk on a tablet: steps through the same forms the page has without JavaScript, sends each
// rating as JSON with a key made on the tablet, and keeps it in a queue (localStorage) until the
// server has it. The citizen is thanked at once either way; a network drop only delays sending.
// Each queued rating carries its key, so a resend after a lost answer is stored once on the server.
(() => {
  'use strict';
  const main = document.getElementById('kiosk');
  if (!main) return;

  const RETRY_MS = 15000;     // how often a waiting queue is tried again
  const SEND_TIMEOUT_MS = 10000;
  const IDLE_MS = 45000;      // a citizen who walks away mid-way: their rating is sent with what they gave
  const home = main.dataset.home;
  const ratingsUrl = main.dataset.ratings;
  const seconds = Number(main.dataset.seconds) || 5;
  const queueKey = 'sipas-kiosk-queue:' + main.dataset.kiosk;
  const csrfHeader = main.dataset.csrfHeader;
  let csrf = (document.querySelector('input[name="_csrf"]') || {}).value;

  const steps = ['rating', 'official', 'receipt'].map(s => document.getElementById('step-' + s)).filter(Boolean);
  const thanks = document.getElementById('thanks');
  const queuedNote = document.getElementById('queued');
  const errors = main.querySelector('.errors');
  let current = null;
  let idle = null;
  let resetTimer = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // plain http on a LAN address is not a secure context: build a version 4 UUID by hand
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function readQueue() {
    try {
      return JSON.parse(localStorage.getItem(queueKey)) || [];
    } catch (e) {
      return [];
    }
  }

  function writeQueue(queue) {
    localStorage.setItem(queueKey, JSON.stringify(queue));
    showQueued(queue.length);
  }

  function showQueued(n) {
    queuedNote.hidden = n === 0;
    queuedNote.textContent = n === 0 ? '' : main.dataset.queued.replace('{0}', n);
    main.dataset.queuedCount = n;
  }

  function show(panel) {
    steps.forEach(s => { s.hidden = s !== panel; });
    thanks.hidden = panel !== thanks;
    if (errors) errors.hidden = true;
    const first = panel === thanks ? thanks : panel.querySelector('input[type="text"], button');
    if (first) first.focus({preventScroll: true});
  }

  function nextAfter(form) {
    const i = steps.indexOf(form);
    return i >= 0 && i + 1 < steps.length ? steps[i + 1] : null;
  }

  function touch() {
    clearTimeout(idle);
    if (current) idle = setTimeout(finish, IDLE_MS);
  }

  document.addEventListener('submit', event => {
    const form = event.target;
    if (!steps.includes(form)) return;
    event.preventDefault();
    const button = event.submitter;
    const step = form.dataset.step;
    if (step === 'rating') {
      if (!button || button.name !== 'level') return;
      current = {id: uuid(), level: Number(button.value), official: null, receipt: null, startedAt: Date.now()};
    } else if (!current) {
      show(steps[0]);
      return;
    } else if (step === 'official') {
      current.official = button && button.value ? button.value : null;
    } else if (step === 'receipt') {
      const typed = form.querySelector('#receipt').value.trim();
      current.receipt = button && button.name === 'skip' ? null : (typed || null);
    }
    const next = nextAfter(form);
    if (next) {
      show(next);
      touch();
    } else {
      finish();
    }
  });

  function finish() {
    clearTimeout(idle);
    if (!current) return;
    current.ratedAt = Date.now();
    const queue = readQueue();
    queue.push(current);
    writeQueue(queue);
    current = null;
    show(thanks);
    flush();
    clearTimeout(resetTimer);
    resetTimer = setTimeout(reset, seconds * 1000);
  }

  function reset() {
    steps.forEach(s => s.reset());
    if (main.dataset.lang !== 'vi' && navigator.onLine) {
      // the next citizen starts in Vietnamese
      location.replace(home + '?lang=vi');
      return;
    }
    show(steps[0]);
  }

  async function send(rating) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (csrfHeader && csrf) headers[csrfHeader] = csrf;
    try {
      return await fetch(ratingsUrl, {method: 'POST', headers, body: JSON.stringify(rating), credentials: 'same-origin',
        cache: 'no-store', signal: controller.signal});
    } finally {
      clearTimeout(timer);
    }
  }

  /** A fresh CSRF token from the page itself, when the browser lost the cookie its token matched. */
  async function refreshCsrf() {
    try {
      const page = await fetch(home, {cache: 'no-store', credentials: 'same-origin'});
      const doc = new DOMParser().parseFromString(await page.text(), 'text/html');
      const input = doc.querySelector('input[name="_csrf"]');
      if (input) csrf = input.value;
      return !!input;
    } catch (e) {
      return false;
    }
  }

  function forget(id) {
    writeQueue(readQueue().filter(r => r.id !== id));
  }

  let sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    let csrfRefreshed = false;
    try {
      for (;;) {
        const queue = readQueue();
        if (queue.length === 0) break;
        const rating = queue[0];
        let response;
        try {
          response = await send(rating);
        } catch (networkDown) {
          break; // kept; tried again when the network is back
        }
        if (response.ok) {
          forget(rating.id);
        } else if (response.status === 403 && !csrfRefreshed) {
          csrfRefreshed = await refreshCsrf();
          if (!csrfRefreshed) break;
        } else if (response.status === 422 || response.status === 410) {
          // the server will never take it as it is (queued too long, its campaign closed): keep the queue moving
          console.warn('kiosk: rating refused', rating, await response.text());
          forget(rating.id);
        } else if (response.status === 401) {
          // the kiosk was revoked: nothing it holds can be counted; show the staff the page that says so
          writeQueue([]);
          location.reload();
          break;
        } else {
          break; // the server is busy or failing: try again later
        }
      }
    } finally {
      sending = false;
    }
  }

  document.addEventListener('pointerdown', touch);
  document.addEventListener('keydown', touch);
  window.addEventListener('online', flush);
  setInterval(flush, RETRY_MS);
  showQueued(readQueue().length);
  flush();

  if ('serviceWorker' in navigator && main.dataset.sw) {
    navigator.serviceWorker.register(main.dataset.sw, {scope: main.dataset.scope}).catch(() => {});
  }
})();
