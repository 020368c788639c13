// The supervisor dashboard (/supervisor): the Ongoing conversations report as a live table (filters,
// sorting, wait and handle times ticking), the agents panel, row actions (Monitor, Join, Assign,
// Transfer, Force close), the monitored transcript in this tab (Join, then public or internal
// messages), and for an admin the four supervisor settings.

import { Conversation, CONVERSATION_EVENTS, flushOutbox } from './conversation.js';
import { h, reconcile, openDialog, field, toast, replaceChildren, duration } from './dom.js';
import { t, onLanguageChange, formatTime, currentLanguage } from './i18n.js';
import { renderTranscript } from './transcript.js';
import {
  takeToken, showSignIn, renderHeader, connectionIndicator, connect, Directory, translatePage, targetDialog, showError,
} from './staff.js';

const ROLES = ['supervisor', 'admin'];
const SETTINGS = ['supervisorMonitor', 'supervisorAssign', 'supervisorTransfer', 'supervisorForceClose'];
const STATUSES = ['open', 'active', 'waiting', 'wrap-up'];
const SENTIMENT_LEVELS = ['very-negative', 'negative', 'slightly-negative', 'neutral', 'slightly-positive', 'positive',
  'very-positive'];

translatePage();
const signIn = takeToken();
const main = document.getElementById('main');
if (!signIn || signIn.expired || !ROLES.includes(signIn.claims.role)) {
  renderHeader(null);
  showSignIn(main, { roles: ROLES, reason: signIn?.expired ? 'signin.expired' : (signIn ? 'signin.wrongRole' : null) });
} else {
  startDashboard(signIn);
}

function startDashboard({ token, claims }) {
  const me = claims.sub;
  const isAdmin = claims.role === 'admin';
  const state = {
    rows: new Map(),
    filters: { queue: '', agent: '', status: '', channel: '' },
    sort: { key: 'wait', descending: true },
    monitored: null,
    joined: false,
    visibility: 'internal',
    // The admin's settings: null until settings.get answers (asked on every welcome).
    settings: null,
    // The agents view (agents.snapshot, then agents.update): agentId → row; null until the snapshot.
    agents: null,
    // The first queue this page saw each conversation in. A conversation keeps the capacity units of
    // the queue it started in, and report rows do not carry them: this is the best guess for the
    // assign dialog's preview (the ack's capacityExceededBy is exact).
    firstQueues: new Map(),
  };
  const directory = new Directory();
  const status = renderHeader(claims);
  const client = connect({ token, onRefused: () => showSignIn(main, { roles: ROLES, reason: 'signin.refused' }) });
  client.setIndicator(connectionIndicator(status));

  // ---- Layout (the first screen, before the WebSocket) -------------------------------------------------

  const settingsCard = h('section', { class: 'card settings', id: 'settings', 'aria-labelledby': 'settings-title', hidden: !isAdmin });
  const filters = h('form', { class: 'filters', id: 'filters', 'aria-label': t('filters.label') });
  const tableCaption = h('caption', { class: 'visually-hidden' });
  const tableHead = h('thead');
  const tableBody = h('tbody', { id: 'report-rows' });
  const table = h('table', { class: 'report', id: 'report' }, tableCaption, tableHead, tableBody);
  const agentsList = h('ul', { class: 'agents', id: 'agents' });
  const monitorPanel = h('section', { class: 'card monitor', id: 'monitor', 'aria-labelledby': 'monitor-title', hidden: true });
  replaceChildren(main,
    settingsCard,
    h('section', { class: 'card report-card', 'aria-labelledby': 'report-title' },
      h('div', { class: 'card-header' },
        h('h2', { id: 'report-title', 'data-i18n': 'report.title' }, t('report.title')),
        h('span', { class: 'count', id: 'report-count', 'aria-live': 'polite' })),
      filters,
      h('div', { class: 'table-wrap' }, table),
      h('p', { class: 'empty', id: 'report-empty', 'data-i18n': 'report.none' }, t('report.none'))),
    monitorPanel,
    h('section', { class: 'card agents-card', 'aria-labelledby': 'agents-title' },
      h('h2', { id: 'agents-title', 'data-i18n': 'agents.title' }, t('agents.title')), agentsList));

  // ---- Admin settings -------------------------------------------------------------------------------

  function renderSettings() {
    if (!isAdmin) return;
    const known = state.settings !== null;
    replaceChildren(settingsCard,
      h('h2', { id: 'settings-title' }, t('settings.title')),
      h('p', { class: 'hint' }, t('settings.help')),
      known ? null : h('p', { class: 'hint', id: 'settings-unknown' }, t('settings.unknown')),
      h('div', { class: 'switches' }, SETTINGS.map((key) => {
        // Until settings.get answers, each switch is indeterminate ("mixed" to a screen reader).
        const input = h('input', {
          type: 'checkbox', role: known ? 'switch' : null, id: `setting-${key}`, name: key,
          checked: state.settings?.[key] === true,
        });
        input.indeterminate = !known;
        input.addEventListener('change', async () => {
          input.disabled = true;
          try {
            await client.request('settings.update', { [key]: input.checked });
          } catch (error) {
            showError(error);
          }
          renderSettings();
        });
        return h('label', { class: 'switch', for: `setting-${key}` }, input, h('span', {}, t(`settings.${key}`)));
      })));
  }
  client.on('notification:settings-updated', (frame) => {
    state.settings = frame.settings;
    renderSettings();
  });

  // ---- Report ------------------------------------------------------------------------------------------

  client.on('report.snapshot', (frame) => {
    state.rows.clear();
    for (const row of frame.rows) {
      state.rows.set(row.conversationId, { row, receivedAt: Date.now() });
      if (!state.firstQueues.has(row.conversationId)) state.firstQueues.set(row.conversationId, row.queueId);
    }
    renderReport();
  });
  client.on('report.update', (frame) => {
    const row = frame.row;
    if (row.status === 'closed') {
      state.rows.delete(row.conversationId);
      state.firstQueues.delete(row.conversationId);
    } else {
      state.rows.set(row.conversationId, { row, receivedAt: Date.now() });
      if (!state.firstQueues.has(row.conversationId)) state.firstQueues.set(row.conversationId, row.queueId);
    }
    renderReport();
  });

  /** Wait time counts while open; handle time while an agent has it (wrap-up included). */
  function times({ row, receivedAt }) {
    const elapsed = (Date.now() - receivedAt) / 1000;
    return {
      wait: row.waitSeconds + (row.status === 'open' ? elapsed : 0),
      handle: row.handleSeconds + (['active', 'waiting', 'wrap-up'].includes(row.status) ? elapsed : 0),
    };
  }

  function hasSentiment() {
    return [...state.rows.values()].some(({ row }) => row.sentiment !== undefined);
  }

  function columns() {
    const list = [
      { key: 'subject', value: (e) => e.row.subject },
      { key: 'status', value: (e) => STATUSES.indexOf(e.row.status) },
      { key: 'agent', value: (e) => directory.name(e.row.agentId) },
      { key: 'queue', value: (e) => directory.queueName(e.row.queueId) },
      { key: 'channel', value: (e) => e.row.channel },
      { key: 'wait', value: (e) => times(e).wait },
      { key: 'handle', value: (e) => times(e).handle },
    ];
    if (hasSentiment()) list.push({ key: 'sentiment', value: (e) => SENTIMENT_LEVELS.indexOf(sentimentLevel(e.row.sentiment)) });
    return list;
  }

  function visibleRows() {
    const { queue, agent, status: wanted, channel } = state.filters;
    const column = columns().find((c) => c.key === state.sort.key) || columns()[5];
    return [...state.rows.values()]
      .filter(({ row }) => (!queue || row.queueId === queue) && (!agent || (agent === '-' ? !row.agentId : row.agentId === agent))
        && (!wanted || row.status === wanted) && (!channel || row.channel === channel))
      .sort((a, b) => {
        const left = column.value(a);
        const right = column.value(b);
        const order = typeof left === 'number' ? left - right : String(left ?? '').localeCompare(String(right ?? ''));
        return state.sort.descending ? -order : order;
      });
  }

  function renderFilters() {
    const rows = [...state.rows.values()].map((e) => e.row);
    const queues = new Set([...directory.queues.keys(), ...rows.map((r) => r.queueId)]);
    const agents = new Set([...directory.agents.keys(), ...rows.map((r) => r.agentId).filter(Boolean)]);
    const channels = new Set(rows.map((r) => r.channel));
    const select = (key, options) => {
      const element = h('select', { id: `filter-${key}`, name: key },
        h('option', { value: '' }, t('filters.all')),
        options.map(([value, label]) => h('option', { value, selected: state.filters[key] === value }, label)));
      element.addEventListener('change', () => {
        state.filters[key] = element.value;
        renderReport();
      });
      return field(t(`filters.${key}`), element);
    };
    replaceChildren(filters,
      select('queue', [...queues].map((id) => [id, directory.queueName(id)])),
      select('agent', [['-', t('filters.noAgent')], ...[...agents].map((id) => [id, directory.name(id)])]),
      select('status', STATUSES.map((s) => [s, t(`status.${s}`)])),
      select('channel', [...channels].sort().map((c) => [c, t(`channel.${c}`, {}, c)])));
  }

  let filterSignature = '';
  function renderReport() {
    const signature = JSON.stringify([[...directory.queues.keys()], [...state.rows.values()].map((e) => [e.row.queueId, e.row.agentId, e.row.channel]).sort()]);
    if (signature !== filterSignature) {
      filterSignature = signature;
      renderFilters();
    }
    const cols = columns();
    tableHead.replaceChildren(h('tr', {}, cols.map((column) => {
      const active = state.sort.key === column.key;
      const sortState = active ? (state.sort.descending ? 'descending' : 'ascending') : 'none';
      return h('th', { scope: 'col', 'aria-sort': sortState, class: `col-${column.key}` },
        h('button', { type: 'button', class: 'sort', onclick: () => sortBy(column.key) },
          t(`report.${column.key}`), h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.sort.descending ? ' ▼' : ' ▲') : '')));
    }), h('th', { scope: 'col', class: 'col-actions' }, t('report.actions'))));
    tableCaption.textContent = t('report.caption');
    const rows = visibleRows();
    // Rows are kept and refreshed in place, so a keyboard user's focus on a row action survives updates.
    reconcile(tableBody, rows, (e) => e.row.conversationId, (e) => renderRow(e, cols), (element, e) => {
      const focused = element.contains(document.activeElement) ? document.activeElement.dataset.action : null;
      const fresh = renderRow(e, cols);
      element.replaceChildren(...fresh.childNodes);
      element.className = fresh.className;
      element.entry = e;
      if (focused) element.querySelector(`[data-action="${focused}"]`)?.focus();
    });
    document.getElementById('report-empty').hidden = state.rows.size > 0;
    document.getElementById('report-count').textContent = t('report.count', { shown: rows.length, total: state.rows.size });
    renderAgents();
  }

  function sortBy(key) {
    state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : key === 'wait' || key === 'handle' };
    renderReport();
    table.querySelector(`th.col-${key} button`)?.focus();
  }

  function renderRow(entry, cols) {
    const { row } = entry;
    const cell = (key, ...content) => h('td', { class: `col-${key}`, 'data-label': t(`report.${key}`) }, ...content);
    const { wait, handle } = times(entry);
    const monitored = state.monitored?.id === row.conversationId;
    const button = (key, handler, extra = {}) => h('button', {
      type: 'button', class: `button small ${key === 'forceClose' ? 'danger' : 'secondary'}`, onclick: handler,
      'data-action': key, 'aria-label': `${t(`actions.${key}`)}: ${row.subject}`, ...extra,
    }, t(`actions.${key}`));
    const cells = {
      // The customer under the subject: whom a supervisor looks for when a customer calls about a chat.
      subject: () => cell('subject', h('div', {}, h('div', {}, row.subject),
        row.customerId ? h('div', { class: 'customer-line' }, directory.name(row.customerId, row.customerName)) : null)),
      status: () => cell('status', h('span', { class: 'badges' },
        h('span', { class: `status status-${row.status}` }, t(`status.${row.status}`)),
        row.customerAway ? h('span', { class: 'tag away' }, t('report.away')) : null)),
      agent: () => cell('agent', row.agentId ? directory.name(row.agentId) : h('span', { class: 'muted' }, t('report.unassigned'))),
      queue: () => cell('queue', directory.queueName(row.queueId)),
      channel: () => cell('channel', t(`channel.${row.channel}`, {}, row.channel)),
      wait: () => cell('wait', h('span', { class: 'ticking', dataset: { kind: 'wait' } }, duration(wait))),
      handle: () => cell('handle', h('span', { class: 'ticking', dataset: { kind: 'handle' } }, duration(handle))),
      sentiment: () => {
        const level = sentimentLevel(row.sentiment);
        return cell('sentiment', row.sentiment === undefined ? '—'
          : h('span', { class: `sentiment sentiment-${level}` }, t(`sentiment.${level}`, {}, String(row.sentiment))));
      },
    };
    const element = h('tr', { dataset: { conversationId: row.conversationId }, class: monitored ? 'monitored' : '' },
      cols.map((column) => cells[column.key]()),
      h('td', { class: 'col-actions', 'data-label': t('report.actions') }, h('div', { class: 'row-actions' },
        button('monitor', () => monitor(row.conversationId), { 'aria-pressed': String(monitored) }),
        button('join', () => join(row.conversationId)),
        button('assign', () => assign(row), row.status === 'open' ? {} : { disabled: true, title: t('assign.onlyOpen') }),
        button('transfer', () => transfer(row)),
        button('forceClose', () => forceClose(row)))));
    element.entry = entry;
    return element;
  }

  // The rows are re-rendered on every update; between updates only the two clocks move.
  setInterval(() => {
    for (const element of table.querySelectorAll('tbody tr')) {
      const { wait, handle } = times(state.rows.get(element.dataset.conversationId) || element.entry);
      element.querySelector('[data-kind=wait]').textContent = duration(wait);
      element.querySelector('[data-kind=handle]').textContent = duration(handle);
    }
  }, 1000);

  function sentimentLevel(value) {
    if (value === undefined || value === null) return 'none';
    if (typeof value === 'number') return SENTIMENT_LEVELS[Math.max(0, Math.min(6, Math.round(value) + 3))];
    const text = String(typeof value === 'object' ? value.label : value).toLowerCase().replace(/[\s_]+/g, '-');
    return SENTIMENT_LEVELS.includes(text) ? text : 'neutral';
  }

  // ---- Agents panel --------------------------------------------------------------------------------------

  /** The agents to show: the agents view's rows once it arrived, with the directory's agents it lacks. */
  function agentRows() {
    const rows = new Map();
    for (const agent of directory.agents.values()) {
      rows.set(agent.id, { agentId: agent.id, name: agent.name, capacity: agent.capacity, conversationIds: [], queues: agent.queues });
    }
    for (const live of state.agents?.values() || []) {
      rows.set(live.agentId, { ...rows.get(live.agentId), ...live, queues: rows.get(live.agentId)?.queues || [] });
    }
    return [...rows.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }

  /**
   * One entry per agent: presence (and since when the connection is lost), capacity used of total as
   * a meter, the conversations they hold as primary agent (subjects from the report), their queues.
   * Fed live by the agents view; before its snapshot, the directory's agents with presence unknown.
   */
  function renderAgents() {
    const rows = agentRows();
    const byId = new Map(rows.map((row) => [row.agentId, row]));
    reconcile(agentsList, rows, (agent) => agent.agentId, () => h('li', { class: 'agent' }), () => {});
    for (const element of agentsList.children) {
      const agent = byId.get(element.dataset.key);
      const known = state.agents?.has(agent.agentId);
      const used = agent.capacityUsed ?? 0;
      const conversations = (agent.conversationIds || []).map((id) => {
        const row = state.rows.get(id)?.row;
        return h('li', {}, row ? row.subject : id,
          row ? [' ', h('span', { class: `status status-${row.status}` }, t(`status.${row.status}`))] : null);
      });
      element.classList.toggle('over', used > agent.capacity);
      replaceChildren(element,
        h('div', { class: 'agent-head' },
          h('span', { class: 'agent-name' }, agent.name || agent.agentId),
          h('span', { class: `presence presence-${known ? agent.presence : 'unknown'}` },
            known ? t(`presence.${agent.presence}`) : (state.agents ? t('agents.presenceUnknown') : t('agents.waiting'))),
          agent.disconnectedAt ? h('span', { class: 'tag away' }, t('agents.disconnected', { time: formatTime(agent.disconnectedAt) })) : null,
          h('span', { class: 'agent-queues muted' }, (agent.queues || []).map((q) => directory.queueName(q)).join(', '))),
        // Green while there is room, amber when full, red past the capacity (an override).
        h('div', { class: 'agent-capacity' },
          h('meter', {
            min: 0, max: Math.max(agent.capacity, used), value: used, optimum: 0, low: agent.capacity - 0.5,
            high: agent.capacity, 'aria-label': t('agents.capacity'),
          }),
          h('span', { class: 'agent-load' }, t('agents.load', { count: used, capacity: agent.capacity }))),
        conversations.length
          ? h('ul', { class: 'agent-conversations', 'aria-label': t('agents.conversations') }, conversations)
          : h('p', { class: 'agent-conversations muted' }, t('agents.noConversations')));
    }
  }

  function applyAgent(row) {
    if (!state.agents) state.agents = new Map();
    state.agents.set(row.agentId, row);
    renderAgents();
  }

  client.on('agents.snapshot', (frame) => {
    state.agents = new Map(frame.agents.map((row) => [row.agentId, row]));
    renderAgents();
  });
  client.on('agents.update', (frame) => applyAgent(frame.agent));
  // The connection notifications arrive beside an agents.update; they keep the "connection lost" mark
  // right should they come alone.
  client.on('notification:agent-disconnected', (frame) => {
    const row = state.agents?.get(frame.userId);
    if (row && !row.disconnectedAt) applyAgent({ ...row, disconnectedAt: frame.at });
  });
  client.on('notification:agent-reconnected', (frame) => {
    const row = state.agents?.get(frame.userId);
    if (row) {
      const { disconnectedAt, ...rest } = row;
      applyAgent({ ...rest, presence: frame.presence });
    }
  });

  // ---- Monitor, join, write ------------------------------------------------------------------------------

  async function monitor(conversationId) {
    if (state.monitored?.id === conversationId) {
      await stopMonitoring();
      return;
    }
    if (state.monitored) await stopMonitoring();
    const item = new Conversation(conversationId);
    const entry = state.rows.get(conversationId);
    if (entry) item.subject = entry.row.subject;
    state.monitored = item;
    state.joined = false;
    buildMonitorPanel();
    try {
      await client.request('conversation.monitor', { conversationId });
      renderMonitor();
      renderReport();
    } catch (error) {
      state.monitored = null;
      monitorPanel.hidden = true;
      showError(error);
    }
  }

  async function stopMonitoring() {
    const item = state.monitored;
    if (!item) return;
    state.monitored = null;
    monitorPanel.hidden = true;
    renderReport();
    if (state.joined && item.status !== 'closed') await client.request('conversation.leave', { conversationId: item.id }).catch(() => {});
    state.joined = false;
    if (item.status !== 'closed') await client.request('conversation.unmonitor', { conversationId: item.id }).catch(() => {});
  }

  async function join(conversationId) {
    if (state.monitored?.id !== conversationId) await monitor(conversationId);
    if (state.monitored?.id !== conversationId) return;
    try {
      await client.request('conversation.join', { conversationId });
      state.joined = true;
      renderMonitor();
      document.getElementById('monitor-text')?.focus();
    } catch (error) {
      showError(error);
    }
  }

  async function leave() {
    const item = state.monitored;
    try {
      await client.request('conversation.leave', { conversationId: item.id });
      state.joined = false;
      renderMonitor();
    } catch (error) {
      showError(error);
    }
  }

  for (const type of CONVERSATION_EVENTS) {
    client.on(type, (frame) => {
      const item = state.monitored;
      if (!item || frame.conversationId !== item.id || frame.seq === undefined) return;
      if (item.apply(frame)) {
        if (frame.type === 'participant.left' && frame.userId === me) state.joined = false;
        if (frame.type === 'participant.joined' && frame.userId === me) state.joined = true;
        scheduleMonitorRender();
      }
    });
  }
  client.on('typing', (frame) => {
    if (state.monitored?.id !== frame.conversationId || frame.userId === me) return;
    typingUntil.set(frame.userId, Date.now() + 4000);
    scheduleMonitorRender();
    setTimeout(scheduleMonitorRender, 4100);
  });
  const typingUntil = new Map();

  let monitorParts = null;
  function buildMonitorPanel() {
    const item = state.monitored;
    const title = h('h2', { id: 'monitor-title' });
    const meta = h('p', { class: 'pane-meta' });
    const toolbar = h('div', { class: 'actions', role: 'toolbar', 'aria-label': t('actions.label') });
    const list = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'monitor-title', tabindex: '0' });
    const typing = h('p', { class: 'typing', 'aria-live': 'polite' });
    const text = h('textarea', { id: 'monitor-text', name: 'text', rows: 2, required: true, maxlength: 4000 });
    const internal = h('input', { type: 'radio', name: 'visibility', value: 'internal', id: 'monitor-internal', checked: state.visibility === 'internal' });
    const publicRadio = h('input', { type: 'radio', name: 'visibility', value: 'public', id: 'monitor-public', checked: state.visibility === 'public' });
    const composer = h('form', { class: 'composer', id: 'monitor-composer', 'aria-label': t('composer.label'), hidden: true },
      h('fieldset', { class: 'visibility' },
        h('legend', { class: 'visually-hidden' }, t('composer.visibility')),
        h('label', { for: 'monitor-internal', class: 'internal-label' }, internal, ' ', t('composer.internal')),
        h('label', { for: 'monitor-public' }, publicRadio, ' ', t('composer.public'))),
      h('label', { for: 'monitor-text', class: 'visually-hidden' }, t('composer.message')),
      h('div', { class: 'composer-row' }, text, h('button', { type: 'submit', class: 'button primary', id: 'monitor-send' }, t('composer.send'))));
    const updateMode = () => {
      state.visibility = internal.checked ? 'internal' : 'public';
      composer.classList.toggle('internal-mode', internal.checked);
      text.placeholder = internal.checked ? t('composer.internalPlaceholder') : t('composer.publicPlaceholder');
    };
    internal.addEventListener('change', updateMode);
    publicRadio.addEventListener('change', updateMode);
    updateMode();
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        composer.requestSubmit();
      }
    });
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value || !state.monitored) return;
      state.monitored.queue(value, state.visibility);
      text.value = '';
      scheduleMonitorRender();
      flushOutbox(client, state.monitored, scheduleMonitorRender);
    });
    replaceChildren(monitorPanel, h('header', { class: 'pane-header' }, title, meta), toolbar, list, typing, composer);
    monitorPanel.hidden = false;
    monitorParts = { item, title, meta, toolbar, list, typing, composer };
    renderMonitor();
  }

  let monitorQueued = false;
  function scheduleMonitorRender() {
    if (monitorQueued) return;
    monitorQueued = true;
    requestAnimationFrame(() => {
      monitorQueued = false;
      renderMonitor();
    });
  }

  function renderMonitor() {
    const item = state.monitored;
    if (!item || !monitorParts || monitorParts.item !== item) return;
    const { title, meta, toolbar, list, typing, composer } = monitorParts;
    title.textContent = t('monitor.title', { subject: item.subject || item.id });
    replaceChildren(meta,
      h('span', { class: `status status-${item.status}` }, t(`status.${item.status}`)),
      item.customerId ? ` · ${directory.name(item.customerId, item.nameOf(item.customerId))}` : '',
      item.customerAway ? [' ', h('span', { class: 'tag away' }, t('customerAway'))] : '',
      item.agentId ? ` · ${directory.name(item.agentId, item.nameOf(item.agentId))}` : '',
      ' · ', state.joined ? t('monitor.joined') : t('monitor.silent'));
    const closed = item.status === 'closed';
    replaceChildren(toolbar,
      state.joined
        ? h('button', { type: 'button', class: 'button secondary small', id: 'monitor-leave', disabled: closed, onclick: leave }, t('actions.leave'))
        : h('button', { type: 'button', class: 'button primary small', id: 'monitor-join', disabled: closed, onclick: () => join(item.id) }, t('actions.join')),
      h('button', { type: 'button', class: 'button secondary small', id: 'monitor-stop', onclick: stopMonitoring }, t('monitor.stop')));
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    renderTranscript(list, item, {
      me, audience: 'staff', name: (id, sent) => directory.name(id, sent), queueName: (id) => directory.queueName(id),
    });
    if (atBottom) list.scrollTop = list.scrollHeight;
    const names = [...typingUntil.entries()].filter(([, until]) => until > Date.now()).map(([id]) => directory.name(id, item.nameOf(id)));
    typing.textContent = names.length ? t('typing', { name: names.join(', ') }) : '';
    composer.hidden = !state.joined || closed;
  }

  // ---- Assign, transfer, force close ---------------------------------------------------------------------

  /** What assigning `row` to an agent means now: presence allowed by the queue, free capacity, excess. */
  function assignFit(row, agentId, rows = agentRows()) {
    const agent = rows.find((candidate) => candidate.agentId === agentId);
    const queue = directory.queues.get(row.queueId);
    const units = directory.queues.get(state.firstQueues.get(row.conversationId) ?? row.queueId)?.capacityUnits ?? 1;
    const used = agent?.capacityUsed ?? 0;
    const capacity = agent?.capacity ?? 0;
    const presence = state.agents?.get(agentId)?.presence;
    const allowed = queue?.allowedPresences || [];
    return {
      agent, units, used, capacity, presence, allowed,
      free: Math.max(0, capacity - used),
      excess: used + units - capacity,
      presenceAllowed: presence !== undefined && (allowed.length === 0 || allowed.includes(presence)),
    };
  }

  /** Agents for the assign and transfer dialogs: those who can take it now first, with presence and free capacity. */
  function agentOptions(row) {
    const rows = agentRows();
    const candidates = rows.filter((agent) => agent.agentId !== row.agentId).map((agent) => {
      const fit = assignFit(row, agent.agentId, rows);
      const inQueue = (agent.queues || []).includes(row.queueId);
      return { agent, fit, rank: (fit.presenceAllowed && fit.excess <= 0 ? 0 : 2) + (inQueue ? 0 : 1) };
    });
    candidates.sort((a, b) => a.rank - b.rank || String(a.agent.name).localeCompare(String(b.agent.name)));
    return candidates.map(({ agent, fit }) => h('option', { value: agent.agentId },
      t('assign.option', {
        name: agent.name, free: fit.free, capacity: fit.capacity,
        presence: fit.presence ? t(`presence.${fit.presence}`) : t('agents.presenceUnknown'),
      })));
  }

  /** The line under the assign dialog's agent choice: fits, exceeds by how much, or a presence the queue does not take. */
  function explainAssign(row, agentId, override) {
    const fit = assignFit(row, agentId);
    const name = fit.agent?.name || agentId;
    const lines = [];
    if (fit.presence && !fit.presenceAllowed) {
      lines.push(t('assign.presence', {
        name, presence: t(`presence.${fit.presence}`),
        allowed: new Intl.ListFormat(currentLanguage(), { type: 'disjunction' }).format(fit.allowed.map((p) => t(`presence.${p}`))),
      }));
    }
    if (fit.excess > 0) {
      lines.push(t('assign.over', { name, units: fit.excess, used: fit.used, capacity: fit.capacity, needed: fit.units }));
      if (!override) lines.push(t('assign.overHint'));
    } else if (lines.length === 0) {
      lines.push(t('assign.fits', { name, free: fit.free, capacity: fit.capacity, units: fit.units }));
    }
    return lines.join('\n');
  }

  async function assign(row) {
    const result = await targetDialog({
      title: t('assign.title', { subject: row.subject }), submitLabel: t('assign.submit'),
      agents: agentOptions(row), queues: [...directory.queues.values()], currentQueue: row.queueId, withOverride: true,
      explain: (agentId, override) => explainAssign(row, agentId, override), toLabel: t('assign.to'),
    });
    if (!result) return;
    const fields = result.target === 'queue' ? { queueId: result.queueId } : { agentId: result.agentId, override: result.override === 'true' };
    try {
      const ack = await client.request('conversation.assign', { conversationId: row.conversationId, ...fields });
      toast(ack.capacityExceededBy
        ? t('assign.exceeded', { count: ack.capacityExceededBy })
        : t('assign.done', { name: result.target === 'queue' ? directory.queueName(result.queueId) : directory.name(result.agentId) }));
    } catch (error) {
      if (error.code === 'capacity_exceeded') toast(t('assign.full'), 'error');
      else showError(error);
    }
  }

  async function transfer(row) {
    const result = await targetDialog({
      title: t('transfer.titleFor', { subject: row.subject }), submitLabel: t('transfer.submit'),
      agents: agentOptions(row), queues: [...directory.queues.values()], currentQueue: row.queueId,
    });
    if (!result) return;
    const fields = result.target === 'queue' ? { queueId: result.queueId } : { agentId: result.agentId };
    try {
      await client.request('conversation.transfer', { conversationId: row.conversationId, ...fields });
      toast(result.target === 'queue'
        ? t('transfer.toQueue', { queue: directory.queueName(result.queueId) })
        : t('transfer.sent', { name: directory.name(result.agentId) }));
    } catch (error) {
      showError(error);
    }
  }

  async function forceClose(row) {
    const result = await openDialog({
      title: t('forceClose.title'), submitLabel: t('forceClose.submit'), cancelLabel: t('cancel'), danger: true,
      build: (form) => form.append(
        h('p', { class: 'warning-text' }, t('forceClose.warning', { subject: row.subject })),
        field(t('forceClose.reason'), h('textarea', { name: 'reason', required: true, rows: 3, maxlength: 500, id: 'force-close-reason' }),
          t('forceClose.reasonHint'))),
    });
    if (!result) return;
    try {
      await client.request('conversation.forceClose', { conversationId: row.conversationId, reason: result.reason.trim() });
      toast(t('forceClose.done', { subject: row.subject }));
    } catch (error) {
      showError(error);
    }
  }

  // ---- Connection ------------------------------------------------------------------------------------------

  client.on('welcome', async (welcome) => {
    if (welcome.user.name && welcome.user.name !== me) document.getElementById('who').textContent = welcome.user.name;
    client.request('report.subscribe').catch(showError);
    client.request('agents.subscribe').catch(showError);
    if (isAdmin) {
      client.request('settings.get').then((ack) => {
        if (ack?.settings) {
          state.settings = ack.settings;
          renderSettings();
        }
      }).catch(showError);
    }
    if (state.monitored && welcome.reconnected) {
      const item = state.monitored;
      try {
        await client.request('conversation.monitor', { conversationId: item.id });
        flushOutbox(client, item, scheduleMonitorRender);
      } catch {
        // Closed meanwhile: the panel shows its last state.
      }
    }
  });

  renderSettings();
  renderReport();
  onLanguageChange(() => {
    renderSettings();
    filterSignature = '';
    renderReport();
    if (state.monitored) buildMonitorPanel();
  });
  directory.load(token).then(() => {
    document.getElementById('who').textContent = directory.name(me, claims.name !== me ? claims.name : undefined);
    renderReport();
  });
  client.start();
  window.livehub = { client, state };
}
