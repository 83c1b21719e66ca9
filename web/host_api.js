// The app's API for the page around it (loaded after page.js, before hebbian_app.js).
//
// Same page:   window.hebbian.get() / set({alpha: 1.5}) / play() / pause() / reset() /
//              step(n) / link() / exportData(what, format) / download(what, format) /
//              subscribe(callback) -> unsubscribe(); every call returns a Promise.
// An iframe:   iframe.contentWindow.postMessage({type: 'set', params: {alpha: 1.5}, id: 1}, origin)
//              and a reply {source: 'hebbian', type: 'reply', id: 1, ok: true, state: {...}}
//              posted back to the sender's window and origin; after {type: 'subscribe'} also
//              {source: 'hebbian', type: 'progress', status: {...}} a few times a second.
// Every request is answered at once, also while the figure is out of view and draws no
// frames (page.js has the app serve each request as it is queued).
// Besides the replies, page.js posts {type: 'hebbian:resize', height} to the parent
// window whenever the height the figure wants for its width changes.
//
// A message must be a plain object (or its JSON text) with only the keys type, id,
// params, count, what, format and a known type; anything else is ignored without a
// reply. The app checks the same message again against its schema
// (src/embed/host_message.hpp) and replies ok: false with the reason when it refuses.
'use strict';

(function () {
  const TYPES = ['get', 'set', 'play', 'pause', 'reset', 'step', 'subscribe', 'unsubscribe', 'export', 'link'];
  const KEYS = ['type', 'id', 'params', 'count', 'what', 'format'];
  const MAX_BYTES = 65536;
  const PROGRESS_MS = 250;
  const windows = [];    // {target, origin}: iframe hosts subscribed to progress
  const callbacks = [];  // window.hebbian.subscribe callbacks

  // The message's JSON text when it has the right shape, otherwise null.
  function checked(data) {
    if (typeof data === 'string') {
      if (data.length > MAX_BYTES) return null;
      try { data = JSON.parse(data); } catch (error) { return null; }
    }
    if (data === null || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return null;
    if (!Object.keys(data).every((key) => KEYS.includes(key)) || !TYPES.includes(data.type)) return null;
    let text;
    try { text = JSON.stringify(data); } catch (error) { return null; }
    return text.length <= MAX_BYTES ? text : null;
  }

  function send(text) { return Module.hebbianRequest(0, text); }

  window.addEventListener('message', (event) => {
    if (!event.source || event.source === window) return;
    const text = checked(event.data);
    if (text === null) return;
    const target = event.source;
    const origin = event.origin === 'null' ? '*' : event.origin;  // a file:// host has no origin to name
    const type = JSON.parse(text).type;
    send(text).then((reply) => {
      const index = windows.findIndex((w) => w.target === target);
      if (reply.ok && type === 'subscribe' && index < 0) windows.push({ target: target, origin: origin });
      if (reply.ok && type === 'unsubscribe' && index >= 0) windows.splice(index, 1);
      target.postMessage(reply, origin);
    });
  });

  let lastProgress = null;
  setInterval(() => {
    const text = Module.hebbianStatusText;
    if (!text || text === lastProgress || (windows.length === 0 && callbacks.length === 0)) return;
    lastProgress = text;
    const status = JSON.parse(text);
    windows.forEach((w) => w.target.postMessage({ source: 'hebbian', type: 'progress', status: status }, w.origin));
    callbacks.forEach((callback) => callback(status));
  }, PROGRESS_MS);

  // Sends one message; resolves with the reply, rejects with the app's reason.
  function call(message) {
    const text = checked(message);
    if (text === null) return Promise.reject(new Error('hebbian: not a message of the API'));
    return send(text).then((reply) => {
      if (!reply.ok) throw new Error('hebbian: ' + reply.error);
      return reply;
    });
  }

  window.hebbian = Object.freeze({
    get: () => call({ type: 'get' }).then((reply) => reply.state),
    // Resolves with {state, corrections}: out-of-range values are clamped and listed.
    set: (params) => call({ type: 'set', params: params }).then((reply) => ({ state: reply.state, corrections: reply.corrections })),
    play: () => call({ type: 'play' }).then((reply) => reply.state),
    pause: () => call({ type: 'pause' }).then((reply) => reply.state),
    reset: () => call({ type: 'reset' }).then((reply) => reply.state),
    step: (count) => call({ type: 'step', count: count === undefined ? 1 : count }).then((reply) => reply.state),
    link: () => call({ type: 'link' }).then((reply) => reply.link),
    // The text of a CSV or JSON export: what is weights, recurrent, covariance, history or inhibition
    // (the stabilizers view's inhibitory balance).
    exportData: (what, format) => call({ type: 'export', what: what, format: format }).then((reply) => reply.text),
    // The same as a file download; download('view', 'png') saves what the canvas shows,
    // download('filters', 'png') the receptive-fields view's filters beside their components.
    download: (what, format) => call({ type: 'export', what: what, format: format }).then((reply) => {
      if (what !== 'view' && what !== 'filters') Module.hebbianDownload(reply.filename, reply.mime, reply.text);
    }),
    // callback(status) a few times a second while the run changes; returns the unsubscribe function.
    subscribe: (callback) => {
      callbacks.push(callback);
      return () => {
        const index = callbacks.indexOf(callback);
        if (index >= 0) callbacks.splice(index, 1);
      };
    },
    status: () => window.hebbianStatus(),
  });
})();
