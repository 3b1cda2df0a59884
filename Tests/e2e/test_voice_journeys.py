"""Journeys of issue 6: a parent rates a held consultation from the e-mail; a wish is supported and becomes a
theme evening (the proposer is told); a coordinator filters the dashboard, sees "<5" and downloads the CSV."""
import datetime
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from conftest import check_a11y, new_page
from test_consultation_journeys import location_id, login, open_first_slot


def test_parent_rates_a_held_consultation_and_the_coordinator_sees_it_protected(server, browser, mail):
    page = new_page(browser)
    open_first_slot(page, server, "SPIL-centrum De Boomgaard")
    page.get_by_label("Voornaam of een schuilnaam").fill("Noor")
    page.get_by_label("E-mail of mobiel nummer (mag je overslaan)").fill("noor@example.nl")
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_role("status")).to_have_text("Gelukt! Je afspraak staat.")

    advisor = login(browser, server, "anja@koffiepot.test")
    advisor.get_by_role("link", name="Mijn agenda").click()
    for _ in range(4):
        if advisor.get_by_text("Noor (").count():
            break
        advisor.get_by_role("link", name="Volgende week →").click()
    advisor.locator("article.booking", has_text="Noor (").get_by_role("button", name=re.compile("^Gesprek gehouden")).click()
    expect(advisor.get_by_role("status")).to_have_text("Opgeslagen.")

    _, body = mail.wait_for("noor@example.nl", "Hoe was het?")
    link = re.search(r"https?://\S+/feedback", body).group(0)
    parent = new_page(browser)
    parent.goto(link)
    expect(parent.get_by_role("heading", name="Hoe was je gesprek met Anja de Vries?")).to_be_visible()
    check_a11y(parent, "feedback-form")
    parent.get_by_label("Wat kan beter? (mag leeg blijven)").fill("Fijn gesprek, iets meer tijd was goed")
    parent.get_by_role("button", name="Heel goed").click()
    expect(parent.get_by_role("status")).to_have_text("Dank je wel! Zo weten we wat ouders helpt.")

    coordinator = login(browser, server, "coordinator@koffiepot.test")
    coordinator.get_by_role("link", name="Inzicht").click()
    coordinator.get_by_label("Locatie", exact=True).select_option(label="SPIL-centrum De Boomgaard")
    # The demo's year of history ends before this month (a week counts in the month of its Monday): this
    # month holds only Noor's rating.
    today = datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    month = (today - datetime.timedelta(days=today.weekday())).strftime("%Y-%m")
    coordinator.get_by_label("Van maand").fill(month)
    coordinator.get_by_label("Tot en met maand").fill(month)
    coordinator.get_by_role("button", name="Toon").click()
    satisfaction = coordinator.locator("section.insight", has=coordinator.get_by_role("heading", name="Tevredenheid", exact=True))
    expect(satisfaction.get_by_role("row", name=re.compile("Heel goed")).get_by_role("cell")).to_have_text("<5")
    expect(coordinator.get_by_text("Teksten staan hier pas vanaf 5 reacties")).to_be_visible()
    expect(coordinator.get_by_text("iets meer tijd")).to_have_count(0)
    check_a11y(coordinator, "insight-dashboard")
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name="Download als CSV").click()
    csv = open(download.value.path(), encoding="utf-8").read()
    assert '"<5"' in csv
    values = [line.rsplit(",", 1)[-1].strip('"') for line in csv.splitlines()[1:]]
    assert not {"1", "2", "3", "4"} & set(values), values


def test_a_wish_is_supported_and_becomes_a_theme_evening(server, browser, mail):
    proposer = new_page(browser)
    proposer.goto(server + f"/locations/{location_id(server, 'Basisschool De Vlinder')}")
    proposer.get_by_role("link", name="Waar wil je het over hebben?").click()
    proposer.get_by_role("radio", name="Broers en zussen", exact=True).check()
    proposer.get_by_label("In je eigen woorden (mag je overslaan)").fill("Ruzie tussen broers en zussen")
    proposer.get_by_label(re.compile("^Bericht als het een bijeenkomst wordt")).fill("wens@example.nl")
    proposer.get_by_role("button", name="Voorstellen").click()
    expect(proposer.get_by_role("status")).to_have_text("Dank je wel! Je wens staat erbij.")
    check_a11y(proposer, "wishes")

    supporter = new_page(browser)
    supporter.goto(proposer.url.split("?")[0])
    supporter.get_by_role("button", name=re.compile("Ik ook: .*Ruzie tussen broers")).click()
    expect(supporter.get_by_role("status")).to_have_text("Dank je wel! Je steun is geteld.")
    supporter.get_by_role("button", name=re.compile("Ik ook: .*Ruzie tussen broers")).click()
    expect(supporter.get_by_role("status")).to_have_text("Je steunde deze wens al. Hij telt één keer.")
    expect(supporter.get_by_role("button", name=re.compile("Ik ook: .*Ruzie tussen broers"))).to_contain_text("(<5)")

    advisor = login(browser, server, "petra@koffiepot.test")
    advisor.goto(server + "/staff/wensen")
    expect(advisor.get_by_text("<5 steunen dit")).to_be_visible()
    check_a11y(advisor, "wish-desk")
    # The innermost list item with her words (the location's item holds the demo's other wishes too).
    advisor.get_by_role("listitem").filter(has_text="Ruzie tussen broers").last.get_by_role("link", name="Maak er een bijeenkomst van").click()
    expect(advisor.get_by_label("Titel")).to_have_value("Ruzie tussen broers en zussen")
    day = datetime.date.today() + datetime.timedelta(days=21)
    advisor.get_by_label("(Eerste) datum").fill(day.isoformat())
    advisor.get_by_label("Van", exact=True).fill("19:30")
    advisor.get_by_label("Tot", exact=True).fill("21:00")
    advisor.get_by_role("button", name="Opslaan").click()
    expect(advisor.get_by_role("heading", level=1)).to_contain_text("Ruzie tussen broers en zussen")

    _, body = mail.wait_for("wens@example.nl", "bijeenkomst")
    gathering = re.search(r"https?://\S+/gatherings/\S+", body).group(0)
    proposer.goto(gathering)
    expect(proposer.get_by_role("heading", level=1)).to_have_text("Ruzie tussen broers en zussen")


def test_wishes_and_walk_in_feedback_in_arabic(server, browser):
    page = new_page(browser, locale="ar")
    location = location_id(server, "Buurthuis De Koffiepot")
    page.goto(server + f"/locations/{location}/wensen?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    expect(page.get_by_role("heading", level=1)).to_have_text("عن ماذا تريد أن نتحدث؟")
    page.get_by_role("radio", name="النوم", exact=True).check()
    page.get_by_role("button", name="اقترح").click()
    expect(page.get_by_role("status")).to_have_text("شكراً! أمنيتك في القائمة.")
    check_a11y(page, "wishes-ar")

    # The coffee-table poster leads here: one tap, in the parent's language.
    page.goto(server + f"/koffie/{location}")
    page.get_by_role("button", name="جيد جداً").click()
    expect(page.get_by_role("status")).to_have_text("شكراً لك! هكذا نعرف ما يساعد الآباء.")
    check_a11y(page, "walk-in-feedback-ar")
