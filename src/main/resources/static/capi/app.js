// sipas CAPI: the interviewer's cases and questionnaires on the device, usable offline. Every
// interview or visit is saved on the device first (IndexedDB) under a key made here, and sent
// when there is a network; the server stores each key once.

import * as store from './store.js';
import * as server from './sync.js';
import { drawForm, label } from './form.js';

const T = JSON.parse(document.getElementById('capi-texts')?.textContent || '{}');
const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
const $ = id => document.getElementById(id);
const OUTCOMES = ['REFUSED', 'NOT_AT_HOME', 'APPOINTMENT', 'UNABLE', 'NOT_ELIGIBLE'];

let user = null;          // who the device works for: the last user the server confirmed
let data = null;          // that user's downloaded assignments
let syncing = false;

function text(key, ...args) {
  return (T[key] || key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child);
  }
  return node;
}

/** dd/MM/yyyy HH:mm in Vietnamese time, whatever the device's zone. */
function when(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A version 4 UUID: crypto.randomUUID needs a secure context, getRandomValues does not. */
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function say(message, kind = 'info', link = null) {
  const box = $('message');
  box.className = 'message ' + kind;
  box.replaceChildren(message, link ? ' ' : '', link || '');
}

function showNetwork() {
  const pill = $('network');
  pill.textContent = navigator.onLine ? text('online') : text('offline');
  pill.className = 'pill ' + (navigator.onLine ? 'on' : 'off');
}

function loginLink() {
  return el('a', { href: new URL('relogin', location.href).pathname, text: text('loginLink') });
}

// ---- talking to the server

async function confirmSession() {
  const s = await server.session();
  if (user !== s.username) {
    user = s.username;
    data = await store.assignments(user);
  }
  $('who').textContent = text('user', user);
  return s;
}

async function download() {
  if (!navigator.onLine) {
    say(text('needNetwork'), 'warn');
    return;
  }
  say(text('downloading'));
  try {
    const s = await confirmSession();
    data = await server.download(s);
    say(text('downloaded', data.cases.length, when(data.downloadedAt)), 'ok');
  } catch (e) {
    if (e instanceof server.LoggedOut) say(text('loginAgain'), 'warn', loginLink());
    else say(text('downloadFailed', e.status || '—'), 'warn');
  }
  if (!$('view').dataset.busy) showCases();
}

/** @param quiet an automatic sync says nothing when there was nothing to send */
async function sync(quiet = false) {
  if (syncing) return;
  if (!navigator.onLine) {
    say(text('needNetwork'), 'warn');
    return;
  }
  syncing = true;
  say(text('syncing'));
  try {
    const s = await confirmSession();
    const result = await server.send(s);
    const parts = [result.sent || result.refused ? text('synced', result.sent) : text('nothingToSync')];
    if (result.refused) parts.push(text('syncRefused', result.refused));
    if (result.others) parts.push(text('otherUser', result.others));
    if (!quiet || result.sent || result.refused || result.others) say(parts.join(' '), result.refused ? 'warn' : 'ok');
  } catch (e) {
    if (e instanceof server.LoggedOut) say(text('loginAgain'), 'warn', loginLink());
    else if (e.status) say(text('serverError', e.status), 'warn');
    else say(text('networkLost'), 'warn');
  } finally {
    syncing = false;
    await showQueue();
    if (!$('view').dataset.busy) showCases();
  }
}

// ---- the list of cases

async function showCases() {
  const view = $('view');
  delete view.dataset.busy;
  const outbox = await store.outbox();
  const waiting = new Set(outbox.filter(i => i.kind === 'interview' && i.user === user).map(i => i.caseId));
  const heading = el('h2', { id: 'cases-title', text: text('cases') });
  if (!data) {
    view.replaceChildren(heading, el('p', { text: text('neverDownloaded') }));
    return;
  }
  const list = el('ul', { class: 'cases', 'aria-labelledby': 'cases-title' });
  for (const c of data.cases) {
    const done = waiting.has(c.id);
    list.append(el('li', { class: 'card', 'data-case': c.id },
        el('h3', { text: `${c.receiptCode} · ${c.applicantName || ''}` }),
        el('dl', { class: 'facts' },
            el('dt', { text: text('applicant') }), el('dd', { text: c.applicantName || '—' }),
            el('dt', { text: text('phone') }), el('dd', {}, c.applicantPhone
                ? el('a', { href: 'tel:' + c.applicantPhone.replace(/\s/g, ''), text: c.applicantPhone }) : '—'),
            el('dt', { text: text('unit') }), el('dd', { text: c.unitName }),
            el('dt', { text: text('procedure') }), el('dd', { text: c.procedureCode }),
            el('dt', { text: text('received') }), el('dd', { text: c.receivedOn }),
            el('dt', { text: text('campaign') }), el('dd', { text: c.campaignName }),
            el('dt', { text: text('status') }), el('dd', { text: done ? text('waiting')
                : text('disposition.' + (c.disposition || 'NEW')) + (c.attempts ? ` (${text('visits')}: ${c.attempts})` : '') })),
        done ? null : el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'interview', onclick: () => startInterview(c), text: text('interview') }),
            el('button', { type: 'button', class: 'secondary visit', onclick: () => showVisit(c), text: text('notInterviewed') }))));
  }
  view.replaceChildren(heading, el('p', { class: 'hint', text: text('lastDownload', when(data.downloadedAt)) }),
      data.cases.length ? list : el('p', { text: text('noCases') }));
}

function caseFacts(c) {
  return el('p', { class: 'hint', text: `${text('receipt')}: ${c.receiptCode} · ${c.unitName} · ${text('received')}: ${c.receivedOn}` });
}

// ---- an interview

async function startInterview(c) {
  const view = $('view');
  view.dataset.busy = 'interview';
  const draft = await store.draft(user, c.id);
  if (draft) {
    say(text('draftResumed', when(draft.startedAt)));
    return questionnaire(c, draft);
  }
  const consent = el('fieldset', { class: 'consent' }, el('legend', { text: text('consent') }),
      el('p', { class: 'hint', id: 'consent-hint', text: text('consentHint') }),
      el('label', { class: 'option', for: 'consent-yes' },
          el('input', { type: 'radio', id: 'consent-yes', name: 'consent', value: 'yes', 'aria-describedby': 'consent-hint' }),
          ' ' + text('consentYes')),
      el('label', { class: 'option', for: 'consent-no' },
          el('input', { type: 'radio', id: 'consent-no', name: 'consent', value: 'no', checked: true }), ' ' + text('consentNo')));
  view.replaceChildren(el('h2', { text: `${text('interview')}: ${c.applicantName || c.receiptCode}` }), caseFacts(c), consent,
      el('div', { class: 'actions' },
          el('button', { type: 'button', id: 'start', onclick: () => begin(c), text: text('start') }),
          el('button', { type: 'button', class: 'secondary', onclick: showCases, text: text('cancel') })));
  $('start').focus();
}

async function begin(c) {
  const consented = document.querySelector('input[name=consent]:checked')?.value === 'yes';
  const draft = { caseId: c.id, startedAt: new Date().toISOString(), consent: consented, position: null, answers: {} };
  await store.saveDraft(user, c.id, draft);
  questionnaire(c, draft);
  if (consented) locate(c, draft);
}

/** Takes the position once, only after the respondent agreed; an interview never waits for it. */
function locate(c, draft) {
  const status = $('position');
  if (!('geolocation' in navigator)) {
    status.textContent = text('positionUnavailable');
    return;
  }
  status.textContent = text('positionTaking');
  navigator.geolocation.getCurrentPosition(async p => {
    draft.position = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy };
    const current = await store.draft(user, c.id);
    if (current) await store.saveDraft(user, c.id, { ...current, position: draft.position });
    if ($('position')) $('position').textContent = text('positionTaken', Math.round(p.coords.accuracy));
  }, () => {
    if ($('position')) $('position').textContent = text('positionUnavailable');
  }, { enableHighAccuracy: true, timeout: 30000, maximumAge: 60000 });
}

function questionnaire(c, draft) {
  const view = $('view');
  view.dataset.busy = 'interview';
  const form = data.forms.find(f => f.key === c.form);
  const officials = (data.officials || {})[c.unitId] || [];
  const container = el('div', { id: 'questions' });
  const summary = el('div', { id: 'form-errors', class: 'errors', role: 'alert', hidden: true });
  view.replaceChildren(el('h2', { text: label(form.title, lang) }), caseFacts(c),
      el('p', { class: 'hint' }, text('startedAt', when(draft.startedAt)), ' · ',
          el('span', { id: 'position', text: draft.consent ? (draft.position ? text('positionTaken', Math.round(draft.position.accuracy || 0)) : '') : text('positionNotAsked') })),
      summary, container,
      el('div', { class: 'actions' },
          el('button', { type: 'button', id: 'save', onclick: () => save(c, controls, summary), text: text('save') }),
          el('button', { type: 'button', class: 'secondary', onclick: showCases, text: text('cancel') })));
  const controls = drawForm(container, form, officials, lang, T, draft.answers, async answers => {
    const current = await store.draft(user, c.id);
    if (current) await store.saveDraft(user, c.id, { ...current, answers });
  });
}

async function save(c, controls, summary) {
  const problems = controls.problems();
  controls.showProblems(problems);
  const count = Object.keys(problems).length;
  summary.hidden = count === 0;
  summary.textContent = count ? text('errors', count) : '';
  if (count) return;
  const draft = await store.draft(user, c.id);
  const key = uuid();
  const position = draft.consent ? draft.position : null;
  await store.enqueue({ key, kind: 'interview', user, caseId: c.id, savedAt: new Date().toISOString(),
    label: c.receiptCode, payload: { key, caseId: c.id, answers: controls.answersToSend(), startedAt: draft.startedAt,
      endedAt: new Date().toISOString(), positionConsent: draft.consent, position } });
  await store.dropDraft(user, c.id);
  say(text('saved'), 'ok');
  await showCases();
  await showQueue();
  if (navigator.onLine) sync(true);
}

// ---- a visit without an interview

function showVisit(c) {
  const view = $('view');
  view.dataset.busy = 'visit';
  const error = el('p', { class: 'error', id: 'outcome-error', hidden: true });
  view.replaceChildren(el('h2', { text: `${text('notInterviewed')}: ${c.applicantName || c.receiptCode}` }), caseFacts(c),
      el('fieldset', {}, el('legend', { text: text('outcome') }), error,
          OUTCOMES.map(o => el('label', { class: 'option', for: 'outcome-' + o },
              el('input', { type: 'radio', id: 'outcome-' + o, name: 'outcome', value: o, 'aria-describedby': 'outcome-error' }),
              ' ' + text('outcome.' + o)))),
      el('label', { for: 'note', text: text('note') }), el('textarea', { id: 'note', rows: 3, maxlength: 1000 }),
      el('div', { class: 'actions' },
          el('button', { type: 'button', id: 'save-visit', onclick: () => saveVisit(c, error), text: text('saveVisit') }),
          el('button', { type: 'button', class: 'secondary', onclick: showCases, text: text('cancel') })));
}

async function saveVisit(c, error) {
  const outcome = document.querySelector('input[name=outcome]:checked')?.value;
  if (!outcome) {
    error.textContent = text('chooseOutcome');
    error.hidden = false;
    document.getElementById('outcome-' + OUTCOMES[0]).focus();
    return;
  }
  const key = uuid();
  await store.enqueue({ key, kind: 'visit', user, caseId: c.id, savedAt: new Date().toISOString(), label: c.receiptCode,
    outcome, payload: { key, caseId: c.id, outcome, visitedAt: new Date().toISOString(), note: $('note').value.trim() || null } });
  say(text('visitSaved'), 'ok');
  await showCases();
  await showQueue();
  if (navigator.onLine) sync(true);
}

// ---- what waits to be sent, what was refused, what was sent

async function showQueue() {
  const outbox = (await store.outbox()).filter(i => !user || i.user === user);
  const queued = outbox.filter(i => i.state === 'queued');
  const refused = outbox.filter(i => i.state === 'refused');
  const sent = (await store.sent()).filter(i => !user || i.user === user).slice(0, 20);
  const describe = i => `${i.kind === 'visit' ? text('kindVisit') + ' (' + text('outcome.' + i.outcome) + ')' : text('kindInterview')}`
      + ` · ${i.label} · ${text('savedAt', when(i.savedAt))}`;
  const section = $('queue');
  section.replaceChildren(
      el('h2', { id: 'queue-title', text: `${text('queue')} (${queued.length})` }),
      queued.length ? el('ul', { id: 'queued' }, queued.map(i => el('li', { 'data-key': i.key, text: describe(i) })))
          : el('p', { text: text('queueEmpty') }),
      refused.length ? el('h3', { text: text('refused') }) : null,
      refused.length ? el('ul', { id: 'refused', class: 'refused' }, refused.map(i => el('li', { 'data-key': i.key },
          describe(i), el('br'), el('span', { class: 'error', text: i.message }), ' ',
          el('button', { type: 'button', class: 'link', onclick: async () => { await store.requeue(i); await sync(); },
            text: text('retry') })))) : null,
      sent.length ? el('h3', { text: text('sent') }) : null,
      sent.length ? el('ul', { id: 'sent' }, sent.map(i => el('li', { 'data-key': i.key,
          text: describe(i) + (i.answer && i.answer.responseId ? ' · ' + text('sentAs', i.answer.responseId) : '') }))) : null);
  $('sync').textContent = `${text('sync')} (${queued.length})`;
}

// ---- start

async function start() {
  $('download').textContent = text('download');
  $('sync').textContent = text('sync');
  $('download').addEventListener('click', download);
  $('sync').addEventListener('click', () => sync());
  window.addEventListener('online', () => { showNetwork(); sync(true); });
  window.addEventListener('offline', showNetwork);
  showNetwork();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
        .catch(e => console.warn('service worker not registered', e));
  }
  user = await store.meta('user') || null;
  data = user ? await store.assignments(user) : null;
  if (user) $('who').textContent = text('user', user);
  await showCases();
  await showQueue();
  if (navigator.onLine) {
    await download();
    await sync(true);
  }
  document.body.dataset.ready = 'true';
}

start();
