// The chat widget: a launcher button and a panel inside a shadow root (so neither the host page's CSS
// nor ours leaks across). Pre-chat form (name, email, topic, question) → POST /v1/customer-sessions
// (CORS) → /v1/ws?token= → conversation.start. The chat survives reloads of the page (session storage)
// and dropped connections (conversation.resume with afterSeq, resends with the same clientMsgId).

import { HubClient, webSocketURL } from '../js/hub-client.js';
import { Conversation, CONVERSATION_EVENTS, flushOutbox, isRetrying, retryDelay } from '../js/conversation.js';
import { h, replaceChildren } from '../js/dom.js';
import { t, setLanguage, applyTranslations, languageSelect, onLanguageChange, formatTime } from '../js/i18n.js';
import { renderTranscript, transcriptText } from '../js/transcript.js';

export function mount(options) {
  const hub = options.hub;
  const storageKey = `livehub.widget.${new URL(hub).host}`;
  if (options.lang) setLanguage(options.lang, { remember: false });

  const host = h('div', { id: 'livehub-chat' });
  host.style.display = 'none';
  const root = host.attachShadow({ mode: 'open' });
  const stylesheet = h('link', { rel: 'stylesheet', href: new URL('assets/css/widget.css', hub).href });
  stylesheet.addEventListener('load', () => { host.style.display = ''; });
  root.append(stylesheet);
  document.body.append(host);

  const queues = parseQueues(options.queues);
  let session = load();
  let conversation = null;
  let client = null;
  let refreshTimer = null;
  const typingUntil = new Map();
  let starting = false;
  const early = [];
  // connection: the client's state; startRetry: a conversation.start refused with `unavailable` is
  // tried again (the hub takes writes again by itself once its disk does).
  const stateView = { connection: 'idle', startRetry: null, queueFrame: null };

  // ---- Layout -------------------------------------------------------------------------------------------

  // New messages while the panel is closed show on the launcher, so a customer browsing the shop sees
  // the agent's answer arrive.
  const badge = h('span', { class: 'launcher-badge', id: 'lh-unread', 'aria-hidden': 'true', hidden: true });
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'lh-panel', id: 'lh-launcher' },
    h('span', { class: 'launcher-icon', 'aria-hidden': 'true' }, '💬'),
    h('span', { 'data-i18n': 'widget.open' }, t('widget.open')), badge);
  const title = h('h2', { id: 'lh-title' }, options.title || t('widget.title'));
  const status = h('p', { class: 'status-line', role: 'status', id: 'lh-status' });
  const notice = h('p', { class: 'notice-line', role: 'status', id: 'lh-notice', hidden: true });
  const nameInput = h('input', { id: 'lh-name', name: 'name', autocomplete: 'name', maxlength: 80 });
  const emailInput = h('input', { id: 'lh-email', name: 'email', type: 'email', autocomplete: 'email', maxlength: 254 });
  const topicSelect = h('select', { id: 'lh-topic', name: 'topic' }, queues.map((queue) => h('option', { value: queue.id }, queue.label)));
  const questionInput = h('textarea', { id: 'lh-question', name: 'question', rows: 3, required: true, maxlength: 2000 });
  const formError = h('p', { class: 'form-error', role: 'alert', id: 'lh-form-error' });
  const startButton = h('button', { type: 'submit', class: 'button primary', id: 'lh-start', 'data-i18n': 'widget.start' }, t('widget.start'));
  const prechat = h('form', { class: 'prechat', id: 'lh-prechat', 'aria-labelledby': 'lh-title' },
    h('p', { class: 'intro', 'data-i18n': 'widget.intro' }, t('widget.intro')),
    labelled('lh-name', 'widget.name', nameInput),
    labelled('lh-email', 'widget.email', emailInput),
    queues.length > 1 ? labelled('lh-topic', 'widget.topic', topicSelect) : null,
    labelled('lh-question', 'widget.question', questionInput),
    formError, startButton);
  const transcript = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'lh-title', tabindex: '0', id: 'lh-transcript' });
  const typing = h('p', { class: 'typing', 'aria-live': 'polite', id: 'lh-typing' });
  const messageInput = h('textarea', { id: 'lh-message', name: 'text', rows: 2, required: true, maxlength: 4000 });
  const composer = h('form', { class: 'composer', id: 'lh-composer' },
    h('label', { for: 'lh-message', class: 'visually-hidden', 'data-i18n': 'composer.message' }, t('composer.message')),
    messageInput,
    h('button', { type: 'submit', class: 'button primary', id: 'lh-send', 'data-i18n': 'composer.send' }, t('composer.send')));
  const endButton = h('button', { type: 'button', class: 'button secondary small', id: 'lh-end', 'data-i18n': 'widget.end' }, t('widget.end'));
  const downloadButton = h('button', { type: 'button', class: 'button secondary small', id: 'lh-download', 'data-i18n': 'widget.download' }, t('widget.download'));
  const newButton = h('button', { type: 'button', class: 'button primary small', id: 'lh-new', 'data-i18n': 'widget.new', hidden: true }, t('widget.new'));
  const chat = h('div', { class: 'chat', id: 'lh-chat', hidden: true }, transcript, typing, composer,
    h('div', { class: 'chat-actions' }, endButton, downloadButton, newButton));
  const closeButton = h('button', { type: 'button', class: 'icon-button', id: 'lh-minimize', 'aria-label': t('widget.minimize'), 'data-i18n-attr': 'aria-label:widget.minimize' }, '–');
  const panel = h('section', { class: 'panel', id: 'lh-panel', 'aria-labelledby': 'lh-title', hidden: true },
    h('header', { class: 'panel-header' }, title, languageSelect({ compact: true, id: 'lh-language' }), closeButton),
    status, notice, prechat, chat);
  root.append(h('div', { class: 'widget' }, panel, launcher));

  function labelled(id, key, control) {
    return h('div', { class: 'field' }, h('label', { for: id, 'data-i18n': key }, t(key)), control);
  }

  // ---- Open and close --------------------------------------------------------------------------------------

  function setOpen(open, { focus = true } = {}) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.hidden = open;
    if (session) save(open ? { open, seenSeq: Math.max(session.seenSeq || 0, conversation?.lastSeq || 0) } : { open });
    renderBadge();
    if (!focus) return;
    if (open) (chat.hidden ? nameInput : messageInput).focus();
    else launcher.focus();
  }
  launcher.addEventListener('click', () => setOpen(true));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });

  // ---- Session (token) ---------------------------------------------------------------------------------------

  function load() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      if (stored && stored.expiresAt > Date.now() + 5000) return stored;
    } catch {
      // A broken entry starts over.
    }
    sessionStorage.removeItem(storageKey);
    return null;
  }

  function save(changes = {}) {
    session = { ...session, ...changes };
    if (conversation) session.outbox = [...conversation.outbox.values()].map(({ clientMsgId, text, visibility }) => ({ clientMsgId, text, visibility }));
    sessionStorage.setItem(storageKey, JSON.stringify(session));
  }

  async function createSession(name, email) {
    const body = {};
    if (name) body.name = name;
    if (email) body.email = email;
    const response = await fetch(new URL('v1/customer-sessions', hub), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 429) throw new Error(t('widget.tooMany', { seconds: response.headers.get('Retry-After') || '60' }));
    if (!response.ok) throw new Error(answer.message || t('widget.failed'));
    return answer;
  }

  /** A fresh token for the same customer before this one expires: a long chat outlives its token. */
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!session) return;
    const delay = Math.max(10000, session.expiresAt - Date.now() - 120000);
    refreshTimer = setTimeout(async () => {
      try {
        const response = await fetch(new URL('v1/customer-sessions/refresh', hub), {
          method: 'POST', headers: { Authorization: `Bearer ${session.token}` },
        });
        if (response.ok) {
          const answer = await response.json();
          save({ token: answer.token, expiresAt: answer.expiresAt });
        }
      } catch {
        // Tried again on the next schedule; the open WebSocket does not need the token.
      }
      scheduleRefresh();
    }, delay);
  }

  // ---- Connection --------------------------------------------------------------------------------------------

  function startClient() {
    if (client) return;
    client = new HubClient({
      url: () => webSocketURL(hub, session.token),
      onState: (state) => {
        stateView.connection = state;
        render();
      },
    });
    for (const type of CONVERSATION_EVENTS) {
      client.on(type, (frame) => {
        // Events a request causes may come before its ack: keep those of the conversation being started.
        if (!conversation && starting && frame.seq !== undefined) early.push(frame);
        if (!conversation || frame.conversationId !== conversation.id || frame.seq === undefined) return;
        if (conversation.apply(frame)) {
          if (frame.type === 'message') typingUntil.delete(frame.senderId);
          // Seen at once while the panel is open; counted on the launcher while it is closed.
          save(panel.hidden ? {} : { seenSeq: Math.max(session.seenSeq || 0, frame.seq) });
          render();
        }
      });
    }
    // Where the customer stands while waiting; sent again whenever it changes (no seq: not history).
    client.on('queue.position', (frame) => {
      if (!conversation) {
        if (starting) stateView.queueFrame = frame;
        return;
      }
      if (frame.conversationId !== conversation.id) return;
      applyQueuePosition(frame);
      render();
    });
    client.on('typing', (frame) => {
      if (!conversation || frame.conversationId !== conversation.id || frame.userId === session.userId) return;
      typingUntil.set(frame.userId, Date.now() + 4000);
      render();
      setTimeout(render, 4100);
    });
    client.on('welcome', async () => {
      if (!session.conversationId) {
        if (!(await start())) return;
      } else {
        try {
          await client.request('conversation.resume', { conversationId: conversation.id, afterSeq: conversation.lastSeq });
        } catch (error) {
          if (error.code === 'forbidden' || error.code === 'not_found') {
            forget();
            return;
          }
        }
      }
      flushOutbox(client, conversation, () => { save(); render(); });
    });
    client.start();
    scheduleRefresh();
  }

  /**
   * Starts the conversation; true once there is one to talk in. The hub's `already_open` names the
   * customer's conversation that is not closed (a start whose answer was lost with the connection,
   * another tab): the widget resumes that one instead. `unavailable` (the hub cannot write its
   * journal; nothing was done) and `rate_limited` are tried again after a pause; a dropped connection
   * tries again on the next welcome.
   */
  async function start() {
    clearTimeout(stateView.startRetry?.timer);
    try {
      starting = true;
      const ack = await client.request('conversation.start', {
        subject: session.subject, channel: 'livechat', queueId: session.queueId,
      });
      adopt(ack.conversationId);
      for (const frame of early.splice(0)) if (frame.conversationId === conversation.id) conversation.apply(frame);
    } catch (error) {
      if (error.code === 'already_open' && error.conversationId) {
        adopt(error.conversationId);
        try {
          await client.request('conversation.resume', { conversationId: conversation.id, afterSeq: 0 });
        } catch {
          // Shown as it arrives; a dropped connection resumes on the next welcome.
        }
      } else if (error.code === 'unavailable' || error.code === 'rate_limited') {
        const attempt = (stateView.startRetry?.attempt || 0) + 1;
        const timer = setTimeout(() => { if (client?.online) start().then((ok) => ok && flush()); }, retryDelay(attempt));
        stateView.startRetry = { attempt, timer };
        render();
        return false;
      } else if (error.code === 'disconnected' || error.code === 'offline') {
        return false;
      } else {
        forget();
        showError(error.message);
        return false;
      }
    } finally {
      starting = false;
      early.length = 0;
    }
    stateView.startRetry = null;
    if (stateView.queueFrame?.conversationId === conversation.id) applyQueuePosition(stateView.queueFrame);
    stateView.queueFrame = null;
    conversation.queue(session.question, 'public', session.questionId);
    save({ conversationId: conversation.id });
    render();
    return true;
  }

  function flush() {
    if (conversation) flushOutbox(client, conversation, () => { save(); render(); });
  }

  function applyQueuePosition(frame) {
    if (conversation.status !== 'open') return;
    conversation.queueInfo = { position: frame.position, waitSeconds: frame.estimatedWaitSeconds };
  }

  function adopt(conversationId) {
    conversation = new Conversation(conversationId);
    conversation.subject = session.subject || '';
    for (const entry of session.outbox || []) conversation.queue(entry.text, entry.visibility, entry.clientMsgId);
  }

  function forget() {
    clearTimeout(stateView.startRetry?.timer);
    stateView.startRetry = null;
    client?.stop();
    client = null;
    clearTimeout(refreshTimer);
    conversation = null;
    session = null;
    sessionStorage.removeItem(storageKey);
    render();
  }

  // ---- Actions ------------------------------------------------------------------------------------------------

  prechat.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.textContent = '';
    const question = questionInput.value.trim();
    if (!question) return;
    startButton.disabled = true;
    try {
      const name = nameInput.value.trim();
      const answer = await createSession(name, emailInput.value.trim());
      session = {
        token: answer.token, userId: answer.userId, name: answer.name, expiresAt: answer.expiresAt,
        subject: question.length > 120 ? `${question.slice(0, 117)}…` : question, question,
        questionId: `m-first-${Date.now().toString(36)}`, queueId: topicSelect.value || queues[0]?.id || 'general',
        open: true,
      };
      save();
      questionInput.value = '';
      startClient();
      render();
      messageInput.focus();
    } catch (error) {
      showError(error.message);
    } finally {
      startButton.disabled = false;
    }
  });

  function showError(message) {
    formError.textContent = message;
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = messageInput.value.trim();
    if (!text || !conversation) return;
    conversation.queue(text, 'public');
    messageInput.value = '';
    save();
    render({ scroll: true });
    if (client?.online) flush();
  });
  messageInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  let lastTyping = 0;
  messageInput.addEventListener('input', () => {
    if (conversation && Date.now() - lastTyping > 2500 && messageInput.value) {
      lastTyping = Date.now();
      client?.notify('typing', { conversationId: conversation.id });
    }
  });

  endButton.addEventListener('click', async () => {
    if (!conversation) return;
    try {
      await client.request('conversation.end', { conversationId: conversation.id });
    } catch {
      // Nobody took the chat yet (or the hub is unreachable): leaving is all there is to do.
      forget();
    }
  });
  newButton.addEventListener('click', () => {
    forget();
    setOpen(true);
  });
  downloadButton.addEventListener('click', () => {
    if (!conversation) return;
    const text = transcriptText(conversation, {
      me: session.userId, audience: 'customer', name: (id, sent) => agentName(id, sent), selfName: session.name,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const day = new Date().toISOString().slice(0, 10);
    const link = h('a', { href: url, download: `chat-${conversation.id}-${day}.txt` });
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  // ---- Rendering -----------------------------------------------------------------------------------------------

  /** The name the hub sent for a participant (staff names from the configuration); the id only if none came. */
  function agentName(id, sent) {
    return sent || conversation?.nameOf(id) || conversation?.participants.get(id)?.name || id;
  }

  function statusText() {
    if (!session) return '';
    if (stateView.connection === 'offline' || stateView.connection === 'connecting') {
      return conversation ? t('widget.reconnecting') : t('widget.connecting');
    }
    if (!conversation) return t('widget.connecting');
    const agent = conversation.agentId ? agentName(conversation.agentId) : '';
    switch (conversation.status) {
      case 'open': return queueText();
      case 'active': return agent ? t('widget.with', { name: agent }) : t('widget.waiting');
      case 'waiting': return t('widget.onHold');
      case 'wrap-up': return t('widget.ended');
      case 'closed': return conversation.closed?.by === 'supervisor' && conversation.closed.reason
        ? t('widget.closedReason', { reason: conversation.closed.reason }) : t('widget.closed');
      default: return '';
    }
  }

  /** "Waiting for an agent…"; with the queue position and the estimated wait once the hub sends them. */
  function queueText() {
    const info = conversation?.queueInfo;
    if (!info?.position) return t('widget.waiting');
    const place = info.position === 1 ? t('widget.next') : t('widget.position', { position: info.position });
    if (typeof info.waitSeconds !== 'number') return place;
    const wait = info.waitSeconds < 60 ? t('widget.waitSoon') : t('widget.waitMinutes', { minutes: Math.round(info.waitSeconds / 60) });
    return `${place} ${wait}`;
  }

  /** A problem the customer should know of while it lasts: the hub cannot save, so sends are retried. */
  function noticeText() {
    if (!session) return '';
    if (stateView.startRetry && !conversation) return t('widget.startRetry');
    if (conversation && isRetrying(conversation)) return t('widget.unavailable');
    return '';
  }

  /**
   * Messages from others the customer has not seen: after `seenSeq` (kept in the session, so a reload
   * or the next page of the shop, which replay the history, do not count old ones again).
   */
  function unreadCount() {
    if (!conversation || !session) return 0;
    const seen = session.seenSeq || 0;
    return conversation.items.filter((item) => item.type === 'message' && item.seq > seen && item.senderId !== session.userId
      && item.senderRole !== 'system').length;
  }

  function renderBadge() {
    const unread = panel.hidden ? unreadCount() : 0;
    badge.hidden = unread === 0;
    badge.textContent = unread ? String(unread) : '';
    if (unread) launcher.setAttribute('aria-label', `${t('widget.open')} (${t('widget.unread', { count: unread })})`);
    else launcher.removeAttribute('aria-label');
  }

  function render({ scroll = false } = {}) {
    renderBadge();
    // Measured before the status and notice lines change the transcript's height.
    const atBottom = scroll || transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
    const chatting = Boolean(session);
    prechat.hidden = chatting;
    chat.hidden = !chatting;
    status.textContent = statusText();
    status.hidden = !status.textContent;
    const problem = noticeText();
    if (notice.textContent !== problem) notice.textContent = problem;
    notice.hidden = !problem;
    if (!conversation) {
      transcript.replaceChildren();
      return;
    }
    const done = conversation.status === 'closed' || conversation.status === 'wrap-up';
    composer.hidden = done;
    endButton.hidden = done;
    newButton.hidden = !done;
    renderTranscript(transcript, conversation, {
      me: session.userId, audience: 'customer', name: (id, sent) => agentName(id, sent),
      onRetry: (entry) => {
        const queued = conversation.outbox.get(entry.clientMsgId);
        if (queued) queued.state = 'sending';
        flush();
      },
    });
    if (atBottom) transcript.scrollTop = transcript.scrollHeight;
    const names = [...typingUntil.entries()].filter(([, until]) => until > Date.now()).map(([id]) => agentName(id));
    typing.textContent = names.length ? t('typing', { name: names.join(', ') }) : '';
  }

  onLanguageChange(() => {
    applyTranslations(root);
    title.textContent = options.title || t('widget.title');
    if (conversation) transcript.replaceChildren();
    render();
  });
  applyTranslations(root);

  // A chat in progress (this tab, before a reload) carries on.
  if (session) {
    if (session.conversationId) adopt(session.conversationId);
    startClient();
    setOpen(Boolean(session.open), { focus: false });
  }
  render();
  window.livehubWidget = { get client() { return client; }, get conversation() { return conversation; }, formatTime };
}

function parseQueues(text) {
  const queues = String(text || '').split(/[;|]/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const [id, ...label] = part.split('=');
    return { id: id.trim(), label: (label.join('=') || id).trim() };
  });
  return queues.length ? queues : [{ id: 'general', label: 'General' }];
}
