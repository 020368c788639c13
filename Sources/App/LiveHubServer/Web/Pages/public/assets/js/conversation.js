// One conversation as a page knows it: its history in seq order (each seq applied once, whatever
// order replays and live events arrive in), its latest status, and the messages this page sent that
// the hub has not confirmed yet (the outbox, resent after a reconnect with the same clientMsgId, so the
// hub adds nothing twice).
//
// The Protocol/README rules this follows: seq numbers a conversation's history; gaps are events this
// user may not see; `conversation.resume {afterSeq}` replays what came after the highest applied seq.

let counter = 0;

/** A clientMsgId unique to this page load (the hub keys idempotency by sender and this id). */
export function newClientMsgId() {
  counter += 1;
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `m-${random[0].toString(36)}${random[1].toString(36)}-${counter}`;
}

const HISTORY_TYPES = new Set(['message', 'participant.joined', 'participant.left', 'participant.away',
  'participant.back', 'conversation.updated', 'offer', 'notification', 'conversation.closed']);

/** Every history event type a page subscribes to (offers and notifications only where staff get them). */
export const CONVERSATION_EVENTS = [...HISTORY_TYPES];

/**
 * How long to wait before trying again after `unavailable` (the hub's journal cannot write) or
 * `rate_limited`: 1 s, 2 s, 3 s … 10 s. Linear, not exponential: an outage usually ends by itself within
 * seconds, and the person waiting should see their message go soon after.
 */
export function retryDelay(attempt) {
  return Math.min(10000, 1000 * Math.max(1, attempt));
}

export class Conversation {
  constructor(id) {
    this.id = id;
    this.subject = '';
    this.status = 'open';
    this.agentId = undefined;
    this.queueId = undefined;
    this.channel = undefined;
    this.customerId = undefined;
    this.mode = 'text';
    this.closed = null;
    this.items = [];
    this.seqs = new Set();
    this.lastSeq = 0;
    this.outbox = new Map();
    this.participants = new Map();
    this.clientIds = new Set();
    // Display names the hub sent (participant events, customerName on the start), kept after a leave.
    this.names = new Map();
    // The customer's connection dropped and they have not come back (participant.away/back).
    this.customerAway = false;
    this.awaySeq = 0;
    // {position, waitSeconds} from queue.position while open; cleared when an agent takes it.
    this.queueInfo = null;
    this.retry = { attempt: 0, timer: null };
  }

  /** The name the hub sent for `userId`, if any. */
  nameOf(userId) {
    return this.names.get(userId);
  }

  /** Applies a history event (one with seq); returns false for one already applied. */
  apply(frame) {
    if (typeof frame.seq !== 'number') return false;
    if (this.seqs.has(frame.seq)) return false;
    this.seqs.add(frame.seq);
    this.lastSeq = Math.max(this.lastSeq, frame.seq);
    if (frame.type === 'message' && frame.clientMsgId) {
      this.outbox.delete(frame.clientMsgId);
      this.clientIds.add(frame.clientMsgId);
    }
    this.track(frame);
    // Insert in seq order: a live event may overtake the replay of an earlier one after a reconnect.
    let index = this.items.length;
    while (index > 0 && this.items[index - 1].seq > frame.seq) index -= 1;
    this.items.splice(index, 0, frame);
    return true;
  }

  track(frame) {
    switch (frame.type) {
      case 'conversation.updated':
        // The fields describe the state *after* the change; only the newest event decides.
        if (frame.seq >= this.latestUpdateSeq || this.latestUpdateSeq === undefined) {
          this.latestUpdateSeq = frame.seq;
          this.status = frame.status;
          this.agentId = frame.agentId;
          if (frame.queueId) this.queueId = frame.queueId;
          if (frame.mode) this.mode = frame.mode;
          if (frame.status !== 'open') this.queueInfo = null;
        }
        if (frame.reason === 'started') {
          this.subject = frame.subject;
          this.channel = frame.channel;
          this.customerId = frame.customerId;
          this.startedAt = frame.at;
          if (frame.customerName) this.names.set(frame.customerId, frame.customerName);
        }
        break;
      case 'offer':
        this.subject = this.subject || frame.subject;
        this.channel = this.channel || frame.channel;
        this.queueId = this.queueId || frame.queueId;
        break;
      case 'participant.joined':
        this.participants.set(frame.userId, { role: frame.role, name: frame.name, seq: frame.seq });
        if (frame.name) this.names.set(frame.userId, frame.name);
        break;
      case 'participant.left': {
        const known = this.participants.get(frame.userId);
        if (!known || known.seq < frame.seq) this.participants.delete(frame.userId);
        if (frame.name) this.names.set(frame.userId, frame.name);
        break;
      }
      case 'participant.away':
      case 'participant.back':
        if (frame.name) this.names.set(frame.userId, frame.name);
        if (frame.role === 'customer' && frame.seq > this.awaySeq) {
          this.awaySeq = frame.seq;
          this.customerAway = frame.type === 'participant.away';
        }
        break;
      case 'conversation.closed':
        this.status = 'closed';
        this.closed = frame;
        this.latestUpdateSeq = frame.seq;
        this.queueInfo = null;
        this.customerAway = false;
        break;
      default:
        break;
    }
  }

  /** Queues a message this page is sending; it shows as "sending" until the hub's event arrives. */
  queue(text, visibility, clientMsgId = newClientMsgId()) {
    // Already in the history (a resend after a lost answer, replayed first): nothing left to send.
    if (this.clientIds.has(clientMsgId)) return null;
    const entry = { clientMsgId, text, visibility, state: 'sending', createdAt: Date.now() };
    this.outbox.set(clientMsgId, entry);
    return entry;
  }

  /** The items to show: history in seq order, then unconfirmed sends. */
  view() {
    const pending = [...this.outbox.values()]
      .filter((entry) => !this.clientIds.has(entry.clientMsgId))
      .map((entry) => ({ type: 'pending', ...entry }));
    return [...this.items, ...pending];
  }

  messages() {
    return this.items.filter((item) => item.type === 'message');
  }

  isParticipant(userId) {
    return this.participants.has(userId);
  }

  roleOf(userId) {
    return this.participants.get(userId)?.role;
  }
}

export function isHistoryEvent(frame) {
  return HISTORY_TYPES.has(frame.type) && typeof frame.seq === 'number' && typeof frame.conversationId === 'string';
}

/**
 * Sends `conversation`'s queued messages (after a reconnect, or now). A send that fails with
 * 'disconnected' or 'offline' stays queued for the next connection; one refused with `unavailable`
 * (the hub cannot write its journal, nothing was done) or `rate_limited` stays queued too, marked
 * 'retrying', and is sent again after a pause (`retryDelay`); any other refusal marks it failed.
 */
export async function flushOutbox(client, conversation, onChange) {
  let busy = false;
  for (const entry of [...conversation.outbox.values()]) {
    if (entry.inFlight) continue;
    entry.inFlight = true;
    if (entry.state !== 'retrying') entry.state = 'sending';
    try {
      const ack = await client.request('message.send', {
        conversationId: conversation.id, text: entry.text, visibility: entry.visibility,
        clientMsgId: entry.clientMsgId,
      });
      // The message event (with this clientMsgId) confirms it; the ack may come first or after. A
      // resend of a message the hub already had answers with its original seq and no new event.
      entry.state = 'sending';
      if (conversation.seqs.has(ack.seq)) conversation.outbox.delete(entry.clientMsgId);
    } catch (error) {
      if (error.code === 'unavailable' || error.code === 'rate_limited') {
        entry.state = 'retrying';
        busy = true;
      } else if (error.code !== 'disconnected' && error.code !== 'offline') {
        entry.state = 'failed';
        entry.error = error;
      }
    } finally {
      entry.inFlight = false;
      onChange?.(conversation);
    }
  }
  const retry = conversation.retry;
  if (!busy) {
    retry.attempt = 0;
    return;
  }
  clearTimeout(retry.timer);
  retry.attempt += 1;
  retry.timer = setTimeout(() => {
    retry.timer = null;
    if (client.online) flushOutbox(client, conversation, onChange);
  }, retryDelay(retry.attempt));
}

/** Whether a message of `conversation` waits for the hub to take writes again. */
export function isRetrying(conversation) {
  return [...conversation.outbox.values()].some((entry) => entry.state === 'retrying');
}
