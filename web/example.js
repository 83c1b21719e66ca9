// The example post's script: talks to the embedded app through postMessage only, so the
// same code works when the app is served from another origin. Replies and progress
// messages are accepted only from the iframe's window and origin.
'use strict';

(function () {
  const frame = document.getElementById('app');
  const appOrigin = new URL(frame.src, location.href).origin;
  const progress = document.getElementById('progress');
  const replyLine = document.getElementById('reply');
  const waiting = new Map();  // id -> callback for the reply
  let nextId = 0;

  function send(message, onReply) {
    nextId += 1;
    message.id = nextId;
    if (onReply) waiting.set(nextId, onReply);
    frame.contentWindow.postMessage(message, appOrigin);
  }

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    const data = event.data;
    if (!data || data.source !== 'hebbian') return;
    if (data.type === 'progress') {
      const s = data.status;
      progress.textContent = 'step ' + s.steps + ', |cos(w, PC1)| = ' +
        (typeof s.alignment === 'number' ? s.alignment.toFixed(4) : 'n/a') + (s.playing ? '' : ' (paused)');
      return;
    }
    const onReply = waiting.get(data.id);
    waiting.delete(data.id);
    if (!data.ok) {
      replyLine.textContent = 'refused: ' + data.error;
      return;
    }
    if (onReply) onReply(data);
  });

  // alpha = factor * lambda_1 of the current input, read from the app's state first.
  function setAlpha(factor) {
    send({ type: 'get' }, (reply) => {
      const alpha = factor * reply.state.lambda1;
      send({ type: 'set', params: { alpha: alpha } }, (done) => {
        replyLine.textContent = 'alpha = ' + done.state.params.alpha.toPrecision(3) + ', lambda_1 = ' +
          done.state.lambda1.toPrecision(3) + ': ' + done.state.regime;
      });
    });
  }

  document.getElementById('above').addEventListener('click', () => setAlpha(1.5));
  document.getElementById('equal').addEventListener('click', () => setAlpha(1.0));
  document.getElementById('below').addEventListener('click', () => setAlpha(0.5));
  document.getElementById('pause').addEventListener('click', () => send({ type: 'pause' }));
  document.getElementById('play').addEventListener('click', () => send({ type: 'play' }));
  document.getElementById('reset').addEventListener('click', () => send({ type: 'reset' }));
  frame.addEventListener('load', () => send({ type: 'subscribe' }));
})();
