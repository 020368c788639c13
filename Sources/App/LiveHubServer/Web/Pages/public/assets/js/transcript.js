// Renders a Conversation's history into a list (role=log): messages, internal notes marked as such,
// and one-line notices for joins, leaves, away/back, transfers, requeues, offers and closing. Keyed by
// seq (or clientMsgId for unconfirmed sends), so re-rendering adds only what is new and a screen
// reader hears only that.

import { h, reconcile } from './dom.js';
import { t, formatTime } from './i18n.js';

// Reasons the pages explain in the reader's language; the hub's own English `system` message at the
// same moment says the same thing, so it is left out where one of these stands beside it.
const EXPLAINED_REASONS = new Set(['agent-disconnected', 'customer-disconnected']);

/**
 * @param {HTMLElement} list  the <ol role="log"> to fill
 * @param {Conversation} conversation
 * @param {object} options  me (own user id), audience ('customer' | 'staff'),
 *   name(userId, sentName) → display name, queueName(queueId)?, onRetry(entry)
 */
export function renderTranscript(list, conversation, options) {
  const items = conversation.view().filter((item) => describe(item, conversation, options) !== null);
  reconcile(list, items,
    (item) => (item.type === 'pending' ? `p-${item.clientMsgId}` : `s-${item.seq}`),
    (item) => renderItem(item, conversation, options),
    (element, item) => {
      if (item.type === 'pending') updatePending(element, item, options);
    });
}

/** The display name of `userId` in `conversation`: the name the hub sent wins over the directory's. */
function nameOf(userId, conversation, options, sentName) {
  return options.name(userId, sentName || conversation.nameOf(userId) || conversation.participants.get(userId)?.name);
}

function isSystem(item) {
  return item.type === 'message' && item.senderRole === 'system';
}

function renderItem(item, conversation, options) {
  if (isSystem(item)) {
    return h('li', { class: 'notice notice-system' }, describe(item, conversation, options));
  }
  if (item.type === 'message' || item.type === 'pending') {
    const pending = item.type === 'pending';
    const mine = pending || item.senderId === options.me;
    const internal = item.visibility === 'internal';
    const sender = mine ? t('you') : nameOf(item.senderId, conversation, options);
    const classes = ['message', mine ? 'mine' : 'theirs', internal ? 'internal' : '',
      pending ? 'pending' : '', item.senderRole ? `role-${item.senderRole}` : ''].filter(Boolean).join(' ');
    const element = h('li', { class: classes, dataset: { seq: item.seq ?? '', clientMsgId: item.clientMsgId ?? '' } },
      h('div', { class: 'meta' },
        h('span', { class: 'sender' }, sender),
        internal ? h('span', { class: 'tag internal-tag' }, t('internalNote')) : null,
        h('time', { datetime: new Date(item.at || item.createdAt).toISOString() }, formatTime(item.at || item.createdAt))),
      h('p', { class: 'text' }, item.text));
    if (pending) updatePending(element, item, options);
    return element;
  }
  return h('li', { class: `notice notice-${item.type.replace('.', '-')}` }, describe(item, conversation, options));
}

function updatePending(element, item, options) {
  let state = element.querySelector('.send-state');
  if (!state) {
    state = h('span', { class: 'send-state' });
    element.querySelector('.meta').append(state);
  }
  element.classList.toggle('retrying', item.state === 'retrying');
  if (item.state === 'failed') {
    element.classList.add('failed');
    state.replaceChildren(t('send.failed'), ' ',
      options.onRetry ? h('button', { type: 'button', class: 'link', onclick: () => options.onRetry(item) }, t('send.retry')) : '');
  } else {
    state.textContent = item.state === 'retrying' ? t('send.retrying') : t('send.sending');
  }
}

/** Whether a `system` message is said, in the reader's language, by an event at the same moment. */
function isExplained(item, conversation) {
  return conversation.items.some((other) => other !== item && other.at === item.at
    && (other.type === 'conversation.updated' || other.type === 'conversation.closed') && EXPLAINED_REASONS.has(other.reason));
}

/** The notice text for a history event ('' for messages), or null for events not shown to this audience. */
function describe(item, conversation, options) {
  if (isSystem(item)) return isExplained(item, conversation) ? null : item.text;
  if (item.type === 'message' || item.type === 'pending') return '';
  const name = (id, sent) => nameOf(id, conversation, options, sent);
  const staff = options.audience === 'staff';
  const self = item.userId !== undefined && item.userId === options.me;
  switch (item.type) {
    case 'participant.joined':
      if (item.role === 'customer') return staff ? t('event.customerJoined', { name: name(item.userId, item.name) }) : null;
      return t(`event.joined.${item.role}`, { name: name(item.userId, item.name) });
    case 'participant.left':
      return t('event.left', { name: name(item.userId, item.name) });
    // A customer's own connection coming and going (a reload, a tunnel) is shown live in the widget's
    // status line; in the history it would only be noise.
    case 'participant.away':
      return self ? null : t('event.away', { name: name(item.userId, item.name) });
    case 'participant.back':
      return self ? null : t('event.back', { name: name(item.userId, item.name) });
    case 'conversation.updated':
      return describeUpdate(item, staff, name, options);
    case 'conversation.closed':
      if (item.by === 'supervisor') return t('event.closedBySupervisor', { reason: item.reason || '' });
      if (item.reason === 'customer-disconnected') return staff ? t('event.closedCustomerGone') : t('event.closedSelfGone');
      if (item.reason === 'agent-disconnected') return t('event.closedAgentGone');
      return item.reason ? t('event.closedWithReason', { reason: item.reason }) : t('event.closed');
    case 'offer':
      if (!staff) return null;
      return t(`event.offer.${item.kind}`, { name: name(item.agentId), requester: name(item.requesterId) });
    case 'notification': {
      if (!staff || !item.kind.startsWith('offer-')) return null;
      const outcome = item.kind.slice('offer-'.length);
      return t(`event.offer-${outcome}`, { name: name(item.agentId), kind: t(`offerKind.${item.offerKind}`) });
    }
    default:
      return null;
  }
}

/**
 * A `conversation.updated` as a notice. Staff read what happened to the conversation; the customer
 * reads what it means for them (being connected to someone else, still looking for someone).
 */
function describeUpdate(item, staff, name, options) {
  switch (item.reason) {
    case 'started': return t('event.started', { subject: item.subject || '' });
    case 'accepted': return null;
    case 'assigned': return t('event.assigned', { name: name(item.agentId) });
    case 'transferred':
      return item.agentId ? t('event.transferred', { name: name(item.agentId) }) : t(staff ? 'event.requeued' : 'event.someoneElse');
    case 'escalated': return t('event.escalated', { mode: t(`mode.${item.mode}`) });
    case 'parked': case 'revived': case 'ended':
      return t(`event.${item.reason}`);
    case 'released':
      return staff ? t('event.released') : t('event.someoneElse');
    case 'requeued':
      if (!staff) return t('event.someoneElse');
      return item.queueId && options.queueName
        ? t('event.requeuedTo', { queue: options.queueName(item.queueId) }) : t('event.requeued');
    case 'retried':
      return staff ? t('event.retried') : t('event.stillLooking');
    case 'agent-disconnected':
      return staff ? t('event.agentGone') : t('event.agentGoneCustomer');
    case 'customer-disconnected':
      return staff ? t('event.customerGone') : t('event.customerGoneSelf');
    default:
      return null;
  }
}

/**
 * The transcript as plain text, built from the history this page holds: a heading, then one line per
 * message and notice with its date and time and the sender's name. What the customer downloads (only
 * what they were shown: no internal notes, no offers). `options.selfName` names the reader's own lines.
 */
export function transcriptText(conversation, options) {
  const lines = [t('transcript.heading', { subject: conversation.subject || conversation.id })];
  const started = conversation.startedAt || conversation.items[0]?.at;
  if (started) lines.push(t('transcript.started', { time: formatTime(started, true) }));
  lines.push(t('transcript.saved', { time: formatTime(Date.now(), true) }), '');
  for (const item of conversation.items) {
    const text = describe(item, conversation, options);
    if (text === null) continue;
    const time = formatTime(item.at, true);
    if (item.type === 'message' && !isSystem(item)) {
      const sender = item.senderId === options.me ? (options.selfName || t('you')) : nameOf(item.senderId, conversation, options);
      const note = item.visibility === 'internal' ? ` (${t('internalNote')})` : '';
      lines.push(`[${time}] ${sender}${note}: ${item.text}`);
    } else if (text) {
      lines.push(`[${time}] — ${text}`);
    }
  }
  return lines.join('\n') + '\n';
}
