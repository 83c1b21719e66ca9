// The app page's own script (loaded before hebbian_app.js): sets up Emscripten's Module,
// and everything the wasm app asks of the page through src/app/page_bridge_web.cpp:
//   - the inbox: requests (host messages, CSV files) wait in Module.hebbianInbox until
//     the app's frame takes them; each has a ticket, and the app's answer resolves the
//     promise Module.hebbianRequest returned;
//   - the status hook: window.hebbianStatus() returns the JSON the app publishes every
//     frame, also copied into <pre id="hebbian-status"> (the browser test reads both);
//   - files: the CSV picker and drag and drop (read as text, at most 64 MB), downloads
//     (Blob + a link with a download attribute), the view as PNG, the clipboard;
//   - an offline cache (sw.js) when served over http(s).
// Text from files, the address or messages is only ever passed on as data or shown with
// textContent: no innerHTML, no eval.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const message = document.getElementById('message');
  const fileInput = document.getElementById('csv-file');
  const dropHint = document.getElementById('drop-hint');
  const statusElement = document.getElementById('hebbian-status');
  const MAX_FILE_BYTES = 64 * 1024 * 1024;
  const MAX_WAITING = 256;  // requests queued before the app takes them
  const KIND = { message: 0, csv: 1, refusedFile: 2 };
  const pending = new Map();  // ticket -> resolve
  let lastTicket = 0;

  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Queues a request for the app; resolves with the app's answer (a parsed JSON object).
  function request(kind, text, name) {
    if (Module.hebbianInbox.length >= MAX_WAITING)
      return Promise.resolve({ source: 'hebbian', type: 'reply', id: null, ok: false, error: 'too many requests waiting' });
    return new Promise((resolve) => {
      lastTicket += 1;
      pending.set(lastTicket, resolve);
      Module.hebbianInbox.push({ ticket: lastTicket, kind: kind, text: text, name: name || '' });
    });
  }

  function readFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      request(KIND.refusedFile, 'larger than 64 MB', file.name);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => request(KIND.csv, String(reader.result), file.name);
    reader.onerror = () => request(KIND.refusedFile, 'the browser could not read it', file.name);
    reader.readAsText(file);
  }

  window.Module = {
    canvas: canvas,
    hebbianInbox: [],
    hebbianStatusText: null,
    hebbianRequest: request,
    onRuntimeInitialized: function () {
      message.hidden = true;
    },
    printErr: function (text) {  // e.g. "GLFW error ...: WebGL 2 is not available"
      console.error(text);
      message.textContent = text;
      message.hidden = false;
    },
    hebbianAnswer: function (ticket, json) {
      const resolve = pending.get(ticket);
      if (!resolve) return;
      pending.delete(ticket);
      resolve(JSON.parse(json));
    },
    hebbianDownload: function (name, mime, text) {
      saveBlob(new Blob([text], { type: mime }), name);
    },
    hebbianSaveCanvas: function (name) {
      canvas.toBlob((blob) => { if (blob) saveBlob(blob, name); }, 'image/png');
    },
    hebbianPickFile: function () {
      fileInput.value = '';
      fileInput.click();
    },
    hebbianCopy: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
  };

  window.hebbianStatus = function () {
    return Module.hebbianStatusText ? JSON.parse(Module.hebbianStatusText) : null;
  };
  setInterval(() => {
    if (Module.hebbianStatusText) statusElement.textContent = Module.hebbianStatusText;
  }, 200);

  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  fileInput.addEventListener('change', () => readFile(fileInput.files[0]));
  // Capture phase: the page sees a dropped file before the canvas's own handlers.
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropHint.hidden = false;
  }, true);
  document.addEventListener('dragleave', () => { dropHint.hidden = true; }, true);
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    dropHint.hidden = true;
    if (event.dataTransfer && event.dataTransfer.files.length > 0) readFile(event.dataTransfer.files[0]);
  }, true);

  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('sw.js').catch((error) => console.info('hebbian: no offline copy: ' + error.message));
  }
})();
