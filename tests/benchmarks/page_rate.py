#!/usr/bin/env python3
"""Learning rate of the real page while it renders, in headless Chromium.

    page_rate.py <chromium> <page-dir> <speed> [seconds]

Serves <page-dir> (the wasm build's web/ folder) on 127.0.0.1, opens the recurrent
view at N = 512 on the latent source (the sizes of sim_rec_N512) with <speed> steps
per frame, lets it warm up, then counts over [seconds] (default 10) the learning
steps done (from window.hebbianStatus()) and the frames drawn (requestAnimationFrame
callbacks). Prints `page_rec_N512 <TAB> samples/s <TAB> frames/s <TAB> speed`.
Chromium draws WebGL with SwiftShader (on the CPU), so the frames cost far more than
on a GPU: the figure is a floor for a real browser.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from check_page import Browser, read_status  # noqa: E402

URL = "index.html?view=recurrent&source=latent&N=512&eta=0.001&alpha=4&speed={speed}"
COUNT_FRAMES = ("window.hebbianFrames = 0; (function tick() { window.hebbianFrames += 1; "
                "requestAnimationFrame(tick); })(); 0")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def evaluate(browser, expression):
    return browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]


def main():
    chromium, page_dir, speed = sys.argv[1:4]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                               page_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as profile:
            browser = Browser(chromium, profile)
            try:
                browser.open_blank_page()
                browser.send("Runtime.enable")
                browser.send("Page.navigate", {"url": f"http://127.0.0.1:{port}/" + URL.format(speed=speed)})
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and (read_status(browser).get("hook") or {}).get("steps", 0) <= 0:
                    time.sleep(0.25)
                time.sleep(3.0)  # warm-up: the history stride grows, the first frames settle
                evaluate(browser, COUNT_FRAMES)
                start_steps, start = read_status(browser)["hook"]["steps"], time.monotonic()
                time.sleep(seconds)
                status = read_status(browser)["hook"]
                elapsed = time.monotonic() - start
                frames = evaluate(browser, "window.hebbianFrames")
            finally:
                browser.close()
    finally:
        server.terminate()
        server.wait()
    if status.get("diverged"):
        sys.exit("page_rate: the run diverged; no rate to report")
    print(f"page_rec_N512\t{(status['steps'] - start_steps) / elapsed:.6g}\t{frames / elapsed:.3g}\t{speed}")


if __name__ == "__main__":
    main()
