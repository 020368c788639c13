// The demo shop page (/): its own text in the chosen language, and a language switch. The chat in
// the corner is the real widget, loaded by the page's one <script src="/widget.js"> tag.
import { applyTranslations, languageSelect, onLanguageChange } from './i18n.js';

applyTranslations(document);
onLanguageChange(() => applyTranslations(document));
document.getElementById('shop-language').append(languageSelect({ id: 'shop-language-select' }));
