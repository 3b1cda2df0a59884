"""Journeys of issue 14 pt 1, my data by code: a parent on her phone sees everything kept under her code, in Dutch
and in Arabic, downloads it, sees that nobody on staff read it yet, and erases it after one confirmation —
the time is free again and the code opens nothing any more."""
import json

import requests
from playwright.sync_api import expect

from conftest import check_a11y, new_page
from test_consultation_journeys import open_first_slot


def book(browser, server, name):
    page = new_page(browser)
    open_first_slot(page, server, "SPIL-centrum De Boomgaard")
    slot_url = page.url
    page.get_by_label("Voornaam of een schuilnaam").fill(name)
    page.get_by_label("Slapen").check()
    page.get_by_label("E-mail of mobiel nummer (mag je overslaan)").fill(f"{name.lower()}@example.nl")
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_role("status")).to_have_text("Gelukt! Je afspraak staat.")
    return page, page.locator(".code").inner_text(), slot_url


def test_parent_sees_downloads_and_erases_her_data(server, browser):
    page, code, slot_url = book(browser, server, "Noor")

    page.get_by_role("link", name="Zie en wis wat we van je bewaren.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    page.get_by_label("Code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Laat zien").click()
    expect(page.get_by_role("heading", name="Afspraak met de opvoedadviseur")).to_be_visible()
    expect(page.get_by_text("noor@example.nl")).to_be_visible()
    expect(page.get_by_text("Wie van ons dit kan zien: Opvoedadviseur.")).to_be_visible()
    expect(page.get_by_role("heading", name="Wie keek er?")).to_be_visible()
    expect(page.get_by_text("Nog niemand van ons heeft dit gelezen.")).to_be_visible()
    check_a11y(page, "mydata-nl")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als bestand (JSON)").click()
    document = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert document["items"][0]["kind"] == "booking" and document["items"][0]["data"]["name"] == "Noor"
    api = requests.post(server + "/api/v1/my-data", json={"code": code}, timeout=10).json()
    assert document == api
    # Printable: the buttons stay off paper, the data on one page.
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1

    page.get_by_role("button", name="Alles nu wissen").click()
    expect(page.get_by_text("Weet je het zeker?")).to_be_visible()
    check_a11y(page, "mydata-confirm")
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.get_by_role("status")).to_have_text("We hebben 1 gegevens gewist.")

    # The code now answers like one that never existed; the time can be booked again.
    page.goto(server + "/mijn-gegevens")
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Laat zien").click()
    expect(page.get_by_text("We vinden niets bij deze code.")).to_be_visible()
    again = new_page(browser)
    assert again.goto(slot_url).status == 200
    expect(again.get_by_role("button", name="Afspraak maken")).to_be_visible()


def test_arabic_parent_reads_her_data_right_to_left(server, browser):
    _, code, _ = book(browser, server, "Salma")
    page = new_page(browser, locale="ar")
    page.goto(server + "/mijn-gegevens?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_label("الرمز").fill(code)
    page.get_by_role("button", name="اعرض").click()
    expect(page.get_by_role("heading", name="موعد مع مستشار التربية")).to_be_visible()
    expect(page.get_by_text("salma@example.nl")).to_be_visible()
    expect(page.get_by_role("heading", name="من اطلع عليه؟")).to_be_visible()
    check_a11y(page, "mydata-ar")
    page.get_by_role("button", name="امسح كل شيء الآن").click()
    page.get_by_role("button", name="نعم، امسح كل شيء").click()
    expect(page.get_by_role("status")).to_contain_text("1")
    assert requests.post(server + "/api/v1/my-data", json={"code": code}, timeout=10).status_code == 404


def test_privacy_officer_reads_the_access_log_and_the_register(server, browser):
    from test_consultation_journeys import login
    advisor = login(browser, server, "anja@koffiepot.test")
    advisor.goto(server + "/staff/vragen")
    officer = login(browser, server, "fg@koffiepot.test")
    officer.get_by_role("link", name="Toegangslog").first.click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Toegangslog")
    officer.get_by_label("Rol", exact=True).select_option("advisor")
    officer.get_by_role("button", name="Toon").click()
    expect(officer.get_by_role("cell", name="questions.queue").first).to_be_visible()
    check_a11y(officer, "accesslog")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Download deze selectie als CSV").click()
    assert "questions.queue" in open(download.value.path(), encoding="utf-8").read()
    officer.goto(server + "/staff/verwerkingsregister")
    expect(officer.get_by_role("heading", level=1)).to_have_text("Verwerkingsregister")
    assert officer.goto(server + "/staff/agenda").status == 403
