// The livehub chat widget, for any site, with one tag:
//
//   <script src="https://HUB/widget.js" data-queues="general=General support;billing=Billing" async></script>
//
// data-queues: the topics a customer picks from (queue id = label; default: the hub's "general" queue).
// data-title: the panel's heading. data-lang: en, de or nl (default: the visitor's browser language).
// This loader is a classic script so that document.currentScript tells where the hub is; the widget
// itself is a JavaScript module loaded from the hub (served with Access-Control-Allow-Origin: *).
(() => {
  const script = document.currentScript;
  if (!script || window.livehubWidgetLoaded) return;
  window.livehubWidgetLoaded = true;
  const hub = new URL('./', script.src).href;
  const options = {
    hub,
    queues: script.dataset.queues || '',
    title: script.dataset.title || '',
    lang: script.dataset.lang || '',
  };
  import(new URL('assets/widget/widget.js', hub).href).then((module) => module.mount(options));
})();
