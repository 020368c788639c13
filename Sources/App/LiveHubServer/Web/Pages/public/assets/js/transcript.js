// Renders a Conversation's history into a list (role=log): messages, internal notes marked as such,
// and one-line notices for joins, leaves, transfers, offers and closing. Keyed by seq (or clientMsgId
// for unconfirmed sends), so re-rendering adds only what is new and a screen reader hears only that.

import { h, reconcile } from './dom.js';
import { t, formatTime } from './i18n.js';

/**
 * @param {HTMLElement} list  the <ol role="log"> to fill
 * @param {Conversation} conversation
 * @param {object} options  me (own user id), audience ('customer' | 'staff'),
 *   name(userId, sentName) → display name, onRetry(entry)
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

function nameOf(userId, conversation, options, sentName) {
  return options.name(userId, sentName || conversation.participants.get(userId)?.name);
}

function renderItem(item, conversation, options) {
  if (item.type === 'message' || item.type === 'pending') {
    const pending = item.type === 'pending';
    const mine = pending || item.senderId === options.me;
    const internal = item.visibility === 'internal';
    const sender = pending ? t('you') : (mine ? t('you') : nameOf(item.senderId, conversation, options));
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
  if (item.state === 'failed') {
    element.classList.add('failed');
    state.replaceChildren(t('send.failed'), ' ',
      options.onRetry ? h('button', { type: 'button', class: 'link', onclick: () => options.onRetry(item) }, t('send.retry')) : '');
  } else {
    state.textContent = t('send.sending');
  }
}

/** The notice text for a history event, or null for events not shown to this audience. */
function describe(item, conversation, options) {
  if (item.type === 'message' || item.type === 'pending') return '';
  const name = (id, sent) => nameOf(id, conversation, options, sent);
  const staff = options.audience === 'staff';
  switch (item.type) {
    case 'participant.joined':
      if (item.role === 'customer') return staff ? t('event.customerJoined', { name: name(item.userId, item.name) }) : null;
      return t(`event.joined.${item.role}`, { name: name(item.userId, item.name) });
    case 'participant.left':
      return t('event.left', { name: name(item.userId, item.name) });
    case 'conversation.updated':
      switch (item.reason) {
        case 'started': return t('event.started', { subject: item.subject || '' });
        case 'accepted': return null;
        case 'assigned': return t('event.assigned', { name: name(item.agentId) });
        case 'transferred': return t('event.transferred', { name: name(item.agentId) });
        case 'escalated': return t('event.escalated', { mode: t(`mode.${item.mode}`) });
        case 'parked': case 'revived': case 'ended': case 'released': case 'requeued':
          return t(`event.${item.reason}`);
        default: return null;
      }
    case 'conversation.closed':
      if (item.by === 'supervisor') return t('event.closedBySupervisor', { reason: item.reason || '' });
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

/** Plain text of the public transcript (what a customer downloads). */
export function transcriptText(conversation, options) {
  const lines = [`${conversation.subject || ''}`.trim(), ''];
  for (const item of conversation.items) {
    const text = describe(item, conversation, options);
    const time = formatTime(item.at, true);
    if (item.type === 'message') lines.push(`[${time}] ${item.senderId === options.me ? t('you') : nameOf(item.senderId, conversation, options)}: ${item.text}`);
    else if (text) lines.push(`[${time}] — ${text}`);
  }
  return lines.join('\n') + '\n';
}
