// Talking to the server: the session (who is logged in, and the CSRF token for posts), the
// download of assignments, and sending the outbox. Redirects are not followed: a redirect means
// the login session is gone (expired while offline), and the outbox stays as it is.

import * as store from './store.js';

const API = new URL('api/', import.meta.url).href;

/** Thrown when the server wants a login first. */
export class LoggedOut extends Error {}

/** Thrown when the network is down or the server failed (5xx): try later. */
export class Unreachable extends Error {
  constructor(status) {
    super('unreachable ' + (status || 'network'));
    this.status = status;
  }
}

async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(API + path, {
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      ...options,
      headers: { 'Accept': 'application/json, application/problem+json', ...(options.headers || {}) },
    });
  } catch (e) {
    throw new Unreachable(null);
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    throw new LoggedOut();
  }
  return response;
}

/** The server's refusal of an item (RFC 9457, type urn:sipas:problem:capi-…), or null for any other failure. */
async function refusal(response) {
  try {
    const body = await response.clone().json();
    return typeof body.type === 'string' && body.type.startsWith('urn:sipas:problem:capi') ? body : null;
  } catch (e) {
    return null;
  }
}

/** { username, csrfHeader, csrfToken } of the login session, or throws LoggedOut. */
export async function session() {
  const response = await call('session');
  if (!response.ok) {
    if (response.status >= 500) throw new Unreachable(response.status);
    throw new LoggedOut();
  }
  const s = await response.json();
  await store.setMeta('user', s.username);
  return s;
}

/** Downloads the assignments and keeps them on the device. */
export async function download(s) {
  const response = await call('assignments');
  if (!response.ok) {
    if (response.status === 403) throw new LoggedOut();
    throw new Unreachable(response.status);
  }
  const data = await response.json();
  await store.saveAssignments(s.username, data);
  return data;
}

/**
 * Sends the session user's queued items, oldest first. Each is removed from the outbox only
 * after a 2xx; a refusal (a problem document) sets it aside with the server's message; a network
 * failure or a server error stops the round and leaves the rest queued.
 *
 * @return { sent, refused, others } counts; others: items of another user on this device
 */
export async function send(s) {
  const items = await store.outbox();
  const mine = items.filter(i => i.state === 'queued' && i.user === s.username);
  const result = { sent: 0, refused: 0, others: items.filter(i => i.user !== s.username).length };
  for (const item of mine) {
    const response = await call(item.kind === 'visit' ? 'visits' : 'interviews', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [s.csrfHeader]: s.csrfToken },
      body: JSON.stringify(item.payload),
    });
    const problem = response.ok ? null : await refusal(response);
    if (response.ok) {
      await store.markSent(item, await response.json());
      result.sent++;
    } else if (problem && response.status >= 400 && response.status < 500) {
      const details = (problem.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
      await store.markRefused(item, [problem.detail, details].filter(Boolean).join(' — '));
      result.refused++;
    } else if (response.status === 403) {
      // a 403 without a problem document is the CSRF check: the session changed under the device
      throw new LoggedOut();
    } else {
      throw new Unreachable(response.status);
    }
  }
  return result;
}
