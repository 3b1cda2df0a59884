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
  const span = r => [r.x.baseVal.value, r.x.baseVal.value + r.width.baseVal.value];
  const bars = [...svg.querySelectorAll('rect.chart-bar')].map(span);
  const marks = [...svg.querySelectorAll('rect.chart-reference')].map(span);
  return {width: box.width, px: 14 * scale, texts, bars, marks, shown: svg.getBoundingClientRect().width};
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
        for left, right in chart["texts"] + chart["bars"] + chart["marks"]:
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
        for left, right in chart["texts"] + chart["marks"]:
            assert left >= -0.5 and right <= chart["width"] + 0.5
    check_a11y(page, "insight-phone-ar")


def test_a_coordinator_enters_a_schools_families_and_sees_whom_we_do_not_reach(server, browser):
    page = login(browser, server, "coordinator@koffiepot.test", viewport=PHONE)
    page.goto(server + "/staff/inzicht")
    gap = page.locator("section.insight", has=page.get_by_role("heading", name="Wie bereiken we nog niet?"))
    # On the first start the demo schools have their families: the gap is named in words, per school.
    expect(gap.locator(".reach-notes li").first).to_be_visible()
    assert "van de school" in gap.locator(".reach-notes").inner_text()
    page.locator("p", has_text="Gezinnen en thuistalen invullen").get_by_role(
        "link", name="Basisschool De Vlinder").click()
    expect(page.get_by_role("heading", name="Gezinnen en thuistalen — Basisschool De Vlinder")).to_be_visible()
    page.get_by_label("Aantal gezinnen").fill("300")
    page.get_by_label("Nederlands (%)").fill("80")
    page.get_by_label("Turks (%)").fill("30")
    page.get_by_role("button", name="Opslaan").click()
    # More than 100 % together: the form says so and keeps what she typed.
    expect(page.get_by_text("Samen is dat meer dan 100%")).to_be_visible()
    assert page.get_by_label("Nederlands (%)").input_value() == "80"
    # The demo filled the other languages; together with these they leave 2 % for "other".
    page.get_by_label("Nederlands (%)").fill("45")
    page.get_by_label("Arabisch (%)").fill("10")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen voor schooljaar")
    expect(page.get_by_text("Andere talen: 2%")).to_be_visible()
    check_a11y(page, "insight-families-form-phone-nl")

    page.get_by_role("link", name="Naar het dashboard").click()
    page.get_by_label("Locatie", exact=True).select_option(label="Basisschool De Vlinder")
    page.get_by_role("button", name="Toon").click()
    gap = page.locator("section.insight", has=page.get_by_role("heading", name="Wie bereiken we nog niet?"))
    notes = gap.locator(".reach-notes").inner_text()
    assert "Basisschool De Vlinder: gezinnen die thuis Turks spreken zijn 30% van de school" in notes, notes
    chart = [c for c in page.evaluate(CHART_GEOMETRY) if c["marks"]][0]
    for left, right in chart["texts"] + chart["bars"] + chart["marks"]:
        assert left >= -0.5 and right <= chart["width"] + 0.5, f"reach chart clips at {left}..{right}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "insight-reach-phone-nl")
    gap.screenshot(path=str(ARTIFACTS / "insight-reach-section-nl.png"))

    page.goto(page.url + "&lang=ar")
    gap = page.locator("section.insight[aria-labelledby=gap]")
    assert "30%" in gap.locator(".reach-notes").inner_text()
    for chart in page.evaluate(CHART_GEOMETRY):
        for left, right in chart["texts"] + chart["bars"] + chart["marks"]:
            assert left >= -0.5 and right <= chart["width"] + 0.5
    check_a11y(page, "insight-reach-phone-ar")
    gap.screenshot(path=str(ARTIFACTS / "insight-reach-section-ar.png"))
