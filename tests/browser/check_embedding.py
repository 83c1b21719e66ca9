#!/usr/bin/env python3
"""The page's embedding features in headless Chromium, over the DevTools pipe of check_page.py.

    check_embedding.py <chromium> <page-origin> <host-origin> <data-dir> <screenshot-dir>

<page-origin> serves the built page (index.html, example.html, ...), <host-origin> (another
port, so another origin) serves tests/browser/host.html. Seven cases, each on a fresh tab of
one browser; one line per case: "ok <case> <detail>" or "FAILED <case> <problems>".

  url_reproduces_run  parameters in the address set the run; 300 steps, then "Copy link"
                      (hebbian.link()) opened in a new tab and stepped 300 times gives the
                      same weights and history, bit for bit
  malformed_url       bad values are each named in the notice and replaced by the view's
                      defaults, the unknown key gives one console warning, the run goes on
  embed_320x240       ?embed=1 in a 320 x 240 window: a compact page that draws (pixels
                      checked), no horizontal overflow; saved as embed.png
  postmessage         from a page of another origin: set alpha, read it back; messages of
                      the wrong shape get no reply, a wrong type gets a refusal; progress
                      after subscribe; the example post's #above button sets alpha = 1.5 lambda_1
                      in its #fig-feedforward iframe (read back through the iframe's window.hebbian)
  csv_upload          a good CSV through the file picker becomes the source; a non-numeric,
                      a ragged and an empty file each show their error and keep the data
  export_download     the recurrent matrix downloads as CSV whose numbers equal the state's
                      (JSON export, |W|_F); the view downloads as PNG
  offline             served by a server of its own (the folder in $HEBBIAN_PAGE_DIR), the
                      page caches itself through its service worker; with that server shut
                      down it loads again and runs

Every case also requires: no console error or warning (except where expected), no uncaught
exception, and no request to any origin but the page's own (and the host's, in postmessage).
"""
import base64
import functools
import http.server
import json
import math
import os
import struct
import sys
import tempfile
import threading
import time
import urllib.request
import zlib

from check_page import Browser, console_problems

READY_TIMEOUT_S = 60


class Tab:
    """One page target of the browser, with its own DevTools session."""

    def __init__(self, browser, url, width=1280, height=800):
        self.browser = browser
        self.target = browser.open_blank_page()
        browser.events.clear()
        for domain in ("Runtime.enable", "Log.enable", "Page.enable", "Network.enable", "DOM.enable"):
            browser.send(domain)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        browser.send("Page.navigate", {"url": url})

    def evaluate(self, expression, timeout_s=30):
        reply = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                        "awaitPromise": True, "timeout": timeout_s * 1000})
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description", details.get("text", "")))
        return reply.get("result", {}).get("value")

    def wait(self, expression, timeout_s, what):
        """Polls a JavaScript expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for {what}")

    def wait_ready(self):
        return self.wait("window.hebbianStatus && window.hebbianStatus()", READY_TIMEOUT_S, "the app's first frame")

    def screenshot(self, path):
        shot = self.browser.send("Page.captureScreenshot", {"format": "png"})
        data = base64.b64decode(shot["data"])
        with open(path, "wb") as out:
            out.write(data)
        return data

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.browser.events
                if e.get("method") == "Network.requestWillBeSent"]

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target}, session=False)


def foreign_requests(tab, *origins):
    allowed = tuple(o + "/" for o in origins) + ("data:", "blob:")
    return [f"request to another origin: {url}" for url in tab.requests() if not url.startswith(allowed)]


def png_pixels(data):
    """Width, height and rows of RGB(A) bytes of an 8-bit, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError("unexpected PNG format")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw, stride, rows = zlib.decompress(idat), width * channels, []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def colour_counts(data):
    """(width, height, {RGB bytes: pixels of that colour}) of a PNG."""
    width, height, channels, rows = png_pixels(data)
    counts = {}
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = row[x:x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    return width, height, counts


def drawn_share(data):
    """(width, height, share of pixels unlike the background colour, distinct colours)."""
    width, height, counts = colour_counts(data)
    background = max(counts.values())
    return width, height, 1.0 - background / (width * height), len(counts)


def case_url_reproduces_run(browser, origin, _host, _data, _out):
    query = "view=feedforward&source=spectrum&N=6&rule=sanger&k=2&eta=0.02&seed=42&autoplay=0"
    tab = Tab(browser, f"{origin}/index.html?{query}")
    problems = []
    tab.wait_ready()
    state = tab.evaluate("hebbian.get()")
    p = state["params"]
    expected = {"source": "spectrum", "N": 6, "rule": "sanger", "k": 2, "eta": 0.02, "seed": "42", "autoplay": False}
    problems += [f"params.{k} = {p.get(k)!r}, expected {v!r}" for k, v in expected.items() if p.get(k) != v]
    if state["steps"] != 0:
        problems.append(f"steps = {state['steps']} with autoplay=0")
    start = json.loads(tab.evaluate("hebbian.exportData('weights', 'json')"))
    runs = []
    link = tab.evaluate("hebbian.link()")
    for attempt in range(2):
        if attempt == 1:
            problems += console_problems(browser.events) + foreign_requests(tab, origin)
            tab.close()
            tab = Tab(browser, link)
            tab.wait_ready()
        steps = tab.evaluate("hebbian.step(300).then(s => s.steps)")
        weights = json.loads(tab.evaluate("hebbian.exportData('weights', 'json')"))
        history = tab.evaluate("hebbian.exportData('history', 'json')")
        runs.append((steps, weights, history))
    problems += console_problems(browser.events) + foreign_requests(tab, origin)
    tab.close()
    if "seed=42" not in link or "N=6" not in link or "autoplay=0" not in link:
        problems.append(f"the link {link!r} lacks a parameter")
    if runs[0][0] != 300 or runs[1][0] != 300:
        problems.append(f"steps after step(300): {runs[0][0]}, {runs[1][0]}")
    if len(runs[0][1]) != 2 or len(runs[0][1][0]) != 6:
        problems.append("weights are not 2 x 6")
    if runs[0][1] == start:
        problems.append("300 steps did not change the weights")
    if runs[0][1] != runs[1][1] or runs[0][2] != runs[1][2]:
        problems.append("the link's run differs from the original (weights or history)")
    return problems, f"link {link.split('?', 1)[1]} gives identical weights after 300 steps"


def case_malformed_url(browser, origin, _host, _data, out):
    tab = Tab(browser, f"{origin}/index.html?view=recurrent&eta=abc&N=&alpha=NaN&rule=7&seed=-1&speed=fast&bogus=1")
    problems = []
    status = tab.wait_ready()
    status = tab.wait("(s => s && s.steps > 0 && s)(window.hebbianStatus())", 30, "steps > 0")
    notice = status.get("notice") or ""
    for given in ("eta=abc", "N=:", "alpha=NaN", "rule=7", "seed=-1", "speed=fast"):
        if given not in notice:
            problems.append(f"the notice does not name {given!r}: {notice!r}")
    p = tab.evaluate("hebbian.get()")["params"]
    defaults = {"view": "recurrent", "eta": 0.002, "N": 8, "alpha": 2, "rule": "decay", "seed": "1", "speed": 20}
    problems += [f"params.{k} = {p.get(k)!r}, expected the default {v!r}" for k, v in defaults.items() if p.get(k) != v]
    time.sleep(0.5)
    tab.screenshot(os.path.join(out, "malformed.png"))
    console = console_problems(browser.events)
    warnings = [c for c in console if "bogus" in c and c.startswith("console.warning")]
    if len(warnings) != 1:
        problems.append(f"expected one console warning naming 'bogus', got {warnings}")
    problems += [c for c in console if c not in warnings] + foreign_requests(tab, origin)
    tab.close()
    return problems, f"notice: {notice[:90]}..."


def case_embed_320x240(browser, origin, _host, _data, out):
    tab = Tab(browser, f"{origin}/index.html?embed=1&view=feedforward", 320, 240)
    problems = []
    tab.wait_ready()
    status = tab.wait("(s => s && s.steps >= 300 && s)(window.hebbianStatus())", 40, "300 steps")
    if not status.get("embed"):
        problems.append("status says embed is off")
    overflow = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    if overflow[0] > 320 or overflow[1] > 240:
        problems.append(f"the page overflows 320 x 240: {overflow}")
    data = tab.screenshot(os.path.join(out, "embed.png"))
    width, height, drawn, colours = drawn_share(data)
    if (width, height) != (320, 240):
        problems.append(f"screenshot is {width} x {height}")
    if drawn < 0.05 or colours < 20:
        problems.append(f"the page looks empty: {drawn:.0%} drawn, {colours} colours")
    problems += console_problems(browser.events) + foreign_requests(tab, origin)
    tab.close()
    return problems, f"{drawn:.0%} of pixels drawn, {colours} colours, step {status['steps']}"


def case_postmessage(browser, origin, host, _data, _out):
    app = f"{origin}/index.html?embed=1&view=recurrent&autoplay=0"
    tab = Tab(browser, f"{host}/host.html#{app}")
    problems = []
    post = "document.getElementById('app').contentWindow.postMessage({}, '" + origin + "')"
    reply_of = "(window.received.find(m => m.data && m.data.id === '{}') || null)"
    tab.wait("window.appLoaded", READY_TIMEOUT_S, "the iframe to load")
    for attempt in range(150):  # until the app inside the iframe answers
        tab.evaluate(post.format(json.dumps({"type": "get", "id": f"ping-{attempt}"})))
        time.sleep(0.2)
        if tab.evaluate(reply_of.format(f"ping-{attempt}")):
            break
    tab.evaluate(post.format(json.dumps({"type": "set", "params": {"alpha": 3.5}, "id": "set-1"})))
    done = tab.wait(reply_of.format("set-1"), 20, "the reply to set")
    tab.evaluate(post.format(json.dumps({"type": "get", "id": "get-1"})))
    got = tab.wait(reply_of.format("get-1"), 20, "the reply to get")
    if done["origin"] != origin:
        problems.append(f"the reply came from {done['origin']!r}")
    if not done["data"].get("ok") or got["data"]["state"]["params"]["alpha"] != 3.5:
        problems.append(f"alpha read back as {got['data'].get('state', {}).get('params', {}).get('alpha')!r}")
    for ignored in ('"not json"', "{type: 'eval', code: 'alert(1)', id: 'x-1'}", "[1, 2]",
                    "{type: 'get', id: 'x-2', extra: 1}", "{type: 'get', id: 'x-3', toString: 5}"):
        tab.evaluate(post.replace("{}", ignored, 1))
    tab.evaluate(post.format(json.dumps({"type": "set", "params": {"alpha": "high"}, "id": "bad-1"})))
    refused = tab.wait(reply_of.format("bad-1"), 20, "the refusal")["data"]
    if refused.get("ok") is not False or "params.alpha must be a number" not in refused.get("error", ""):
        problems.append(f"a wrongly typed value got {refused!r}")
    tab.evaluate(post.format(json.dumps({"type": "subscribe", "id": "sub-1"})))
    tab.evaluate(post.format(json.dumps({"type": "play", "id": "play-1"})))
    tab.wait("window.received.find(m => m.data && m.data.type === 'progress' && m.data.status.steps > 0)", 20,
             "a progress message")
    answered = tab.evaluate("window.received.filter(m => m.data && m.data.id && String(m.data.id).startsWith('x-')).length")
    if answered:
        problems.append(f"{answered} messages of the wrong shape were answered")
    problems += console_problems(browser.events) + foreign_requests(tab, origin, host)
    tab.close()

    example = Tab(browser, f"{origin}/example.html")
    # The new tab may still show about:blank at first: look the elements up null-safely.
    figure = "((document.getElementById('fig-feedforward') || {}).contentWindow || null)"
    example.wait("((document.getElementById('progress-feedforward') || {}).textContent || '').startsWith('step')",
                 READY_TIMEOUT_S, "the example's progress line")
    lambda1 = example.evaluate(f"{figure}.hebbian.get().then(s => s.lambda1)")
    example.evaluate("document.getElementById('above').click()")
    alpha = example.wait(f"{figure}.hebbian.get().then(s => Math.abs(s.params.alpha - 1.5 * {lambda1}) < 1e-9 * {lambda1} "
                         "&& s.params.alpha)", 20, "the example's button to set alpha = 1.5 lambda_1")
    problems += console_problems(browser.events) + foreign_requests(example, origin)
    example.close()
    return problems, f"alpha set to 3.5 and read back from {host}; example post: #above set alpha = {alpha:.4g} = 1.5 lambda_1"


def set_file(tab, path):
    document = tab.browser.send("DOM.getDocument")["root"]["nodeId"]
    node = tab.browser.send("DOM.querySelector", {"nodeId": document, "selector": "#csv-file"})["nodeId"]
    tab.browser.send("DOM.setFileInputFiles", {"nodeId": node, "files": [path]})


def case_csv_upload(browser, origin, _host, data, out):
    tab = Tab(browser, f"{origin}/index.html?autoplay=0")
    problems = []
    tab.wait_ready()
    set_file(tab, os.path.join(data, "correlated3.csv"))
    state = tab.wait("hebbian.get().then(s => s.data === 'correlated3.csv' && s)", 20, "the good CSV to load")
    if state["inputs"] != 3 or state["params"]["source"] != "dataset":
        problems.append(f"after the good CSV: N = {state['inputs']}, source {state['params']['source']}")
    covariance = tab.evaluate("hebbian.exportData('covariance', 'json')")
    expected = {"nonnumeric.csv": "line 3, column 2", "ragged.csv": "line 4: this row has 1 fields", "empty.csv": "empty"}
    for name, where in expected.items():
        set_file(tab, os.path.join(data, name))
        error = tab.wait(f"(s => s.data_error && s.data_error.startsWith('{name}') && s.data_error)"
                         "(window.hebbianStatus())", 20, f"the error of {name}")
        if where not in error:
            problems.append(f"the error of {name} does not say {where!r}: {error!r}")
        after = tab.evaluate("hebbian.get()")
        if after["data"] != "correlated3.csv" or after["inputs"] != 3:
            problems.append(f"{name} replaced the data: {after['data']!r}, N = {after['inputs']}")
        if tab.evaluate("hebbian.exportData('covariance', 'json')") != covariance:
            problems.append(f"{name} changed the covariance")
    time.sleep(0.3)
    tab.screenshot(os.path.join(out, "csv_error.png"))
    problems += console_problems(browser.events) + foreign_requests(tab, origin)
    tab.close()
    return problems, f"last error shown: {error}"


def case_export_download(browser, origin, _host, _data, _out):
    tab = Tab(browser, f"{origin}/index.html?view=recurrent&autoplay=0&seed=5")
    problems = []
    with tempfile.TemporaryDirectory() as downloads:
        browser.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads}, session=False)
        tab.wait_ready()
        state = tab.evaluate("hebbian.step(200)")
        tab.evaluate("hebbian.download('recurrent', 'csv')")
        tab.evaluate("hebbian.download('view', 'png')")
        csv_path = os.path.join(downloads, "hebbian-recurrent.csv")
        png_path = os.path.join(downloads, "hebbian-recurrent.png")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (os.path.exists(csv_path) and os.path.exists(png_path)):
            time.sleep(0.2)
        if not os.path.exists(csv_path):
            return problems + ["hebbian-recurrent.csv was not downloaded"], ""
        with open(csv_path) as f:
            rows = [[float(cell) for cell in line.split(",")] for line in f.read().splitlines()]
        matrix = json.loads(tab.evaluate("hebbian.exportData('recurrent', 'json')"))
        png = open(png_path, "rb").read() if os.path.exists(png_path) else b""
    n = state["inputs"]
    if len(rows) != n or any(len(r) != n for r in rows):
        problems.append(f"the CSV is not {n} x {n}")
    if rows != matrix:
        problems.append("the downloaded CSV differs from the state's recurrent matrix")
    frobenius = math.sqrt(sum(v * v for r in rows for v in r))
    if state["steps"] != 200 or not math.isclose(frobenius, state["norm"], rel_tol=1e-12):
        problems.append(f"|W|_F of the file {frobenius} vs the state's {state['norm']} at step {state['steps']}")
    if not png.startswith(b"\x89PNG"):
        problems.append("the view was not downloaded as PNG")
    problems += console_problems(browser.events) + foreign_requests(tab, origin)
    tab.close()
    return problems, f"{n} x {n} matrix, |W|_F = {frobenius:.6g} = state's norm; PNG {len(png)} bytes"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


def case_offline(browser, _origin, _host, _data, _out):
    page_dir = os.environ["HEBBIAN_PAGE_DIR"]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=page_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    url = f"{origin}/index.html?view=feedforward&autoplay=0"
    tab = Tab(browser, url)
    problems = []
    try:
        tab.wait_ready()
        tab.wait("navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)", 30,
                 "the service worker to control the page")
        cached = tab.wait("caches.open('hebbian-page').then(c => c.keys()).then(k => k.length >= 7 && k.length)",
                          30, "the offline copy")
    finally:
        server.shutdown()
        server.server_close()
    try:
        urllib.request.urlopen(url, timeout=2)
        problems.append("the page's server still answers")
    except OSError:
        pass
    browser.events.clear()
    browser.send("Page.navigate", {"url": url})
    time.sleep(1.0)
    tab.wait_ready()
    steps = tab.evaluate("hebbian.step(50).then(s => s.steps)")
    if steps != 50:
        problems.append(f"offline: steps after step(50) = {steps}")
    problems += [p for p in console_problems(browser.events) if p.startswith("uncaught")]
    tab.close()
    return problems, f"{cached} files cached; with the server gone the page loads and runs {steps} steps"


CASES = [case_url_reproduces_run, case_malformed_url, case_embed_320x240, case_postmessage, case_csv_upload,
         case_export_download, case_offline]


def run_case(case, *arguments):
    """Runs case(*arguments), which returns (problems, detail), and prints its verdict line:
    "ok <name> (<seconds>s): <detail>" or "FAILED <name> (<seconds>s): <problems>". Returns 1
    when it failed, else 0."""
    name = case.__name__[len("case_"):]
    started = time.monotonic()
    try:
        problems, detail = case(*arguments)
    except (RuntimeError, OSError, KeyError, ValueError, TypeError) as error:
        problems, detail = [f"{type(error).__name__}: {error}"], ""
    seconds = time.monotonic() - started
    if problems:
        print(f"FAILED {name} ({seconds:.1f}s): {'; '.join(problems)[:3000]}", flush=True)
        return 1
    print(f"ok {name} ({seconds:.1f}s): {detail}", flush=True)
    return 0


def main():
    chromium, origin, host, data, out = sys.argv[1:6]
    failed = 0
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            for case in CASES:
                failed += run_case(case, browser, origin, host, data, out)
        finally:
            browser.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
