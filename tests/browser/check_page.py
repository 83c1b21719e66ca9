#!/usr/bin/env python3
"""Drives headless Chromium through the DevTools protocol on a pipe (no debugging port).

    check_page.py <chromium> <url> <view> <settle-steps> <screenshot.png>

Opens <url> in a 1280x800 page and polls window.hebbianStatus() (and the <pre id="hebbian-status">
element the page fills from it) in real time. The page passes when the status names <view>,
reports steps > 0 and a finite alignment, and no console message of level error or warning and
no uncaught exception appeared. It then waits until <settle-steps> steps are done (or the time
runs out), saves a screenshot and prints one line of JSON with the final status. Exit 1 on failure.
"""
import base64
import json
import math
import os
import subprocess
import sys
import tempfile
import time

START_TIMEOUT_S = 60   # for the first frames (wasm compile, SwiftShader)
SETTLE_TIMEOUT_S = 40  # extra time to reach the settle steps before the screenshot
WIDTH, HEIGHT = 1280, 800


class Browser:
    """Chromium with --remote-debugging-pipe: commands on fd 3, replies on fd 4, NUL-separated JSON."""

    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        command = [chromium, "--headless", "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--no-first-run", "--disable-gpu-shader-disk-cache", "--hide-scrollbars",
                   f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", "--remote-debugging-pipe"]
        # The child gets the pipe ends as fds 3 and 4, as --remote-debugging-pipe expects.
        shell = f'exec "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.process = subprocess.Popen(["sh", "-c", shell, "sh", *command], pass_fds=(to_browser_r, from_browser_w),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def open_blank_page(self):
        """Opens an about:blank tab and attaches this session to it; returns its target id."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        return target

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def console_problems(events):
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append("uncaught: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            # SwiftShader's own notices: a performance hint, and the context it drops now and
            # then under load (a browser event the page recovers from; context_loss tests that).
            if not any(notice in entry.get("text", "") for notice in BROWSER_NOTICES):
                problems.append(f"log {entry['level']}: {entry.get('text', '')} ({entry.get('url', '')})")
    return problems


BROWSER_NOTICES = ("GL Driver Message (OpenGL, Performance", "CONTEXT_LOST_WEBGL")


def context_was_lost(events):
    """True when the browser dropped the page's WebGL context during the run."""
    return any(e.get("method") == "Log.entryAdded" and "CONTEXT_LOST_WEBGL" in e.get("params", {}).get("entry", {}).get("text", "")
               for e in events)


def read_status(browser):
    expression = ("JSON.stringify({hook: window.hebbianStatus ? window.hebbianStatus() : null, "
                  "element: (document.getElementById('hebbian-status') || {}).textContent || ''})")
    value = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
    return json.loads(value.get("result", {}).get("value", "{}"))


def wait_for(browser, done, timeout_s):
    """Polls the status until done(status) or the timeout; returns the last (status, element text)."""
    status, element = None, ""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(0.25)
        seen = read_status(browser)
        status, element = seen.get("hook"), seen.get("element", "")
        if status and element and done(status):
            break
    return status, element


def check(status, element, view):
    if not status:
        return ["window.hebbianStatus() never answered (did the app start?)"]
    problems = []
    alignment = status.get("alignment")
    if status.get("view") != view:
        problems.append(f"view is {status.get('view')!r}, expected {view!r}")
    if not isinstance(status.get("steps"), int) or status["steps"] <= 0:
        problems.append(f"steps is {status.get('steps')!r}, expected > 0")
    if not isinstance(alignment, (int, float)) or not math.isfinite(alignment):
        problems.append(f"alignment is {alignment!r}, expected a finite number")
    if not element or json.loads(element).get("view") != view:
        problems.append(f"<pre id=\"hebbian-status\"> holds {element!r}")
    return problems


def main():
    chromium, url, view, settle_steps, screenshot = sys.argv[1:6]
    settle_steps = int(settle_steps)
    started = time.monotonic()
    status = None
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(chromium, profile)
        try:
            browser.open_blank_page()
            for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
                browser.send(domain)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
            browser.send("Page.navigate", {"url": url})
            status, element = wait_for(browser, lambda s: s.get("steps", 0) > 0, START_TIMEOUT_S)
            if status and status.get("steps", 0) > 0:
                settled = wait_for(browser, lambda s: s["steps"] >= settle_steps or s.get("diverged"), SETTLE_TIMEOUT_S)
                status, element = settled if settled[0] else (status, element)
            problems = check(status, element, view)
            shot = browser.send("Page.captureScreenshot", {"format": "png"})
            with open(screenshot, "wb") as out:
                out.write(base64.b64decode(shot["data"]))
            problems += console_problems(browser.events)
            if problems and context_was_lost(browser.events):
                print("note: the browser lost the WebGL context during this view", file=sys.stderr)
        except (RuntimeError, OSError, KeyError, ValueError) as error:
            problems = [f"DevTools session failed: {error}"]
        finally:
            browser.close()
    print(json.dumps({"status": status, "seconds": round(time.monotonic() - started, 1)}))
    if problems:
        print("; ".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
