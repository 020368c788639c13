// A livehub.v1 client for the browser: one WebSocket that reconnects with backoff, requests answered
// by promises (ack or error, matched by id), and a small dispatcher for everything else.
//
// Adding a protocol message is one line in a page: client.on('queue.position', frame => ...).
// Notifications are dispatched twice, as 'notification' and as 'notification:<kind>', so a page
// handles one kind without a switch. Frames nobody handles are counted (client.unhandled), not logged.

const PROTOCOL = 'livehub.v1';

export class HubClient {
  /**
   * @param {object} options
   * @param {() => string} options.url  the ws:// or wss:// URL with ?token=, asked before each attempt
   * @param {(state: string, detail?: object) => void} [options.onState]  'connecting', 'online',
   *   'offline' (a retry is scheduled; detail.attempt, detail.delay), 'stopped'
   */
  constructor({ url, onState }) {
    this.url = url;
    this.onState = onState || (() => {});
    this.handlers = new Map();
    this.pending = new Map();
    this.nextId = 1;
    this.socket = null;
    this.state = 'idle';
    this.attempt = 0;
    this.failuresBeforeWelcome = 0;
    this.retryTimer = null;
    this.welcome = null;
    this.unhandled = new Map();
    this.stopped = false;
  }

  /** Registers `handler` for frames of `type` (or 'notification:<kind>'); returns an unsubscribe. */
  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(handler);
    return () => this.handlers.get(type).delete(handler);
  }

  /** Calls every handler of `type`; returns how many there were. */
  emit(type, frame) {
    const handlers = this.handlers.get(type);
    if (!handlers || handlers.size === 0) return 0;
    for (const handler of [...handlers]) handler(frame);
    return handlers.size;
  }

  get online() {
    return this.state === 'online';
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  /** Closes for good (sign-out, or the page decided the token is no longer any good). */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000, 'bye');
    this.failPending('stopped');
    this.setState('stopped');
  }

  /** Closes the current socket and connects again at once (used by tests and by "retry now"). */
  reconnectNow() {
    clearTimeout(this.retryTimer);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.close(4000, 'reconnect');
    else if (!this.socket) this.connect();
  }

  connect() {
    if (this.stopped) return;
    this.setState('connecting');
    let socket;
    try {
      socket = new WebSocket(this.url(), PROTOCOL);
    } catch (error) {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    let welcomed = false;
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        welcomed = true;
        const reconnected = this.welcome !== null;
        this.welcome = frame;
        this.attempt = 0;
        this.failuresBeforeWelcome = 0;
        this.setState('online');
        this.emit('welcome', { ...frame, reconnected });
        return;
      }
      this.dispatch(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!welcomed) this.failuresBeforeWelcome += 1;
      this.failPending('disconnected');
      if (!this.stopped) this.scheduleRetry();
    };
    socket.onerror = () => {};
  }

  scheduleRetry() {
    this.attempt += 1;
    // 0.3 s, 0.6 s, 1.2 s … up to 10 s, with jitter so a restarted hub is not hit by everyone at once.
    const base = Math.min(10000, 300 * 2 ** (this.attempt - 1));
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    this.setState('offline', { attempt: this.attempt, delay, failuresBeforeWelcome: this.failuresBeforeWelcome });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  setState(state, detail = {}) {
    this.state = state;
    this.onState(state, detail);
  }

  dispatch(frame) {
    if (frame.type === 'ack' || (frame.type === 'error' && frame.id !== undefined)) {
      const entry = this.pending.get(String(frame.id));
      if (entry) {
        this.pending.delete(String(frame.id));
        if (frame.type === 'ack') entry.resolve(frame);
        else entry.reject(new HubError(frame.code, frame.message, frame.conversationId));
        return;
      }
    }
    let handled = this.emit(frame.type, frame);
    if (frame.type === 'notification') handled += this.emit(`notification:${frame.kind}`, frame);
    handled += this.emit('*', frame);
    if (!handled) {
      const key = frame.type === 'notification' ? `notification:${frame.kind}` : frame.type;
      this.unhandled.set(key, (this.unhandled.get(key) || 0) + 1);
    }
  }

  /**
   * Sends a request; resolves with its ack, rejects with a HubError (code 'disconnected' when the
   * connection drops first, 'offline' when there is none).
   */
  request(type, fields = {}) {
    if (!this.online) return Promise.reject(new HubError('offline', 'not connected'));
    const id = `r${this.nextId++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ type, id, ...fields }));
    });
  }

  /** Sends a frame that needs no answer tracking (typing); dropped while offline. */
  notify(type, fields = {}) {
    if (this.online) this.socket.send(JSON.stringify({ type, ...fields }));
  }

  failPending(code) {
    for (const entry of this.pending.values()) entry.reject(new HubError(code, code));
    this.pending.clear();
  }
}

/** A refused request: the hub's `code` and `message`, and the conversation it names (`already_open`). */
export class HubError extends Error {
  constructor(code, message, conversationId) {
    super(message);
    this.code = code;
    if (conversationId !== undefined) this.conversationId = conversationId;
  }
}

/** The /v1/ws URL of the hub at `base` (an http(s) URL) with `token`. */
export function webSocketURL(base, token) {
  const url = new URL('v1/ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.href;
}
