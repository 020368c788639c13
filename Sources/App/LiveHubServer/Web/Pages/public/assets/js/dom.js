// Small DOM helpers shared by the pages: element builder, keyed list reconciliation, dialogs,
// announcements for screen readers, time formatting. No innerHTML with data anywhere: text is text.

/** h('button', {class: 'x', onclick}, 'text', child…) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `element`. */
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/**
 * Makes `container`'s children match `items` (in order) by key, creating elements with `render` only
 * for new keys and updating kept ones with `update`: a live region announces only what is new.
 */
export function reconcile(container, items, keyOf, render, update) {
  const existing = new Map();
  for (const child of [...container.children]) existing.set(child.dataset.key, child);
  let previous = null;
  const keep = new Set();
  for (const item of items) {
    const key = String(keyOf(item));
    keep.add(key);
    let element = existing.get(key);
    if (!element) {
      element = render(item);
      element.dataset.key = key;
    } else if (update) {
      update(element, item);
    }
    const expectedNext = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expectedNext !== element) container.insertBefore(element, expectedNext);
    previous = element;
  }
  for (const [key, element] of existing) if (!keep.has(key)) element.remove();
}

/**
 * Opens a modal <dialog> (focus moves into it, Tab stays inside, Escape cancels) and resolves with
 * the submitted form's data, or null when cancelled. `build(form)` fills the form.
 */
export function openDialog({ title, build, submitLabel, cancelLabel, danger = false }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
    const form = h('form', { method: 'dialog', class: 'dialog-form' });
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' },
      h('h2', { id: titleId }, title), form);
    build(form);
    const error = h('p', { class: 'dialog-error', role: 'alert', hidden: true });
    form.append(error,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'button secondary', value: 'cancel', onclick: () => dialog.close('cancel') },
          cancelLabel),
        h('button', { type: 'submit', class: danger ? 'button danger' : 'button primary', value: 'ok' }, submitLabel)));
    let result = null;
    form.addEventListener('submit', (event) => {
      if (!form.checkValidity()) return;
      event.preventDefault();
      result = Object.fromEntries(new FormData(form).entries());
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? result : null);
    });
    // Tab and Shift+Tab wrap around inside the dialog instead of leaving for the browser's own controls.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll('button, input, select, textarea, [tabindex="0"]')]
        .filter((element) => !element.disabled && element.offsetParent !== null);
      if (focusable.length === 0) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    const first = form.querySelector('input:not([type=hidden]), select, textarea');
    first?.focus();
  });
}

/** A labelled form field: <label>text <control></label> with an id link for assistive tech. */
export function field(label, control, hint) {
  const id = control.id || `field-${Math.random().toString(36).slice(2)}`;
  control.id = id;
  const hintElement = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintElement);
}

/** Screen-reader announcement through a polite live region (created once per page). */
export function announce(text) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

/** A short-lived notice in the page's toast area (role=status, or alert for errors). */
export function toast(text, kind = 'info') {
  let area = document.getElementById('toasts');
  if (!area) {
    area = h('div', { id: 'toasts', class: 'toasts' });
    document.body.append(area);
  }
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  area.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 5000);
}

/** 75 → "1:15", 3700 → "1:01:40". */
export function duration(seconds) {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The claims of a JWT (not verified: the hub does that; the page only reads role, name and exp). */
export function tokenClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = atob(payload + '='.repeat((4 - (payload.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}
