"""Journeys of issue 3: book a spreekuur without an account (nl and ar), read the confirmation e-mail
from a real SMTP sink, cancel by link; a teacher books a three-way talk; the advisor sees both and
marks one held."""
import re

import requests
from playwright.sync_api import expect

from conftest import DESKTOP, check_a11y, new_page


def location_id(server, name):
    return next(l["id"] for l in requests.get(server + "/api/v1/locations", timeout=10).json() if l["name"] == name)


def open_first_slot(page, server, name, lang=None):
    page.goto(server + f"/locations/{location_id(server, name)}" + (f"?lang={lang}" if lang else ""))
    page.locator("ul.slots a").first.click()


def test_parent_books_reads_the_email_and_cancels(server, browser, mail):
    page = new_page(browser)
    open_first_slot(page, server, "SPIL-centrum De Boomgaard")
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak maken")
    expect(page.get_by_text("Het komt in geen enkel dossier.")).to_be_visible()
    check_a11y(page, "book-nl-form")
    page.get_by_label("Voornaam of een schuilnaam").fill("Fatima")
    page.get_by_label("Slapen").check()
    page.get_by_label("Wil je er iets over vertellen? (mag je overslaan)").fill("Hij slaapt slecht sinds de verhuizing")
    page.get_by_label("E-mail of mobiel nummer (mag je overslaan)").fill("fatima@example.nl")
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_role("status")).to_have_text("Gelukt! Je afspraak staat.")
    code = page.locator(".code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    check_a11y(page, "book-nl-confirmation")

    message, body = mail.wait_for("fatima@example.nl", "Je afspraak")
    assert "slaapt slecht" not in body, "messages carry a link, never the free text"
    link = re.search(r"https?://\S+/b/\S+", body).group(0)
    assert message["subject"].startswith("Je afspraak: ")

    other = new_page(browser)
    other.goto(link)
    expect(other.locator(".code")).to_have_text(code)
    other.get_by_role("button", name="Afspraak afzeggen").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Je afspraak is afgezegd")
    check_a11y(other, "book-nl-cancelled")
    assert other.goto(link).status == 404

    # The typed code no longer opens anything either — and answers like any wrong code.
    page.goto(server + "/mijn-afspraak")
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Afspraak zoeken").click()
    expect(page.get_by_text("Bij deze code vinden we geen afspraak.")).to_be_visible()
    check_a11y(page, "lookup-not-found")


def test_parent_books_in_arabic(server, browser, mail):
    page = new_page(browser, locale="ar")
    open_first_slot(page, server, "Basisschool De Vlinder", lang="ar")
    assert page.get_attribute("html", "dir") == "rtl"
    expect(page.get_by_role("heading", level=1)).to_have_text("احجز موعدًا")
    page.get_by_label("الاسم الأول أو اسم مستعار").fill("مريم")
    page.get_by_label("المدرسة").check()
    page.get_by_label("بأي لغة تريد التحدث؟").select_option("ar")
    page.get_by_label("أرغب في وجود مترجم").check()
    page.get_by_label("البريد الإلكتروني أو رقم الجوال (يمكنك التخطي)").fill("maryam@example.nl")
    check_a11y(page, "book-ar-form")
    page.get_by_role("button", name="احجز الموعد").click()
    expect(page.get_by_role("status")).to_have_text("تم! موعدك محجوز.")
    check_a11y(page, "book-ar-confirmation")
    message, body = mail.wait_for("maryam@example.nl", "موعدك")
    assert "/b/" in body


def test_teacher_books_a_three_way_talk_and_the_advisor_marks_it_held(server, browser):
    page = new_page(browser)
    open_first_slot(page, server, "Basisschool De Vlinder")
    page.get_by_label("Leerkracht").first.check()
    page.get_by_label("Voornaam of een schuilnaam").fill("Meester Jan")
    page.get_by_label("Ouder, leerkracht en adviseur samen").check()
    page.get_by_label("Naam van de leerkracht (mag je overslaan)").fill("Jan de Boer")
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_role("status")).to_have_text("Gelukt! Je afspraak staat.")

    advisor = new_page(browser, viewport=DESKTOP)
    advisor.goto(server + "/login")
    advisor.get_by_label("E-mailadres").fill("petra@koffiepot.test")
    advisor.get_by_label("Wachtwoord").fill("koffiepot-demo")
    advisor.get_by_role("button", name="Inloggen").click()
    advisor.get_by_role("link", name="Mijn agenda").click()
    for _ in range(4):
        if advisor.get_by_text("Meester Jan").count():
            break
        advisor.get_by_role("link", name="Volgende week →").click()
    expect(advisor.get_by_text("Meester Jan (Leerkracht)")).to_be_visible()
    expect(advisor.get_by_text("مريم")).to_be_visible()
    expect(advisor.get_by_text("Jan de Boer")).to_be_visible()
    check_a11y(advisor, "advisor-agenda")
    card = advisor.locator("article.booking", has_text="Meester Jan")
    card.get_by_role("button", name=re.compile("^Gesprek gehouden")).click()
    expect(advisor.get_by_role("status")).to_have_text("Opgeslagen.")
    expect(advisor.locator("article.booking", has_text="Meester Jan").locator(".status")).to_have_text("Status: Gehouden")
    check_a11y(advisor, "advisor-agenda-held")


def test_booking_api_and_oversized_bodies(server):
    location = location_id(server, "Consultatiebureau Strijp")
    slots = requests.get(server + f"/api/v1/locations/{location}/slots", timeout=10).json()
    assert slots and {"id", "start", "end", "mode"} <= set(slots[0])
    assert re.search(r"[+-]\d\d:\d\d$", slots[0]["start"])
    body = {"slotId": slots[0]["id"], "name": "Sam"}
    headers = {"Idempotency-Key": "e2e-idempotency-key-1"}
    first = requests.post(server + "/api/v1/bookings", json=body, headers=headers, timeout=10)
    again = requests.post(server + "/api/v1/bookings", json=body, headers=headers, timeout=10)
    assert first.status_code == 201 and again.status_code == 201
    assert first.json()["code"] == again.json()["code"]
    taken = requests.post(server + "/api/v1/bookings", json={"slotId": slots[0]["id"], "name": "Kim"}, timeout=10)
    assert taken.status_code == 409 and taken.headers["content-type"].startswith("application/problem+json")
    code = first.json()["code"]
    assert requests.get(server + f"/api/v1/bookings/{code}", timeout=10).json()["name"] == "Sam"
    assert requests.delete(server + f"/api/v1/bookings/{code}", timeout=10).status_code == 204
    assert requests.get(server + f"/api/v1/bookings/{code}", timeout=10).status_code == 404
    huge = requests.post(server + "/book", data={"name": "x" * 400_000}, timeout=10)
    assert huge.status_code == 413


def test_waitlisted_parent_is_promoted_and_gets_the_email(server, browser, mail):
    """Issue 4: a parent registers for a full course, is waitlisted; another cancels; the first is promoted."""
    gathering = next(g for g in requests.get(server + "/api/v1/gatherings", timeout=10).json() if g["title"] == "Peuter in Zicht")
    taken = []
    for i in range(gathering["placesLeft"]):
        r = requests.post(server + f"/api/v1/gatherings/{gathering['id']}/registrations", json={"name": f"Ouder {i}"}, timeout=10)
        assert r.status_code == 201 and r.json()["status"] == "confirmed"
        taken.append(r.json()["code"])

    page = new_page(browser)
    page.goto(server + f"/gatherings/{gathering['id']}")
    expect(page.get_by_text("Vol: je komt op de wachtlijst").first).to_be_visible()
    check_a11y(page, "gathering-full")
    page.get_by_label("Voornaam of een schuilnaam").fill("Noor")
    page.get_by_label("E-mail of mobiel nummer (mag je overslaan)").fill("noor@example.nl")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_have_text("Je staat op de wachtlijst.")
    expect(page.locator(".status")).to_contain_text("plaats 1")
    check_a11y(page, "gathering-waitlisted")
    mail.wait_for("noor@example.nl", "Wachtlijst")

    assert requests.delete(server + f"/api/v1/registrations/{taken[0]}", timeout=10).status_code == 204
    message, body = mail.wait_for("noor@example.nl", "Er is een plek voor je")
    page.reload()
    expect(page.locator(".status")).to_contain_text("Je hebt een plek")


def test_invitation_card_prints_with_a_qr_code_that_works(server, browser):
    """Issue 4: an advisor makes a personal invitation, prints the card (print CSS), the QR link works."""
    import subprocess
    from conftest import ARTIFACTS
    page = new_page(browser, viewport=DESKTOP)
    page.goto(server + "/login")
    page.get_by_label("E-mailadres").fill("petra@koffiepot.test")
    page.get_by_label("Wachtwoord").fill("koffiepot-demo")
    page.get_by_role("button", name="Inloggen").click()
    row = page.locator("li", has=page.get_by_role("link", name="Basisschool De Vlinder"))
    row.get_by_role("link", name="Bijeenkomsten").click()
    page.get_by_role("link", name="Omgaan met pubers").click()
    page.get_by_role("link", name="Persoonlijke uitnodigingen").click()
    page.get_by_label("Voor wie? (mag je overslaan)").fill("vader van Sem")
    page.get_by_role("button", name="Uitnodiging maken").click()
    check_a11y(page, "invitations")
    page.get_by_role("link", name="Kaartje printen").click()
    check_a11y(page, "invitation-card")
    page.emulate_media(media="print")
    expect(page.locator("header")).to_be_hidden()
    card = ARTIFACTS / "invitation-card-print.png"
    page.locator(".invitecard").screenshot(path=str(card))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(card)], capture_output=True, text=True, check=True).stdout.strip()
    assert re.fullmatch(re.escape(server) + r"/i/[0-9a-z]{10}", decoded)

    parent = new_page(browser)
    parent.goto(decoded)
    expect(parent.get_by_role("heading", level=1)).to_have_text("Omgaan met pubers")
    parent.get_by_label("Voornaam of een schuilnaam").fill("Sem's vader")
    parent.get_by_role("button", name="Aanmelden").click()
    expect(parent.get_by_role("status")).to_have_text("Gelukt! Je bent aangemeld.")
    page.emulate_media(media="screen")
    page.go_back()
    page.reload()
    expect(page.get_by_text("1 aanmeldingen")).to_be_visible()


def login(browser, server, email, viewport=DESKTOP):
    page = new_page(browser, viewport=viewport)
    page.goto(server + "/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill("koffiepot-demo")
    page.get_by_role("button", name="Inloggen").click()
    return page


def test_ambassador_hosts_an_opvoedparty_and_an_advisor_joins(server, browser):
    import datetime as dt
    host = login(browser, server, "ambassadeur@koffiepot.test")
    host.get_by_role("link", name="Bijeenkomsten die ik organiseer").click()
    host.get_by_label("Waar?").select_option(label="SPIL-centrum De Boomgaard")
    host.get_by_label("Titel").fill("Opvoedparty bij Hatice")
    host.get_by_label("Datum").fill((dt.date.today() + dt.timedelta(days=10)).isoformat())
    host.get_by_label("Van", exact=True).fill("14:00")
    host.get_by_label("Tot", exact=True).fill("16:00")
    host.get_by_label("Talen die gesproken worden").fill("nl, tr")
    host.get_by_label("We willen graag dat er een professional bij komt").check()
    host.get_by_role("button", name="Opslaan").click()
    expect(host.get_by_role("status")).to_have_text("Opgeslagen.")
    expect(host.get_by_text("professional gevraagd")).to_be_visible()
    check_a11y(host, "ambassador-gatherings")

    advisor = login(browser, server, "anja@koffiepot.test")
    advisor.get_by_role("link", name="Vragen van ouders om erbij te komen").click()
    check_a11y(advisor, "advisor-requests")
    advisor.get_by_role("button", name="Ik kom: Opvoedparty bij Hatice").click()
    expect(advisor.get_by_text("Anja de Vries komt erbij")).to_be_visible()
    host.reload()
    expect(host.get_by_text("Anja de Vries komt erbij")).to_be_visible()


def test_advisor_tallies_a_coffee_morning(server, browser):
    advisor = login(browser, server, "samira@koffiepot.test")
    row = advisor.locator("li", has=advisor.get_by_role("link", name="Basisschool De Regenboog"))
    row.get_by_role("link", name="Bijeenkomsten").click()
    advisor.get_by_role("link", name="Koffie-inloop in de ouderkamer").click()
    first = advisor.locator("form.tally").first
    first.get_by_label("Volwassenen").fill("9")
    first.get_by_label("Kinderen").fill("4")
    first.get_by_label("Talen gehoord (codes)").fill("nl, ar, tr")
    first.get_by_role("button", name="Opslaan").click()
    expect(advisor.get_by_role("status")).to_have_text("Opgeslagen.")
    expect(advisor.locator("form.tally").first.get_by_label("Volwassenen")).to_have_value("9")
    check_a11y(advisor, "advisor-tally")


def test_parent_asks_an_advisor_answers_the_parent_reads_rates_and_the_library_finds_it(server, browser):
    """Issue 5: ask anonymously on a phone (with consent), the advisor answers at the desk, the parent reads it
    with the code and rates it with one tap; after anonymising, a library search and the suggestions find it."""
    parent = new_page(browser)
    parent.goto(server + "/vraag")
    check_a11y(parent, "question-nl-form")
    expect(parent.get_by_text("Je krijgt binnen 2 werkdagen antwoord.")).to_be_visible()
    parent.get_by_label("Je vraag").fill("Mijn zoon Bram van 5 verveelt zich steeds op zondag. Is dat erg?")
    parent.get_by_label("Spelen", exact=True).check()
    parent.get_by_label(re.compile("Mijn vraag mag zonder namen")).check()
    parent.get_by_role("button", name="Vraag versturen").click()
    expect(parent.get_by_role("status")).to_contain_text("Je vraag is verstuurd.")
    expect(parent.get_by_text(re.compile("Je krijgt uiterlijk .* antwoord."))).to_be_visible()
    code = parent.locator(".code").inner_text()
    check_a11y(parent, "question-nl-asked")

    advisor = login(browser, server, "mehmet@koffiepot.test")
    advisor.get_by_role("link", name="Vragen van ouders", exact=True).click()
    advisor.get_by_label("Onderwerp", exact=True).select_option("play")
    advisor.get_by_role("button", name="Toon").click()
    advisor.get_by_role("link", name=re.compile("verveelt zich")).click()
    check_a11y(advisor, "desk-answer")
    advisor.get_by_label("Je antwoord").fill("Verveling is gezond:\n- het maakt kinderen **creatief**\n- laat hem zelf iets bedenken")
    advisor.get_by_role("button", name="Antwoord versturen").click()
    expect(advisor.get_by_role("status")).to_have_text("Je antwoord is verstuurd.")

    reader = new_page(browser)
    reader.goto(server + "/mijn-afspraak")
    reader.get_by_label("Code").fill(code)
    reader.get_by_role("button", name="Afspraak zoeken").click()
    expect(reader.locator("strong", has_text="creatief")).to_be_visible()
    check_a11y(reader, "question-nl-answered")
    reader.get_by_role("button", name="Heel goed").click()
    expect(reader.get_by_role("status")).to_have_text("Dank je wel! Zo weten we wat ouders helpt.")

    advisor.get_by_role("link", name=re.compile("verveelt zich")).click()
    expect(advisor.locator("mark", has_text="Bram")).to_be_visible()
    check_a11y(advisor, "desk-publish")
    advisor.get_by_label("Vraag (zoals die in de vragenbank komt)").fill("Mijn zoon van 5 verveelt zich steeds in het weekend. Is dat erg?")
    advisor.get_by_label(re.compile("Ik heb alles weggehaald")).check()
    advisor.get_by_role("button", name="Publiceer in de vragenbank").click()
    expect(advisor.get_by_role("status")).to_have_text("Gepubliceerd in de vragenbank.")

    visitor = new_page(browser)
    visitor.goto(server + "/vragenbank")
    visitor.get_by_label("Zoek in de vragenbank").fill("verveelt weekend")
    visitor.get_by_role("button", name="Zoeken").click()
    expect(visitor.get_by_role("heading", name="Mijn zoon van 5 verveelt zich steeds in het weekend. Is dat erg?")).to_be_visible()
    expect(visitor.get_by_text("Bram")).to_have_count(0)
    check_a11y(visitor, "library-search")
    visitor.goto(server + "/vraag")
    visitor.get_by_label("Je vraag").press_sequentially("Mijn kind verveelt zich", delay=20)
    expect(visitor.locator("#suggestions").get_by_role("link", name=re.compile("in het weekend"))).to_be_visible()
    check_a11y(visitor, "question-suggestions")


def test_question_in_arabic(server, browser):
    page = new_page(browser, locale="ar")
    page.goto(server + "/vraag?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    page.get_by_label("سؤالك").fill("ابني لا يأكل الخضار. ماذا أفعل؟")
    page.get_by_label("بأي لغة تريد الإجابة؟").select_option("ar")
    page.get_by_role("button", name="أرسل السؤال").click()
    expect(page.get_by_role("status")).to_contain_text("تم إرسال سؤالك")
    check_a11y(page, "question-ar-asked")
