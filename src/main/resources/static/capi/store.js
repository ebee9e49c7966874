// What the device keeps in IndexedDB: the downloaded assignments (per user), the outbox of
// interviews and visits waiting to be sent (kept until the server answers 2xx, or set aside when
// it refuses them), what was sent, and unfinished interviews.

const NAME = 'sipas-capi';
const VERSION = 1;
/** Sent items stay this long, so the interviewer can see what reached the server. */
const KEEP_SENT_MS = 7 * 24 * 3600 * 1000;

let opened;

function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
        db.createObjectStore('sent', { keyPath: 'key' });
        db.createObjectStore('drafts', { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(storeNames, mode, work) {
  const db = await open();
  const tx = db.transaction(storeNames, mode);
  const result = work(tx);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
  return result instanceof IDBRequest ? result.result : result;
}

async function get(store, key) {
  const db = await open();
  return done(db.transaction(store).objectStore(store).get(key));
}

async function all(store) {
  const db = await open();
  return done(db.transaction(store).objectStore(store).getAll());
}

function put(store, value) {
  return run([store], 'readwrite', tx => tx.objectStore(store).put(value));
}

function remove(store, key) {
  return run([store], 'readwrite', tx => tx.objectStore(store).delete(key));
}

export async function meta(key) {
  const row = await get('meta', key);
  return row ? row.value : undefined;
}

export function setMeta(key, value) {
  return put('meta', { key, value });
}

export function assignments(user) {
  return meta('assignments:' + user);
}

export function saveAssignments(user, download) {
  return setMeta('assignments:' + user, download);
}

/** Queues an item: { key, kind: 'interview'|'visit', user, caseId, payload, savedAt }. */
export function enqueue(item) {
  return put('outbox', { ...item, state: 'queued', message: null });
}

/** Every item on the device not yet accepted, oldest first. */
export async function outbox() {
  return (await all('outbox')).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** The server accepted the item: it leaves the outbox for the sent list, in one transaction. */
export function markSent(item, answer) {
  return run(['outbox', 'sent'], 'readwrite', tx => {
    tx.objectStore('outbox').delete(item.key);
    tx.objectStore('sent').put({ ...item, state: 'sent', sentAt: new Date().toISOString(), answer });
  });
}

/** The server refused the item: it stays on the device, aside, with the server's words. */
export function markRefused(item, message) {
  return put('outbox', { ...item, state: 'refused', message });
}

/** A refused item sent again on the interviewer's request (after a supervisor fixed the case). */
export function requeue(item) {
  return put('outbox', { ...item, state: 'queued', message: null });
}

export async function sent() {
  const cutoff = new Date(Date.now() - KEEP_SENT_MS).toISOString();
  const items = await all('sent');
  for (const old of items.filter(i => i.sentAt < cutoff)) {
    await remove('sent', old.key);
  }
  return items.filter(i => i.sentAt >= cutoff).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

/** An interview under way, saved as it is answered so a reload or a flat battery loses nothing. */
export function draft(user, caseId) {
  return get('drafts', user + ':' + caseId);
}

export function saveDraft(user, caseId, value) {
  return put('drafts', { ...value, id: user + ':' + caseId });
}

export function dropDraft(user, caseId) {
  return remove('drafts', user + ':' + caseId);
}
