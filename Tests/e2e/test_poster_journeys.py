"""Issue 13 pt 5, the printed half of the outreach kit: every poster (A4) and table card (A6) prints on one page,
and its QR code — rendered from the PDF with pdftoppm and read back with zbarimg — is exactly the page's link."""
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from conftest import ARTIFACTS, check_a11y
from test_consultation_journeys import location_id, login


def qr_in_pdf(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "poster.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(Path(work) / "page")], check=True)
        pages = sorted(Path(work).glob("page*.png"))
        assert len(pages) == 1, f"{len(pages)} pages"
        found = subprocess.run(["zbarimg", "--quiet", "--raw", str(pages[0])], capture_output=True, text=True, check=True)
        return found.stdout.strip()


def test_every_poster_prints_on_one_page_with_a_readable_qr_code(server, browser):
    staff = login(browser, server, "anja@koffiepot.test")
    school = location_id(server, "SPIL-centrum De Boomgaard")
    expected = {
        "location": f"{server}/locations/{school}?via=poster",
        "spreekuur": f"{server}/locations/{school}?via=poster#spreekuur",
        "vraag": f"{server}/vraag?location={school}&via=poster",
    }
    for kind, url in expected.items():
        for size in ("a4", "a6"):
            staff.goto(f"{server}/staff/locations/{school}/posters/{kind}?size={size}&lang=nl&second=ar")
            expect(staff.locator(".poster .cardcolumn[lang=ar]")).to_be_visible()
            pdf = staff.pdf(prefer_css_page_size=True, print_background=True)
            assert qr_in_pdf(pdf) == url, (kind, size)
    check_a11y(staff, "poster-vraag-a6")
    # A gathering's poster, from the public list.
    staff.goto(server + "/gatherings")
    gathering = staff.locator("a[href^='/gatherings/']").first.get_attribute("href").split("?")[0]
    staff.goto(f"{server}/staff{gathering}/poster?size=a4&lang=nl")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    staff.screenshot(path=str(ARTIFACTS / "poster-gathering-a4.png"), full_page=True)
    assert qr_in_pdf(staff.pdf(prefer_css_page_size=True, print_background=True)) == f"{server}{gathering}?via=poster"
