"""Issue 13 pt 7: a cheap phone on a slow connection. With Chromium's network emulation (400 kbit/s, 400 ms
latency) and a 4× slower CPU, from a cold cache, the location page and the booking form paint their largest
content within 3 seconds, and every public page transfers at most 60 KB in all. The figures are written to
.artifacts/e2e/budget.json (BENCHMARKS.md keeps a copy)."""
import json

from conftest import ARTIFACTS, PHONE
from test_consultation_journeys import location_id

LCP = """
new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve(-1), 5000);
})
"""

TRANSFERRED = """
(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return performance.getEntriesByType("resource").reduce((sum, r) => sum + r.transferSize, nav.transferSize);
})()
"""


def measure(browser, url):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load")
    lcp = page.evaluate(LCP)
    transferred = page.evaluate(TRANSFERRED)
    context.close()
    return {"lcp_ms": round(lcp), "transferred_bytes": transferred}


def test_public_pages_fit_a_cheap_phone_on_a_slow_line(server, browser):
    school = location_id(server, "SPIL-centrum De Boomgaard")
    probe = browser.new_page()
    probe.goto(server + f"/locations/{school}")
    booking = server + probe.locator("ul.slots a").first.get_attribute("href")
    probe.close()
    pages = {
        "location": server + f"/locations/{school}",
        "booking form": booking,
        "home": server + "/",
        "gatherings": server + "/gatherings",
        "question": server + "/vraag",
        "home theme": server + f"/locations/{location_id(server, 'Peuterspeelzaal Het Kwetternest')}/thuis",
    }
    figures = {name: measure(browser, url) for name, url in pages.items()}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "budget.json").write_text(json.dumps(figures, indent=2))
    for name in ("location", "booking form"):
        assert 0 < figures[name]["lcp_ms"] <= 3000, (name, figures[name])
    for name, figure in figures.items():
        assert figure["transferred_bytes"] <= 60 * 1024, (name, figure)
