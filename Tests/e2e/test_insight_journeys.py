"""Insight as a coordinator sees it on the first start: a filled dashboard, satisfaction first, charts that
read on a 390 px phone (text at least 12 px, nothing clipped), mirrored in Arabic, and the quarter report on A4."""
import re
import subprocess
import tempfile
from playwright.sync_api import expect
from conftest import ARTIFACTS, PHONE, check_a11y
from test_consultation_journeys import login

CHART_GEOMETRY = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.viewBox.baseVal, scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return [b.x, b.x + b.width]; });
  const bars = [...svg.querySelectorAll('rect')].map(r => [r.x.baseVal.value, r.x.baseVal.value + r.width.baseVal.value]);
  return {width: box.width, px: 14 * scale, texts, bars, shown: svg.getBoundingClientRect().width};
})"""


def test_a_coordinator_reads_the_dashboard_on_a_phone_and_prints_the_quarter(server, browser):
    page = login(browser, server, "coordinator@koffiepot.test", viewport=PHONE)
    page.goto(server + "/staff/inzicht")
    headings = page.locator("section.insight h2").all_inner_texts()
    assert headings[0] == "Tevredenheid", headings
    # Filled on the first start: every chart has at least one bar.
    charts = page.evaluate(CHART_GEOMETRY)
    assert len(charts) >= 5
    for index, chart in enumerate(charts):
        assert chart["bars"], f"chart {headings[index]} has no bar"
        assert chart["px"] >= 12, f"chart {headings[index]}: text at {chart['px']:.1f} px"
        assert chart["shown"] <= 390
        for left, right in chart["texts"] + chart["bars"]:
            assert left >= -0.5 and right <= chart["width"] + 0.5, f"chart {headings[index]} clips at {left}..{right}"
    # Nothing widens the phone's page: wide tables scroll in their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Each chart's numbers are a table beside it.
    expect(page.locator("section.insight").first.locator("table.data caption")).to_be_visible()
    check_a11y(page, "insight-phone-nl")

    page.get_by_role("link", name=re.compile("Kwartaalrapport")).click()
    assert re.search(r"from=\d{4}-\d{2}&", page.url)
    pdf = page.pdf(format="A4", print_background=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 8, pages
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, text=True, check=True).stdout
    assert "Tevredenheid" in text and re.search(r"\b\d{2,}\b", text), text[:500]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "insight-quarter-report.pdf").write_bytes(pdf)


def test_the_dashboard_in_arabic_is_mirrored(server, browser):
    page = login(browser, server, "coordinator@koffiepot.test", viewport=PHONE)
    page.goto(server + "/staff/inzicht?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    for chart in page.evaluate(CHART_GEOMETRY):
        # Bars grow from the right-hand edge to the left, as the page reads.
        assert all(abs(right - chart["width"]) < 0.5 for _, right in chart["bars"]), chart["bars"]
        assert chart["px"] >= 12
        for left, right in chart["texts"]:
            assert left >= -0.5 and right <= chart["width"] + 0.5
    check_a11y(page, "insight-phone-ar")
