// The agent console (/agent): presence, incoming offers with a countdown, own conversations with
// status and unread counts, the transcript with internal notes marked, and the conversation actions
// (wait, end, close, release, consult, transfer, leave).

import { Conversation, isHistoryEvent, flushOutbox } from './conversation.js';
import { h, reconcile, openDialog, field, toast, announce, replaceChildren } from './dom.js';

// The history events of a conversation this agent takes part in (offers and notifications apart).
const HISTORY = ['message', 'participant.joined', 'participant.left', 'participant.away', 'participant.back',
  'conversation.updated', 'conversation.closed'];
import { t, onLanguageChange } from './i18n.js';
import { renderTranscript } from './transcript.js';
import {
  takeToken, showSignIn, renderHeader, connectionIndicator, connect, Directory, translatePage, targetDialog, showError,
} from './staff.js';

const PRESENCES = ['available', 'busy', 'dnd', 'away', 'offline'];

translatePage();
const signIn = takeToken();
const main = document.getElementById('main');
if (!signIn || signIn.expired || signIn.claims.role !== 'agent') {
  renderHeader(null);
  showSignIn(main, { roles: ['agent'], reason: signIn?.expired ? 'signin.expired' : (signIn ? 'signin.wrongRole' : null) });
} else {
  startConsole(signIn);
}

function startConsole({ token, claims }) {
  const me = claims.sub;
  const storageKey = `livehub.agent.${me}`;
  const saved = JSON.parse(localStorage.getItem(storageKey) || '{}');
  const state = {
    presence: saved.presence || 'available',
    conversations: new Map(),
    offers: new Map(),
    selected: null,
    unread: new Map(),
    typing: new Map(),
    resuming: new Set(),
    visibility: 'public',
  };
  const directory = new Directory();
  const status = renderHeader(claims);
  const client = connect({ token, onRefused: () => showSignIn(main, { roles: ['agent'], reason: 'signin.refused' }) });
  client.setIndicator(connectionIndicator(status));

  // The first screen, before the WebSocket: everything is laid out and labelled.
  const presenceSelect = h('select', { id: 'presence', name: 'presence' });
  const offersList = h('ul', { id: 'offers', class: 'offers', 'aria-live': 'polite' });
  const conversationsList = h('ul', { id: 'conversations', class: 'conversation-list' });
  const pane = h('section', { id: 'conversation-pane', class: 'pane', 'aria-labelledby': 'pane-title' });
  replaceChildren(main,
    h('aside', { class: 'sidebar' },
      h('div', { class: 'card presence-card' },
        h('label', { for: 'presence', 'data-i18n': 'presence.label' }, t('presence.label')), presenceSelect),
      h('section', { class: 'card', 'aria-labelledby': 'offers-title' },
        h('h2', { id: 'offers-title', 'data-i18n': 'offers.title' }, t('offers.title')), offersList,
        h('p', { class: 'empty', id: 'offers-empty', 'data-i18n': 'offers.none' }, t('offers.none'))),
      h('nav', { class: 'card', 'aria-labelledby': 'conversations-title' },
        h('h2', { id: 'conversations-title', 'data-i18n': 'conversations.title' }, t('conversations.title')),
        conversationsList,
        h('p', { class: 'empty', id: 'conversations-empty', 'data-i18n': 'conversations.none' }, t('conversations.none')))),
    pane);

  function renderPresence() {
    replaceChildren(presenceSelect, PRESENCES.map((presence) =>
      h('option', { value: presence, selected: presence === state.presence }, t(`presence.${presence}`))));
  }
  presenceSelect.addEventListener('change', async () => {
    const presence = presenceSelect.value;
    state.presence = presence;
    save();
    try {
      await client.request('presence.set', { presence });
    } catch (error) {
      showError(error);
    }
  });

  function save() {
    const open = [...state.conversations.values()].filter((c) => c.status !== 'closed' && !c.left).map((c) => c.id);
    localStorage.setItem(storageKey, JSON.stringify({ presence: state.presence, conversations: open }));
  }

  function conversation(id) {
    let item = state.conversations.get(id);
    if (!item) {
      item = new Conversation(id);
      state.conversations.set(id, item);
    }
    return item;
  }

  // ---- Offers ------------------------------------------------------------------------------------

  client.on('offer', (frame) => {
    if (frame.agentId !== me) {
      // Someone else's offer in a conversation this agent is in (a transfer or consult it asked for).
      if (state.conversations.has(frame.conversationId)) applyHistory(frame);
      return;
    }
    state.offers.set(frame.offerId, { ...frame, receivedAt: Date.now() });
    if (state.conversations.has(frame.conversationId)) applyHistory(frame);
    announce(frame.customerName ? t('offers.announceFrom', { subject: frame.subject, name: frame.customerName })
      : t('offers.announce', { subject: frame.subject }));
    renderOffers();
  });

  for (const outcome of ['offer-accepted', 'offer-rejected', 'offer-timed-out', 'offer-withdrawn']) {
    client.on(`notification:${outcome}`, (frame) => {
      const offer = state.offers.get(frame.offerId);
      state.offers.delete(frame.offerId);
      renderOffers();
      if (state.conversations.has(frame.conversationId)) applyHistory(frame);
      // The requester hears how the other agent answered.
      if (frame.requesterId === me && frame.agentId !== me) {
        toast(t(`event.offer-${outcome.slice(6)}`, { name: directory.name(frame.agentId), kind: t(`offerKind.${frame.offerKind}`) }),
          outcome === 'offer-accepted' ? 'info' : 'warning');
      } else if (offer && outcome === 'offer-timed-out') {
        toast(t('offers.timedOut', { subject: offer.subject }), 'warning');
      }
    });
  }

  /**
   * The tab's title counts what waits for the agent (offers, unread messages), so an agent working in
   * another tab sees a chat arrive. Set at once, not in the next render: requestAnimationFrame does not
   * run while the tab is hidden, which is exactly when the title matters.
   */
  function updateTitle() {
    const waiting = state.offers.size + [...state.unread.values()].reduce((sum, count) => sum + count, 0);
    document.title = waiting > 0 ? `(${waiting}) ${t('page.agent')}` : t('page.agent');
  }

  function renderOffers() {
    updateTitle();
    const offers = [...state.offers.values()].sort((a, b) => a.expiresAt - b.expiresAt);
    document.getElementById('offers-empty').hidden = offers.length > 0;
    reconcile(offersList, offers, (offer) => offer.offerId, (offer) => {
      const remaining = h('span', { class: 'countdown', 'aria-hidden': 'true' });
      const bar = h('progress', { max: 1, value: 1, class: 'countdown-bar', 'aria-label': t('offers.timeLeft') });
      const kind = offer.kind === 'route'
        ? t('offers.kind.route', { queue: directory.queueName(offer.queueId) })
        : t(`offers.kind.${offer.kind}`, { name: directory.name(offer.requesterId) });
      const item = h('li', { class: `offer offer-${offer.kind}`, 'aria-label': `${kind}: ${offer.subject}` },
        h('div', { class: 'offer-kind' }, kind),
        h('div', { class: 'offer-subject' }, offer.subject),
        h('div', { class: 'offer-meta' }, offer.customerName ? [h('span', { class: 'offer-customer' }, offer.customerName), ' · '] : null,
          t(`channel.${offer.channel}`, {}, offer.channel), ' · ', remaining),
        bar,
        h('div', { class: 'offer-actions' },
          h('button', { type: 'button', class: 'button primary small', onclick: () => answerOffer(offer, true) }, t('offers.accept')),
          h('button', { type: 'button', class: 'button secondary small', onclick: () => answerOffer(offer, false) }, t('offers.reject'))));
      item.countdown = { remaining, bar, offer };
      return item;
    });
    tickOffers();
  }

  function tickOffers() {
    for (const element of offersList.children) {
      const { remaining, bar, offer } = element.countdown;
      const total = Math.max(1, offer.expiresAt - offer.at);
      const left = Math.max(0, offer.expiresAt - Date.now());
      remaining.textContent = t('offers.secondsLeft', { seconds: Math.ceil(left / 1000) });
      bar.value = left / total;
    }
  }
  setInterval(tickOffers, 500);

  async function answerOffer(offer, accept) {
    try {
      await client.request(accept ? 'offer.accept' : 'offer.reject', { offerId: offer.offerId });
      state.offers.delete(offer.offerId);
      renderOffers();
      if (accept) {
        const item = conversation(offer.conversationId);
        item.subject = item.subject || offer.subject;
        await resume(item, 0);
        select(item.id);
      }
    } catch (error) {
      state.offers.delete(offer.offerId);
      renderOffers();
      showError(error);
    }
  }

  // ---- History and live events -------------------------------------------------------------------

  function applyHistory(frame) {
    const item = conversation(frame.conversationId);
    if (!item.apply(frame)) return;
    if (frame.type === 'participant.left' && frame.userId === me) item.left = true;
    if (frame.type === 'participant.joined' && frame.userId === me) item.left = false;
    if (frame.type === 'message' && frame.senderId !== me && state.selected !== item.id && !state.resuming.has(item.id)) {
      state.unread.set(item.id, (state.unread.get(item.id) || 0) + 1);
      updateTitle();
    }
    if (frame.type === 'message') state.typing.delete(`${item.id}:${frame.senderId}`);
    if ((frame.type === 'participant.away' || frame.type === 'participant.back') && !state.resuming.has(item.id)) {
      announce(t(frame.type === 'participant.away' ? 'event.away' : 'event.back', { name: nameIn(item, frame.userId) }));
    }
    scheduleRender();
  }

  /** A participant's display name: what the hub sent in this conversation, else the directory's. */
  function nameIn(item, userId) {
    return directory.name(userId, item.nameOf(userId));
  }

  for (const type of HISTORY) {
    client.on(type, (frame) => {
      if (!state.conversations.has(frame.conversationId)) {
        // A conversation this agent was just given (assigned by a supervisor, or joined): fetch its history.
        const mine = (frame.type === 'participant.joined' && frame.userId === me)
          || (frame.type === 'conversation.updated' && frame.agentId === me);
        if (!mine) return;
        const item = conversation(frame.conversationId);
        applyHistory(frame);
        resume(item, 0);
        return;
      }
      applyHistory(frame);
    });
  }
  client.on('notification', (frame) => {
    if (frame.seq !== undefined && state.conversations.has(frame.conversationId) && !frame.kind.startsWith('offer-')) {
      applyHistory(frame);
    }
  });
  client.on('notification:presence-changed', (frame) => {
    if (frame.userId !== me) return;
    state.presence = frame.presence;
    presenceSelect.value = frame.presence;
  });
  client.on('typing', (frame) => {
    if (frame.userId === me) return;
    const key = `${frame.conversationId}:${frame.userId}`;
    state.typing.set(key, Date.now() + 4000);
    scheduleRender();
    setTimeout(scheduleRender, 4100);
  });

  async function resume(item, afterSeq = item.lastSeq) {
    state.resuming.add(item.id);
    try {
      await client.request('conversation.resume', { conversationId: item.id, afterSeq });
    } catch (error) {
      if (error.code === 'forbidden' || error.code === 'not_found') {
        state.conversations.delete(item.id);
        save();
      }
    } finally {
      state.resuming.delete(item.id);
      scheduleRender();
    }
  }

  // Conversations this browser had open: known before the connection, so no early event is dropped;
  // each is resumed from seq 0 on the first welcome and from its last seq after a reconnect.
  for (const id of saved.conversations || []) conversation(id);

  client.on('welcome', async (welcome) => {
    if (welcome.user.name && welcome.user.name !== me) document.getElementById('who').textContent = welcome.user.name;
    client.request('presence.set', { presence: state.presence }).catch(showError);
    // The hub's list of this agent's conversations: one assigned while the console was closed, or
    // taken on another device, is known from here on like the ones this browser remembered.
    try {
      const answer = await client.request('conversations.mine');
      for (const own of answer.conversations || []) {
        const item = conversation(own.conversationId);
        item.subject = item.subject || own.subject;
      }
    } catch (error) {
      showError(error);
    }
    await Promise.all([...state.conversations.values()].map((item) => resume(item, item.lastSeq)));
    for (const item of state.conversations.values()) flushOutbox(client, item, scheduleRender);
  });

  // ---- Rendering -----------------------------------------------------------------------------------

  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      renderList();
      renderPane();
      save();
    });
  }

  function renderList() {
    const items = [...state.conversations.values()].filter((item) => item.subject || item.items.length);
    document.getElementById('conversations-empty').hidden = items.length > 0;
    reconcile(conversationsList, items, (item) => item.id, (item) => {
      const button = h('button', { type: 'button', class: 'conversation-button', onclick: () => select(item.id) });
      return h('li', {}, button);
    }, () => {});
    for (const element of conversationsList.children) {
      const item = state.conversations.get(element.dataset.key);
      const unread = state.unread.get(item.id) || 0;
      const button = element.firstElementChild;
      button.setAttribute('aria-current', state.selected === item.id ? 'true' : 'false');
      const customer = item.customerId ? nameIn(item, item.customerId) : '';
      replaceChildren(button,
        h('span', { class: 'conversation-subject' }, item.subject || item.id),
        h('span', { class: 'conversation-meta' },
          h('span', { class: `status status-${item.status}` }, t(`status.${item.status}`)),
          customer ? h('span', { class: 'conversation-customer' }, customer) : null,
          item.customerAway ? h('span', { class: 'tag away' }, t('customerAway')) : null,
          item.roleOf(me) === 'consult' ? h('span', { class: 'tag' }, t('role.consult')) : null,
          unread ? h('span', { class: 'unread', 'aria-label': t('unread', { count: unread }) }, String(unread)) : null));
    }
  }

  function select(id) {
    state.selected = id;
    state.unread.delete(id);
    updateTitle();
    paneConversation = null;
    scheduleRender();
    requestAnimationFrame(() => {
      // On a phone the conversation sits below the lists: bring it into view.
      if (window.innerWidth < 760) pane.scrollIntoView({ block: 'start' });
      document.getElementById('composer-text')?.focus({ preventScroll: window.innerWidth < 760 });
    });
  }

  let paneConversation = null;
  let paneParts = null;

  function renderPane() {
    const item = state.selected ? state.conversations.get(state.selected) : null;
    if (!item) {
      replaceChildren(pane, h('h2', { id: 'pane-title', class: 'visually-hidden' }, t('conversation.none')),
        h('p', { class: 'empty pane-empty' }, t('conversation.pick')));
      paneConversation = null;
      return;
    }
    if (paneConversation !== item) {
      paneConversation = item;
      paneParts = buildPane(item);
    }
    const { title, meta, list, typing, actions, composer } = paneParts;
    title.textContent = item.subject || item.id;
    const customer = item.customerId ? nameIn(item, item.customerId) : '';
    replaceChildren(meta,
      h('span', { class: `status status-${item.status}` }, t(`status.${item.status}`)),
      customer ? ` · ${customer}` : '',
      item.customerAway ? [' ', h('span', { class: 'tag away', id: 'customer-away' }, t('customerAway'))] : '',
      item.queueId ? ` · ${directory.queueName(item.queueId)}` : '',
      item.roleOf(me) ? ` · ${t(`role.${item.roleOf(me)}`)}` : '');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    renderTranscript(list, item, {
      me, audience: 'staff', name: (id, sent) => directory.name(id, sent), queueName: (id) => directory.queueName(id), onRetry: retry,
    });
    if (atBottom) list.scrollTop = list.scrollHeight;
    const typingNames = [...state.typing.entries()]
      .filter(([key, until]) => key.startsWith(`${item.id}:`) && until > Date.now())
      .map(([key]) => nameIn(item, key.slice(item.id.length + 1)));
    typing.textContent = typingNames.length ? t('typing', { name: typingNames.join(', ') }) : '';
    renderActions(item, actions);
    const canWrite = item.status !== 'closed' && !item.left && item.isParticipant(me);
    composer.hidden = !canWrite;
  }

  function buildPane(item) {
    const title = h('h2', { id: 'pane-title' });
    const meta = h('p', { class: 'pane-meta' });
    const list = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'pane-title', tabindex: '0' });
    const typing = h('p', { class: 'typing', 'aria-live': 'polite' });
    const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': t('actions.label') });
    const composer = buildComposer(item);
    replaceChildren(pane, h('header', { class: 'pane-header' }, title, meta), actions, list, typing, composer);
    return { title, meta, list, typing, actions, composer };
  }

  function buildComposer(item) {
    const text = h('textarea', { id: 'composer-text', name: 'text', rows: 2, required: true, maxlength: 4000 });
    const publicRadio = h('input', { type: 'radio', name: 'visibility', value: 'public', id: 'visibility-public', checked: state.visibility === 'public' });
    const internalRadio = h('input', { type: 'radio', name: 'visibility', value: 'internal', id: 'visibility-internal', checked: state.visibility === 'internal' });
    const form = h('form', { class: 'composer', 'aria-label': t('composer.label') },
      h('fieldset', { class: 'visibility' },
        h('legend', { class: 'visually-hidden' }, t('composer.visibility')),
        h('label', { for: 'visibility-public' }, publicRadio, ' ', t('composer.public')),
        h('label', { for: 'visibility-internal', class: 'internal-label' }, internalRadio, ' ', t('composer.internal'))),
      h('label', { for: 'composer-text', class: 'visually-hidden' }, t('composer.message')),
      h('div', { class: 'composer-row' }, text,
        h('button', { type: 'submit', class: 'button primary', id: 'send' }, t('composer.send'))));
    const updateMode = () => {
      state.visibility = internalRadio.checked ? 'internal' : 'public';
      form.classList.toggle('internal-mode', internalRadio.checked);
      text.placeholder = internalRadio.checked ? t('composer.internalPlaceholder') : t('composer.publicPlaceholder');
    };
    publicRadio.addEventListener('change', updateMode);
    internalRadio.addEventListener('change', updateMode);
    updateMode();
    let lastTyping = 0;
    text.addEventListener('input', () => {
      if (Date.now() - lastTyping > 2500 && text.value) {
        lastTyping = Date.now();
        client.notify('typing', { conversationId: item.id });
      }
    });
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      item.queue(value, state.visibility);
      text.value = '';
      scheduleRender();
      flushOutbox(client, item, scheduleRender);
    });
    return form;
  }

  function retry(entry) {
    const item = state.conversations.get(state.selected);
    const queued = item?.outbox.get(entry.clientMsgId);
    if (!queued) return;
    queued.state = 'sending';
    flushOutbox(client, item, scheduleRender);
  }

  function renderActions(item, toolbar) {
    const role = item.roleOf(me);
    const primary = role === 'agent' && item.agentId === me;
    const buttons = [];
    const add = (key, enabled, handler, style = 'secondary') => buttons.push(
      h('button', { type: 'button', class: `button ${style} small`, id: `action-${key}`, disabled: !enabled, onclick: handler },
        t(`actions.${key}`)));
    if (primary) {
      add('wait', item.status === 'active', () => act('conversation.wait', item));
      add('end', item.status === 'active' || item.status === 'waiting', () => act('conversation.end', item));
      add('close', item.status === 'wrap-up', () => act('conversation.close', item), 'primary');
      add('release', item.status === 'active', () => act('conversation.release', item));
      add('consult', item.status === 'active' || item.status === 'waiting', () => consult(item));
      add('transfer', item.status === 'active' || item.status === 'waiting', () => transfer(item));
    }
    if (role === 'consult' && item.status !== 'closed') add('leave', true, () => act('conversation.leave', item));
    if (item.status === 'closed' || item.left) add('dismiss', true, () => dismiss(item));
    replaceChildren(toolbar, buttons);
  }

  async function act(type, item, fields = {}) {
    try {
      await client.request(type, { conversationId: item.id, ...fields });
    } catch (error) {
      showError(error);
    }
  }

  function dismiss(item) {
    state.conversations.delete(item.id);
    state.selected = null;
    save();
    scheduleRender();
  }

  function agentOptions(item) {
    return [...directory.agents.values()]
      .filter((agent) => agent.id !== me && (!item.queueId || agent.queues.includes(item.queueId)))
      .map((agent) => h('option', { value: agent.id }, agent.name));
  }

  async function consult(item) {
    const result = await openDialog({
      title: t('consult.title'), submitLabel: t('consult.submit'), cancelLabel: t('cancel'),
      build: (form) => form.append(field(t('consult.agent'), h('select', { name: 'agentId', required: true }, agentOptions(item)))),
    });
    if (!result) return;
    try {
      await client.request('consult.invite', { conversationId: item.id, agentId: result.agentId });
      toast(t('consult.sent', { name: directory.name(result.agentId) }));
    } catch (error) {
      showError(error);
    }
  }

  async function transfer(item) {
    const result = await targetDialog({
      title: t('transfer.title'), submitLabel: t('transfer.submit'), agents: agentOptions(item),
      queues: [...directory.queues.values()], currentQueue: item.queueId,
    });
    if (!result) return;
    const fields = result.target === 'queue' ? { queueId: result.queueId } : { agentId: result.agentId };
    try {
      await client.request('conversation.transfer', { conversationId: item.id, ...fields });
      toast(result.target === 'queue'
        ? t('transfer.toQueue', { queue: directory.queueName(result.queueId) })
        : t('transfer.sent', { name: directory.name(result.agentId) }));
    } catch (error) {
      showError(error);
    }
  }

  // ---- Start -----------------------------------------------------------------------------------------

  renderPresence();
  renderOffers();
  scheduleRender();
  onLanguageChange(() => {
    renderPresence();
    renderOffers();
    paneConversation = null;
    scheduleRender();
  });
  directory.load(token).then(() => {
    document.getElementById('who').textContent = directory.name(me, claims.name !== me ? claims.name : undefined);
    scheduleRender();
  });
  client.start();
  window.livehub = { client, state };
}
