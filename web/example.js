// The example post's script. Each of the four figures is an iframe of the app in embed
// mode (id fig-<view>); this script talks to them through postMessage only, so the same
// code works when the app is served from another origin. For each figure it
//   - subscribes to its progress and writes it into #progress-<view>;
//   - follows its {type: 'hebbian:resize', height} messages (height clamped to 200..900 px);
//   - wires the section's buttons, and writes the reply or the refusal into #reply-<view>.
// A message is accepted only from the figure's own window and origin, and everything taken
// from a message is shown with textContent.
'use strict';

(function () {
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 900;
  const SUBSCRIBE_RETRY_MS = 4000;
  const SUBSCRIBE_TRIES = 4;
  const figures = [];
  let nextId = 0;

  // A number for the text, or 'n/a' when the app sent something else.
  function shown(value, digits) {
    return typeof value === 'number' && Number.isFinite(value) ? String(Number(value.toPrecision(digits || 3))) : 'n/a';
  }
  function text(value) { return typeof value === 'string' ? value : ''; }

  // The progress line from a status: "step 1200: |w| = 0.05, alignment with PC1 0.998".
  function progressText(status) {
    const summary = text(status.summary);
    const paused = / Paused\.$/.test(summary);
    const finished = / Finished\.$/.test(summary);
    const at = summary.search(/step \d/);
    let line;
    if (at >= 0) {
      line = summary.slice(at).replace(/ (Paused|Finished)\.$/, '');
      const regime = line.indexOf('; ');  // the reply line says the regime
      if (regime >= 0) line = line.slice(0, regime);
      line = line.replace(/\.$/, '');
    } else {
      line = 'step ' + shown(status.steps, 12) + ', alignment ' + shown(status.alignment, 4);
    }
    if (finished) line += ' (finished)';
    else if (paused || status.playing === false) line += ' (paused)';
    else if (status.active === false) line += ' (resting while out of view)';
    return line;
  }

  function makeFigure(view) {
    const frame = document.getElementById('fig-' + view);
    const figure = {
      view: view,
      frame: frame,
      origin: new URL(frame.src, location.href).origin,
      progress: document.getElementById('progress-' + view),
      reply: document.getElementById('reply-' + view),
      waiting: new Map(),  // id -> callback for the reply
      queue: [],           // messages for a figure not loaded yet
      loaded: false,
      subscribed: false,
    };

    figure.post = (message) => frame.contentWindow.postMessage(message, figure.origin);

    // Sends a message; onReply(reply) runs when the figure accepts it.
    figure.send = (message, onReply) => {
      nextId += 1;
      message.id = nextId;
      if (onReply) figure.waiting.set(nextId, onReply);
      if (figure.loaded) {
        figure.post(message);
      } else {
        figure.queue.push(message);
        frame.loading = 'eager';  // a button was pressed: load the figure now
      }
    };

    figure.say = (line, refused) => {
      figure.reply.textContent = line;
      figure.reply.classList.toggle('refused', !!refused);
    };

    function subscribe(tries) {
      figure.send({ type: 'subscribe' }, () => { figure.subscribed = true; });
      setTimeout(() => {
        if (!figure.subscribed && tries > 1) subscribe(tries - 1);
      }, SUBSCRIBE_RETRY_MS);
    }

    frame.addEventListener('load', () => {
      figure.loaded = true;
      figure.subscribed = false;
      subscribe(SUBSCRIBE_TRIES);
      figure.queue.splice(0).forEach(figure.post);
    });

    figure.receive = (data) => {
      if (data.type === 'hebbian:resize') {
        const height = data.height;
        if (typeof height === 'number' && Number.isFinite(height))
          frame.style.height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height))) + 'px';
        return;
      }
      if (data.source !== 'hebbian') return;
      if (data.type === 'progress') {
        if (data.status && typeof data.status === 'object') {
          figure.subscribed = true;
          figure.progress.textContent = progressText(data.status);
        }
        return;
      }
      if (data.type !== 'reply') return;
      const onReply = figure.waiting.get(data.id);
      figure.waiting.delete(data.id);
      if (data.ok !== true) {
        figure.say('refused: ' + (text(data.error) || 'no reason given'), true);
        return;
      }
      if (onReply) onReply(data);
    };

    figures.push(figure);
    return figure;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    for (const figure of figures) {
      if (event.source === figure.frame.contentWindow && event.origin === figure.origin) {
        figure.receive(data);
        return;
      }
    }
  });

  function state(reply) { return reply && reply.state && typeof reply.state === 'object' ? reply.state : {}; }
  function params(reply) { const p = state(reply).params; return p && typeof p === 'object' ? p : {}; }

  // alpha = factor * lambda_1 of the figure's input, read from the app's state first.
  function setAlpha(figure, factor) {
    figure.send({ type: 'get' }, (reply) => {
      const lambda1 = state(reply).lambda1;
      if (typeof lambda1 !== 'number' || !(lambda1 > 0)) {
        figure.say('refused: the figure did not report lambda_1', true);
        return;
      }
      figure.send({ type: 'set', params: { alpha: factor * lambda1 } }, (done) => {
        const s = state(done);
        figure.say('alpha = ' + shown(params(done).alpha) + ', lambda_1 = ' + shown(s.lambda1) + ': ' + text(s.regime));
      });
    });
  }

  // --- 1. Feedforward ------------------------------------------------------------------
  const feedforward = makeFigure('feedforward');
  document.getElementById('above').addEventListener('click', () => setAlpha(feedforward, 1.5));
  document.getElementById('equal').addEventListener('click', () => setAlpha(feedforward, 1.0));
  document.getElementById('below').addEventListener('click', () => setAlpha(feedforward, 0.5));
  document.getElementById('pause').addEventListener('click', () => feedforward.send({ type: 'pause' }));
  document.getElementById('play').addEventListener('click', () => feedforward.send({ type: 'play' }));
  document.getElementById('reset').addEventListener('click', () => feedforward.send({ type: 'reset' }));

  // --- 2. Recurrent --------------------------------------------------------------------
  const recurrent = makeFigure('recurrent');
  document.getElementById('recurrent-below').addEventListener('click', () => setAlpha(recurrent, 0.5));
  document.getElementById('recurrent-above').addEventListener('click', () => setAlpha(recurrent, 2.0));

  // --- 3. Amplification ----------------------------------------------------------------
  // N streams share the signal; alpha = 1.25 lambda_1 of the new input, so W's top
  // eigenvalue is 0.8 (gain 5) and private noise (eigenvalue sigma^2 / alpha) gains less.
  const amplification = makeFigure('amplification');
  function gain(mu) { return mu < 1 ? 1 / (1 - mu) : Infinity; }
  function setStreams(count) {
    amplification.send({ type: 'set', params: { N: count } }, (reply) => {
      const lambda1 = state(reply).lambda1;
      if (typeof lambda1 !== 'number' || !(lambda1 > 0)) {
        amplification.say('refused: the figure did not report lambda_1', true);
        return;
      }
      amplification.send({ type: 'set', params: { alpha: 1.25 * lambda1 } }, (done) => {
        const s = state(done), p = params(done);
        const noise = typeof p.noise_var === 'number' && typeof p.alpha === 'number' ? gain(p.noise_var / p.alpha) : NaN;
        amplification.say('N = ' + shown(p.N, 6) + ' streams, lambda_1 = ' + shown(s.lambda1) + ', alpha = ' +
          shown(p.alpha) + ': shared signal x' + shown(gain(s.lambda1 / p.alpha), 2) +
          ', private noise x' + shown(noise));
      });
    });
  }
  document.getElementById('streams-few').addEventListener('click', () => setStreams(4));
  document.getElementById('streams-many').addEventListener('click', () => setStreams(32));

  // --- 4. Appendix ---------------------------------------------------------------------
  const appendix = makeFigure('appendix');
  function replay(what) {
    appendix.send({ type: 'play' }, (done) => {
      appendix.say(what + ' (seed ' + text(params(done).seed) + '): 250 iterations at eta = ' + shown(params(done).eta));
    });
  }
  document.getElementById('appendix-again').addEventListener('click', () => {
    appendix.send({ type: 'reset' }, () => replay('started again on the same inputs'));
  });
  document.getElementById('appendix-seed').addEventListener('click', () => {
    appendix.send({ type: 'get' }, (reply) => {
      const seed = text(params(reply).seed);
      const next = /^\d{1,20}$/.test(seed) ? ((BigInt(seed) + 1n) % (1n << 64n)).toString() : '2';
      appendix.send({ type: 'set', params: { seed: next } }, () => replay('new inputs'));
    });
  });
})();
