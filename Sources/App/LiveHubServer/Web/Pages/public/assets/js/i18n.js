// English, German and Dutch. The language comes from the visitor's choice (remembered), else the
// browser's languages, else English; every page has a switch. Static text is marked in the HTML with
// data-i18n="key" (and data-i18n-attr="attribute:key;…"); code calls t('key', {name}).

import { STRINGS } from './strings.js';

export const LANGUAGES = { en: 'English', de: 'Deutsch', nl: 'Nederlands' };
const STORAGE_KEY = 'livehub.language';
const listeners = new Set();

function detect() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && LANGUAGES[stored]) return stored;
  } catch {
    // Storage may be off (privacy settings): the browser's languages decide.
  }
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag || '').toLowerCase().split('-')[0];
    if (LANGUAGES[primary]) return primary;
  }
  return 'en';
}

let language = detect();

export function currentLanguage() {
  return language;
}

/** The text for `key` with {placeholders} filled; English, then `fallback`, then the key if missing. */
export function t(key, params = {}, fallback) {
  const template = STRINGS[language]?.[key] ?? STRINGS.en[key] ?? fallback ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (params[name] !== undefined ? String(params[name]) : match));
}

export function setLanguage(next, { remember = true } = {}) {
  if (!LANGUAGES[next] || next === language) return;
  language = next;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
  }
  for (const listener of [...listeners]) listener(language);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates marked elements under `root` (a document, element or shadow root). */
export function applyTranslations(root) {
  if (root === document) {
    document.documentElement.lang = language;
    const title = document.querySelector('title[data-i18n]');
    if (title) document.title = t(title.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      if (attribute && key) element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
  for (const select of root.querySelectorAll('select.language')) select.value = language;
}

/** A labelled language switch. */
export function languageSelect({ compact = false, id = 'language' } = {}) {
  const select = document.createElement('select');
  select.id = id;
  select.className = 'language';
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = compact ? code.toUpperCase() : name;
    select.append(option);
  }
  select.value = language;
  select.addEventListener('change', () => setLanguage(select.value));
  select.setAttribute('aria-label', t('language.label'));
  select.dataset.i18nAttr = 'aria-label:language.label';
  return select;
}

/** 14:03 (with the date for another day, or when `withDate`). */
export function formatTime(milliseconds, withDate = false) {
  if (!milliseconds) return '';
  const date = new Date(milliseconds);
  const today = new Date().toDateString() === date.toDateString();
  const options = withDate || !today
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, options).format(date);
}
