"""Journeys of issue 2: a parent finds the school and sees when the advisor is there (nl and ar);
an admin cancels next Tuesday's presence and the public page and the iCal feed show it."""
import datetime as dt
import re

import requests
from icalendar import Calendar
from playwright.sync_api import expect

from conftest import DESKTOP, check_a11y, new_page


def test_parent_on_a_phone_finds_school_and_sees_when_the_advisor_is_there(server, browser):
    page = new_page(browser)
    page.goto(server + "/")
    check_a11y(page, "parent-nl-home")
    page.get_by_label("Naam van de school of de wijk").fill("regenboog")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Basisschool De Regenboog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Basisschool De Regenboog")
    expect(page.get_by_role("heading", name="Wanneer is wie waar")).to_be_visible()
    expect(page.get_by_role("heading", name="Samira El Amrani")).to_be_visible()
    expect(page.get_by_role("heading", name="Deze week")).to_be_visible()
    expect(page.get_by_role("heading", name="Volgende week")).to_be_visible()
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_a11y(page, "parent-nl-location")


def test_parent_in_arabic_reads_right_to_left(server, browser):
    page = new_page(browser, locale="ar")
    page.goto(server + "/?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    check_a11y(page, "parent-ar-home")
    page.get_by_label("اسم المدرسة أو الحي").fill("Vlinder")
    page.get_by_role("button", name="بحث").click()
    page.get_by_role("link", name="Basisschool De Vlinder").click()
    expect(page.get_by_role("heading", name="من يكون أين ومتى")).to_be_visible()
    expect(page.get_by_role("heading", name="هذا الأسبوع")).to_be_visible()
    assert page.get_attribute("html", "dir") == "rtl"
    # The brand sits on the right in a mirrored layout.
    box = page.locator("header .brand").bounding_box()
    assert box["x"] > 390 / 2
    check_a11y(page, "parent-ar-location")


def next_tuesday(today):
    return today + dt.timedelta(days=(1 - today.weekday()) % 7 or 7)


def test_admin_cancels_next_tuesday_and_parents_see_it(server, browser):
    page = new_page(browser, viewport=DESKTOP)
    page.goto(server + "/login")
    check_a11y(page, "admin-login")
    page.get_by_label("E-mailadres").fill("admin@koffiepot.test")
    page.get_by_label("Wachtwoord").fill("koffiepot-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hallo Beheer Koffiepot")
    check_a11y(page, "admin-dashboard")
    row = page.locator("li", has=page.get_by_role("link", name="SPIL-centrum De Boomgaard"))
    row.get_by_role("link", name="Aanwezigheid beheren").click()
    check_a11y(page, "admin-presence")

    # Next Tuesday that has a moment (the demo has a Tuesday walk-in); skip weeks in a school holiday.
    day = next_tuesday(dt.date.today())
    for _ in range(4):
        if page.locator(f"li.occurrence[data-date='{day.isoformat()}']").count():
            break
        day += dt.timedelta(days=7)
    occurrence = page.locator(f"li.occurrence[data-date='{day.isoformat()}']").first
    occurrence.get_by_role("button", name=re.compile("^Afzeggen")).click()
    expect(page.get_by_role("status")).to_contain_text("Afgezegd")
    check_a11y(page, "admin-presence-cancelled")

    public = new_page(browser)
    location_url = page.get_by_role("link", name="Bekijk de openbare pagina").get_attribute("href")
    public.goto(server + location_url)
    expect(public.get_by_text("Gaat niet door").first).to_be_visible()
    check_a11y(public, "parent-sees-cancellation")

    feed = requests.get(server + location_url + "/calendar.ics", timeout=10)
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.content)
    cancelled = [e for e in calendar.walk("VEVENT") if str(e.get("STATUS")) == "CANCELLED"]
    assert [e.decoded("DTSTART").astimezone(dt.timezone.utc).date() for e in cancelled] == [day]
    assert all(e.decoded("DTEND") > e.decoded("DTSTART") for e in calendar.walk("VEVENT"))


def test_embed_widget_error_pages_and_api(server, browser):
    locations = requests.get(server + "/api/v1/locations", timeout=10).json()
    assert {"id", "name", "kind", "neighbourhood"} <= set(locations[0])
    page = new_page(browser)
    page.goto(server + "/embed/locations/" + locations[0]["id"])
    check_a11y(page, "embed-widget")
    response = page.goto(server + "/locations/does-not-exist?lang=ar")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("هذه الصفحة غير موجودة")
    check_a11y(page, "not-found-ar")
    bad = requests.get(server + f"/api/v1/locations/{locations[0]['id']}/presence?from=2026-01-01&to=2026-12-31", timeout=10)
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")


def test_csp_holds_in_a_real_browser(server, browser):
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + "/")
    page.goto(server + "/login")
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"   # our stylesheet loaded
    assert violations == []
    context.close()
