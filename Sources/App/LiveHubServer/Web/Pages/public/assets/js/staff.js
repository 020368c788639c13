// What the agent console and the supervisor dashboard share: sign-in (a pasted token, or a link
// ending in #token=…), the page header (who, connection state, language), the staff directory
// (names, queues, capacities from GET /v1/directory) and the hub connection.

import { HubClient, webSocketURL } from './hub-client.js';
import { h, tokenClaims, toast, announce, openDialog, field } from './dom.js';
import { t, applyTranslations, languageSelect, onLanguageChange } from './i18n.js';

const STORAGE_KEY = 'livehub.staff.token';

/**
 * The signed-in token for this tab: a `#token=` fragment wins (and is removed from the address bar
 * so it is not bookmarked or shared by accident), then this tab's session storage.
 */
export function takeToken() {
  // A second sign-in link opened in the same tab only changes the fragment: start over with it.
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(location.hash.slice(1)).get('token')) location.reload();
  });
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromLink = fragment.get('token');
  if (fromLink) {
    sessionStorage.setItem(STORAGE_KEY, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  const claims = tokenClaims(token);
  if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(STORAGE_KEY);
    return { expired: true };
  }
  return { token, claims };
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  location.reload();
}

/**
 * Shows the sign-in form in `main` (for `roles`), storing a pasted token. `reason` explains why it
 * is shown (expired, wrong role, refused).
 */
export function showSignIn(main, { roles, reason }) {
  const input = h('textarea', {
    id: 'token-input', name: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': 'token-help',
  });
  const error = h('p', { class: 'form-error', role: 'alert', id: 'signin-error' }, reason ? t(reason) : '');
  const form = h('form', { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title', 'data-i18n': 'signin.title' }, t('signin.title')),
    h('p', { id: 'token-help', 'data-i18n': 'signin.help' }, t('signin.help')),
    h('label', { for: 'token-input', 'data-i18n': 'signin.token' }, t('signin.token')),
    input, error,
    h('button', { type: 'submit', class: 'button primary', 'data-i18n': 'signin.submit' }, t('signin.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim().replace(/^.*#token=/, '');
    const claims = tokenClaims(token);
    if (!claims || !roles.includes(claims.role)) {
      error.textContent = t('signin.wrongRole');
      return;
    }
    if (claims.exp * 1000 <= Date.now()) {
      error.textContent = t('signin.expired');
      return;
    }
    sessionStorage.setItem(STORAGE_KEY, token);
    location.reload();
  });
  main.replaceChildren(form);
  input.focus();
}

/** Fills the header's right side: the signed-in name, connection state, language, sign-out. */
export function renderHeader(claims) {
  const slot = document.getElementById('header-tools');
  const status = h('span', { id: 'connection', class: 'pill connecting', role: 'status' }, t('connection.connecting'));
  slot.replaceChildren(
    h('span', { class: 'who', id: 'who' }, claims ? `${claims.name || claims.sub}` : ''),
    status,
    languageSelect(),
    claims ? h('button', { type: 'button', class: 'button secondary small', id: 'sign-out', onclick: signOut,
      'data-i18n': 'signout' }, t('signout')) : null);
  return status;
}

/** Shows the client's state in the header pill. */
export function connectionIndicator(status) {
  let last = 'connecting';
  const render = () => {
    status.className = `pill ${last}`;
    status.textContent = t(`connection.${last}`);
  };
  onLanguageChange(render);
  return (state) => {
    if (state === 'online' && last === 'offline') announce(t('connection.back'));
    last = state === 'stopped' ? 'offline' : state;
    render();
  };
}

/**
 * Connects to the hub as the signed-in user. Two attempts in a row that never reached `welcome` make
 * the page ask /v1/directory whether the token is still accepted; a 401 signs out with a reason.
 */
export function connect({ token, onRefused }) {
  let indicator = () => {};
  const client = new HubClient({
    url: () => webSocketURL(location.href, token),
    onState: (state, detail) => {
      indicator(state);
      if (state === 'offline' && detail.failuresBeforeWelcome >= 2 && detail.failuresBeforeWelcome % 2 === 0) {
        checkToken(token).then((accepted) => {
          if (!accepted) {
            client.stop();
            onRefused();
          }
        });
      }
    },
  });
  client.setIndicator = (fn) => { indicator = fn; };
  client.on('error', (frame) => toast(errorText(frame), 'error'));
  return client;
}

/**
 * What to tell a person about a refused request, in their language: `unavailable` (the hub cannot
 * write its journal; nothing was done, try again shortly), `rate_limited`, no connection; any other
 * code with the hub's own message.
 */
export function errorText(error) {
  switch (error?.code) {
    case 'unavailable': return t('error.unavailable');
    case 'rate_limited': return t('error.rateLimited');
    case 'offline': case 'disconnected': return t('error.offline');
    default: return t('error.generic', { message: error?.message || '' });
  }
}

/** Shows a refused request as an error toast (role=alert). */
export function showError(error) {
  toast(errorText(error), 'error');
}

async function checkToken(token) {
  try {
    const response = await fetch('/v1/directory', { headers: { Authorization: `Bearer ${token}` } });
    return response.status !== 401;
  } catch {
    return true;
  }
}

/** The configured people and queues (names for ids, transfer and assign targets). */
export class Directory {
  constructor() {
    this.agents = new Map();
    this.queues = new Map();
    this.supervisors = new Map();
    this.bots = new Map();
  }

  async load(token) {
    try {
      const response = await fetch('/v1/directory', { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) return this;
      const body = await response.json();
      for (const agent of body.agents || []) this.agents.set(agent.id, agent);
      for (const queue of body.queues || []) this.queues.set(queue.id, queue);
      for (const person of body.supervisors || []) this.supervisors.set(person.id, person);
      for (const bot of body.bots || []) this.bots.set(bot.id, bot);
    } catch {
      // The pages work without names: ids are shown instead.
    }
    return this;
  }

  /**
   * A display name for a user id: a name the hub sent wins, then the directory's; a customer without
   * a name is "Customer" and the end of their id (the hub's ids are long and random).
   */
  name(userId, sentName) {
    const known = sentName || this.agents.get(userId)?.name || this.supervisors.get(userId)?.name
      || this.bots.get(userId)?.name;
    if (known) return known;
    if (typeof userId === 'string' && userId.startsWith('customer-')) return t('customer', { tag: userId.slice(-4) });
    return userId || '';
  }

  queueName(queueId) {
    return this.queues.get(queueId)?.name || queueId || '';
  }
}

/** Translates the static page, then keeps it translated. */
export function translatePage() {
  applyTranslations(document);
  onLanguageChange(() => applyTranslations(document));
}

/**
 * A dialog choosing an agent or a queue (transfer, assign). `agents` are <option>s; with
 * `withOverride`, a checkbox to exceed the agent's capacity; `explain(agentId, override)` gives a line
 * shown under the agent choice as it changes (an assign's free capacity or excess). Resolves with
 * {target: 'agent'|'queue', agentId, queueId, override} or null.
 */
export function targetDialog({ title, submitLabel, agents, queues, currentQueue, withOverride = false, explain, toLabel = t('transfer.to') }) {
  return openDialog({
    title, submitLabel, cancelLabel: t('cancel'),
    build: (form) => {
      const agentSelect = h('select', { name: 'agentId', id: 'target-agent-select' }, agents);
      const queueSelect = h('select', { name: 'queueId', id: 'target-queue-select' },
        queues.map((queue) => h('option', { value: queue.id, selected: queue.id === currentQueue }, queue.name)));
      const toAgent = h('input', { type: 'radio', name: 'target', value: 'agent', id: 'target-agent', checked: agents.length > 0 });
      const toQueue = h('input', { type: 'radio', name: 'target', value: 'queue', id: 'target-queue', checked: agents.length === 0 });
      const override = withOverride ? h('input', { type: 'checkbox', name: 'override', value: 'true', id: 'target-override' }) : null;
      const hint = explain ? h('p', { class: 'target-hint', id: 'target-agent-hint', 'aria-live': 'polite', hidden: true }) : null;
      if (hint) agentSelect.setAttribute('aria-describedby', hint.id);
      const sync = () => {
        agentSelect.disabled = !toAgent.checked;
        queueSelect.disabled = !toQueue.checked;
        if (override) override.disabled = !toAgent.checked;
        if (hint) {
          const text = toAgent.checked && agentSelect.value ? explain(agentSelect.value, Boolean(override?.checked)) : '';
          hint.textContent = text;
          hint.hidden = !text;
        }
      };
      toAgent.addEventListener('change', sync);
      toQueue.addEventListener('change', sync);
      agentSelect.addEventListener('change', sync);
      override?.addEventListener('change', sync);
      form.append(
        h('fieldset', { class: 'choice' }, h('legend', {}, toLabel),
          h('label', { for: 'target-agent' }, toAgent, ' ', t('transfer.agent')),
          h('label', { for: 'target-queue' }, toQueue, ' ', t('transfer.queue'))),
        field(t('transfer.agent'), agentSelect),
        hint,
        override ? h('label', { for: 'target-override', class: 'checkbox' }, override, ' ', t('assign.override')) : null,
        field(t('transfer.queue'), queueSelect));
      sync();
    },
  });
}
