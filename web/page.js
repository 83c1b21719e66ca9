// The app page's own script (loaded before hebbian_app.js): sets up Emscripten's Module,
// and everything the wasm app asks of the page through src/app/page_bridge_web.cpp and
// src/app/platform_web.cpp (the contract is /work/notes/contract.md):
//   - the inbox: requests (host messages, CSV files, pictures) wait in Module.hebbianInbox; each has
//     a ticket, and the app's answer resolves the promise Module.hebbianRequest returned.
//     Once the app has defined Module.hebbianServeRequests, a request is served at once,
//     so a figure out of view (no frames) still answers;
//   - the status hook: window.hebbianStatus() returns the JSON the app publishes every
//     frame, also copied into <pre id="hebbian-status"> (the browser test reads both);
//   - the reader's settings, kept current on Module: hebbianVisible (the canvas is in the
//     viewport and the tab is shown), hebbianContextLost, hebbianPrefersDark,
//     hebbianCoarsePointer, hebbianReducedMotion;
//   - a guest in an article: the wheel and swipes over the figure scroll the page around
//     it (only a touch that starts on a slider, one of Module.hebbianTouchTargets, is
//     turned into mouse events for the figure); Escape then Tab leaves the figure; keys
//     reach the app only while the canvas has the focus;
//   - screen readers: the canvas's accessible name says what the view shows, and a polite
//     live region repeats the status "summary" (at most once a second, only when it changed);
//   - the page colours follow the app's theme; inside an iframe, the height the figure
//     wants is posted to the parent as {type: 'hebbian:resize', height};
//   - files: the CSV picker and drag and drop (read as text, at most 64 MB); the picture
//     picker and dropped images (PNG, JPEG; decoded by the browser, turned grey and shrunk to
//     at most 512 pixels a side here, then handed over as width, height and grey bytes: the
//     picture never leaves the page); downloads (Blob + a link with a download attribute), the
//     view as PNG, pixels from the app as PNG (the filters), the clipboard;
//   - an offline cache (sw.js) when served over http(s).
// Text from files, the address or messages is only ever passed on as data or shown with
// textContent: no innerHTML, no eval.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const message = document.getElementById('message');
  const fileInput = document.getElementById('csv-file');
  const imageInput = document.getElementById('image-file');
  const dropHint = document.getElementById('drop-hint');
  const statusElement = document.getElementById('hebbian-status');
  const liveRegion = document.getElementById('hebbian-live');
  const MAX_FILE_BYTES = 64 * 1024 * 1024;
  const MAX_WAITING = 256;  // requests queued before the app takes them
  const STATUS_MS = 200;    // how often the page reads the app's status
  const LIVE_MS = 1000;     // the live region changes at most this often
  const KIND = { message: 0, csv: 1, refusedFile: 2, image: 3, refusedImage: 4 };  // PageRequestKind
  const MAX_IMAGE_SIDE = 512;  // kMaxImageExtent (src/core/image_patches.hpp)
  const IMAGE_TYPES = /^image\/(png|jpeg|webp|gif|bmp)$/;
  const IMAGE_NAMES = /\.(png|jpe?g|webp|gif|bmp)$/i;
  // What each view shows, for the canvas's accessible name.
  const VIEW_DESCRIPTIONS = {
    feedforward: 'Feedforward view: a linear neuron learning with a Hebbian rule; its inputs as a scatter with ' +
      'the weight vector and the principal axes, and the weight norm and its alignment with PC1 over time',
    recurrent: 'Recurrent view: heatmaps of the learned recurrent weights W and of C/alpha side by side, and ' +
      'the relative error between them over time',
    amplification: 'Amplification view: one input stream, the shared signal and the recurrent circuit\'s ' +
      'output, with the correlation and the spurious share of variance before and after the circuit',
    appendix: 'Appendix view: plain Hebb and Hebb with decay side by side on the same inputs; plain Hebb\'s ' +
      'weight norm explodes while decay keeps it bounded',
    stabilizers: 'Stabilizers view: five neurons learn from the same inputs with plain Hebb, decay, Oja, BCM and ' +
      'heterosynaptic plasticity; their weight norms and alignments with PC1 over time, their weights beside PC1, ' +
      'a table of what bounds each rule, and balanced inhibitory plasticity holding an output rate',
    receptive: 'Receptive fields view: neurons learn from small patches of an image with Sanger\'s rule; the image ' +
      'with the current patch, the learned filters beside the principal components of the patches, the eigenvalue ' +
      'spectrum with each output\'s variance, and the alignment with the principal subspace over time',
  };
  const pending = new Map();  // ticket -> resolve
  let lastTicket = 0;

  // A key of the address (the fragment's value wins over the query's), or null.
  function addressValue(key) {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get(key);
    return fromHash !== null ? fromHash : new URLSearchParams(location.search).get(key);
  }

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
  // `extra`: a picture's width, height and pixels (grey bytes).
  function request(kind, text, name, extra) {
    if (Module.hebbianInbox.length >= MAX_WAITING)
      return Promise.resolve({ source: 'hebbian', type: 'reply', id: null, ok: false, error: 'too many requests waiting' });
    return new Promise((resolve) => {
      lastTicket += 1;
      pending.set(lastTicket, resolve);
      Module.hebbianInbox.push(Object.assign({ ticket: lastTicket, kind: kind, text: text, name: name || '' }, extra || {}));
      if (typeof Module.hebbianServeRequests === 'function') Module.hebbianServeRequests();
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

  function isImage(file) { return IMAGE_TYPES.test(file.type) || (!file.type && IMAGE_NAMES.test(file.name)); }

  // Decodes a picture in the browser, composes it over white (for transparent pixels), shrinks
  // it to at most MAX_IMAGE_SIDE a side (keeping its aspect) and hands its grey levels
  // (Rec. 709 luma of the sRGB values, 0..255) to the app.
  function readImage(file) {
    if (!file) return;
    if (!isImage(file)) {
      request(KIND.refusedImage, 'not an image: Load image takes a PNG or JPEG picture', file.name);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      request(KIND.refusedImage, 'larger than 64 MB', file.name);
      return;
    }
    createImageBitmap(file).then((bitmap) => {
      const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const board = document.createElement('canvas');
      board.width = width;
      board.height = height;
      const context = board.getContext('2d', { willReadFrequently: true });
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      bitmap.close();
      const rgba = context.getImageData(0, 0, width, height).data;
      const grey = new Uint8Array(width * height);
      for (let i = 0; i < grey.length; ++i)
        grey[i] = Math.round(0.2126 * rgba[4 * i] + 0.7152 * rgba[4 * i + 1] + 0.0722 * rgba[4 * i + 2]);
      request(KIND.image, '', file.name, { width: width, height: height, pixels: grey });
    }, () => request(KIND.refusedImage, 'the browser could not decode it as an image', file.name));
  }

  // Draws RGBA pixels from the app on a canvas and downloads them as PNG.
  function savePixels(name, width, height, rgba) {
    const board = document.createElement('canvas');
    board.width = width;
    board.height = height;
    board.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
    board.toBlob((blob) => { if (blob) saveBlob(blob, name); }, 'image/png');
  }

  const media = {
    dark: window.matchMedia('(prefers-color-scheme: dark)'),
    coarse: window.matchMedia('(pointer: coarse)'),
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)'),
  };

  window.Module = {
    canvas: canvas,
    hebbianInbox: [],
    hebbianStatusText: null,
    hebbianRequest: request,
    hebbianVisible: !document.hidden,
    hebbianContextLost: false,
    hebbianPrefersDark: media.dark.matches,
    hebbianCoarsePointer: media.coarse.matches,
    hebbianReducedMotion: media.reducedMotion.matches,
    hebbianTouchTargets: [],
    hebbianWantsWheel: false,
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
    hebbianSavePixels: savePixels,
    hebbianPickFile: function (kind) {
      const input = kind === 'image' ? imageInput : fileInput;
      input.value = '';
      input.click();
    },
    hebbianCopy: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
  };

  window.hebbianStatus = function () {
    return Module.hebbianStatusText ? JSON.parse(Module.hebbianStatusText) : null;
  };

  // --- The reader's settings ---------------------------------------------------------
  // Visible: the canvas intersects the viewport (of the top-level page, through every
  // iframe around it) and the tab is shown. Until the observer's first report, the
  // canvas counts as in view.
  let intersecting = true;
  function updateVisible() { Module.hebbianVisible = intersecting && !document.hidden; }
  new IntersectionObserver((entries) => {
    intersecting = entries[entries.length - 1].isIntersecting;
    updateVisible();
  }).observe(canvas);
  document.addEventListener('visibilitychange', updateVisible);

  media.dark.addEventListener('change', (event) => {
    Module.hebbianPrefersDark = event.matches;
    if (!Module.hebbianStatusText) showTheme(startTheme());
  });
  media.coarse.addEventListener('change', (event) => { Module.hebbianCoarsePointer = event.matches; });
  media.reducedMotion.addEventListener('change', (event) => { Module.hebbianReducedMotion = event.matches; });

  // preventDefault: tells the browser the page will take the context back when it can.
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    Module.hebbianContextLost = true;
  });
  canvas.addEventListener('webglcontextrestored', () => { Module.hebbianContextLost = false; });

  // --- Theme ---------------------------------------------------------------------------
  // Before the app's first status: the address's theme, or else prefers-color-scheme.
  function startTheme() {
    const asked = addressValue('theme');
    if (asked === 'light' || asked === 'dark') return asked;
    return media.dark.matches ? 'dark' : 'light';
  }
  function showTheme(theme) { document.documentElement.dataset.theme = theme; }
  showTheme(startTheme());

  // --- Screen readers --------------------------------------------------------------------
  let namedView = null;
  function nameCanvas(view) {
    if (view === namedView) return;
    namedView = view;
    const description = VIEW_DESCRIPTIONS[view] || VIEW_DESCRIPTIONS.feedforward;
    canvas.setAttribute('aria-label', 'Interactive simulation of Hebbian learning. ' + description + '.');
  }
  nameCanvas(VIEW_DESCRIPTIONS[addressValue('view')] ? addressValue('view') : 'feedforward');

  // Checked four times a second; changed only when the summary differs and a second has passed.
  let liveChanged = -Infinity;
  setInterval(() => {
    const status = window.hebbianStatus();
    const now = performance.now();
    if (!status || typeof status.summary !== 'string' || status.summary === liveRegion.textContent) return;
    if (now - liveChanged < LIVE_MS) return;
    liveChanged = now;
    liveRegion.textContent = status.summary;
  }, LIVE_MS / 4);

  // --- Status: the hook's element, theme, name, and the iframe's height ---------------
  const inFrame = window.parent !== window;
  let lastStatusText = null;
  let postedHeight = null;
  setInterval(() => {
    const text = Module.hebbianStatusText;
    if (!text || text === lastStatusText) return;
    lastStatusText = text;
    statusElement.textContent = text;
    const status = JSON.parse(text);
    if (status.theme === 'light' || status.theme === 'dark') showTheme(status.theme);
    if (typeof status.view === 'string') nameCanvas(status.view);
    const height = status.preferred_height;
    if (inFrame && Number.isFinite(height) && height > 0 && height !== postedHeight) {
      postedHeight = height;
      window.parent.postMessage({ type: 'hebbian:resize', height: height }, '*');
    }
  }, STATUS_MS);

  // --- Wheel: scrolls the page around the figure ------------------------------------------
  // Emscripten's GLFW listens on the canvas (capture phase) and cancels every wheel event.
  // This window listener runs before it and keeps the event from the canvas, so the
  // browser scrolls the host page, unless the reader has focused the figure and the
  // mouse is over a panel of it that scrolls.
  function passWheel(event) {
    if (event.target !== canvas) return;
    if (document.activeElement === canvas && Module.hebbianWantsWheel) return;
    event.stopPropagation();
  }
  window.addEventListener('wheel', passWheel, { capture: true, passive: true });
  window.addEventListener('mousewheel', passWheel, { capture: true, passive: true });

  // --- Touch ------------------------------------------------------------------------------
  // GLFW cannot place a touch (it presses the mouse button at the old cursor position), so no
  // touch event reaches it. A touch that starts on a slider belongs to the figure: it does
  // not scroll and is replayed on the canvas as mousemove / mousedown / mouseup at the
  // finger. Any other touch is the browser's: a swipe scrolls the page, a tap produces the
  // browser's own compatibility mouse events (one click).
  let figureTouch = null;  // identifier of the touch the figure owns
  function onSlider(touch) {
    const rect = canvas.getBoundingClientRect();
    const x = touch.clientX - rect.left;
    const y = touch.clientY - rect.top;
    return (Module.hebbianTouchTargets || []).some((r) => x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]);
  }
  function replayAsMouse(type, touch) {
    canvas.dispatchEvent(new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window, button: 0, buttons: type === 'mouseup' ? 0 : 1,
      clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY,
    }));
  }
  function ownTouch(list) {
    return Array.prototype.find.call(list, (touch) => touch.identifier === figureTouch) || null;
  }
  function onTouch(event) {
    if (event.target !== canvas) return;
    event.stopPropagation();
    if (event.type === 'touchstart') {
      const touch = event.changedTouches[0];
      if (figureTouch === null && event.touches.length === 1 && onSlider(touch)) {
        event.preventDefault();
        figureTouch = touch.identifier;
        replayAsMouse('mousemove', touch);
        replayAsMouse('mousedown', touch);
      }
      return;
    }
    const touch = figureTouch === null ? null : ownTouch(event.changedTouches);
    if (!touch) return;
    event.preventDefault();
    if (event.type === 'touchmove') {
      replayAsMouse('mousemove', touch);
    } else {
      replayAsMouse('mouseup', touch);
      figureTouch = null;
    }
  }
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    window.addEventListener(type, onTouch, { capture: true, passive: false });

  // --- Keyboard -------------------------------------------------------------------------------
  // GLFW listens for keys on the whole window and cancels Tab, which would keep a keyboard
  // reader inside the figure. Keys reach it only while the canvas has the focus, and a Tab
  // right after Escape is left to the browser, which moves the focus out of the figure.
  let escaped = false;
  window.addEventListener('keydown', (event) => {
    if (document.activeElement !== canvas) {
      event.stopImmediatePropagation();
      return;
    }
    if (event.key === 'Tab' && escaped) {
      event.stopImmediatePropagation();
      escaped = false;
      return;
    }
    escaped = event.key === 'Escape';
  }, true);
  window.addEventListener('keypress', (event) => {
    if (document.activeElement !== canvas) event.stopImmediatePropagation();
  }, true);
  canvas.addEventListener('blur', () => { escaped = false; });

  // --- Files ------------------------------------------------------------------------------------
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  fileInput.addEventListener('change', () => readFile(fileInput.files[0]));
  imageInput.addEventListener('change', () => readImage(imageInput.files[0]));
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
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    const file = event.dataTransfer.files[0];
    if (isImage(file)) readImage(file); else readFile(file);  // a picture, else a CSV file
  }, true);

  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register('sw.js').catch((error) => console.info('hebbian: no offline copy: ' + error.message));
  }
})();
