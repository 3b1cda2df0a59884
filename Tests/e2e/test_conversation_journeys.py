"""Journeys of issue 11: a teacher plans her 10-minute conversations in the browser, parents book on their
phones in Dutch and Arabic (one ticks "talk to parenting support"), the teacher sees names only, and the
school's advisor answers the request, which the parent reads under her code."""
import datetime as dt
import re

from playwright.sync_api import expect

from conftest import check_a11y, new_page
from test_consultation_journeys import login


def test_teacher_plans_parents_book_and_the_advisor_answers(server, browser, mail):
    day = dt.date.today() + dt.timedelta(days=10)
    teacher = login(browser, server, "leerkracht@koffiepot.test")
    teacher.get_by_role("link", name="10-minutengesprekken").click()
    teacher.get_by_label("School").select_option(label="Basisschool De Vlinder")
    teacher.get_by_label("Titel").fill("Rapportgesprekken")
    teacher.get_by_label("Groep").fill("5B")
    teacher.locator("#f-date1").fill(day.isoformat())
    teacher.locator("#f-from1").fill("15:00")
    teacher.locator("#f-to1").fill("16:00")
    check_a11y(teacher, "round-teacher-plan")
    teacher.get_by_role("button", name="Ronde plannen").click()
    expect(teacher.get_by_role("status")).to_have_text("De ronde staat klaar. Deel de link met de ouders.")
    expect(teacher.get_by_text("0 van 6 tijden gekozen")).to_be_visible()
    link = teacher.locator(".share-link a").inner_text()
    assert re.fullmatch(r"https?://127\.0\.0\.1:\d+/gesprekken/[0-9A-F-]{36}", link)

    # A mother on her phone in Dutch ticks the box for parenting support.
    parent = new_page(browser)
    parent.goto(link)
    expect(parent.get_by_role("heading", level=1)).to_have_text("Rapportgesprekken")
    expect(parent.get_by_text("De leerkracht ziet niet of je het aanvinkte.")).to_be_visible()
    parent.locator("input[name=slot]").first.check()
    parent.get_by_label("Je naam").fill("Fatima")
    parent.get_by_label("Naam van je kind").fill("Yusuf")
    parent.get_by_label("E-mail of mobiel nummer (mag je overslaan)").fill("fatima.gesprek@example.nl")
    parent.get_by_label("Ik wil graag praten met iemand van opvoedondersteuning").check()
    parent.get_by_label("Slapen").check()
    parent.get_by_label("Waarover wil je praten? (mag je overslaan)").fill("Hij slaapt slecht sinds de verhuizing")
    check_a11y(parent, "round-parent-nl-form")
    parent.get_by_role("button", name="Deze tijd kiezen").click()
    expect(parent.get_by_role("status")).to_have_text("Je gesprek staat vast.")
    expect(parent.get_by_text("Fatima, over Yusuf")).to_be_visible()
    check_a11y(parent, "round-parent-nl-mine")
    message, body = mail.wait_for("fatima.gesprek@example.nl", "Gesprek op school")
    assert "15:00" in body and "Yusuf" not in body and "slaapt" not in body
    mine = re.search(r"https?://\S+/g/\S+", body).group(0)

    # A father in Arabic, right to left, without the box.
    father = new_page(browser, locale="ar")
    father.goto(link + "?lang=ar")
    expect(father.locator("html")).to_have_attribute("dir", "rtl")
    father.locator("input[name=slot]").first.check()
    father.locator("#f-parentName").fill("Ahmed")
    father.locator("#f-childName").fill("Lina")
    check_a11y(father, "round-parent-ar-form")
    father.get_by_role("button", name="اختيار هذا الوقت").click()
    expect(father.locator(".code")).to_be_visible()
    check_a11y(father, "round-parent-ar-mine")

    # The teacher: who comes when, names only; nothing of the request.
    teacher.reload()
    expect(teacher.get_by_text("2 van 6 tijden gekozen")).to_be_visible()
    expect(teacher.get_by_role("cell", name="Fatima")).to_be_visible()
    expect(teacher.get_by_role("cell", name="Lina")).to_be_visible()
    assert "verhuizing" not in teacher.content() and "opvoedondersteuning" not in teacher.content()
    check_a11y(teacher, "round-teacher-overview")

    # The advisor of the school reads the request and answers, offering her consultation times.
    advisor = login(browser, server, "petra@koffiepot.test")
    advisor.get_by_role("link", name="Vragen aan opvoedondersteuning").click()
    expect(advisor.get_by_text("Hij slaapt slecht sinds de verhuizing")).to_be_visible()
    assert "Yusuf" not in advisor.content()
    check_a11y(advisor, "support-desk")
    advisor.get_by_role("link", name="Beantwoorden").first.click()
    advisor.get_by_label("Je bericht aan de ouder").fill("Fijn dat je het laat weten. Kies een tijd, dan praten we over slapen.")
    advisor.get_by_label("Mijn spreekuurtijden aanbieden", exact=False).check()
    advisor.get_by_role("button", name="Versturen en afhandelen").click()
    expect(advisor.get_by_role("status")).to_contain_text("Verstuurd.")

    parent.goto(mine)
    expect(parent.get_by_text("dan praten we over slapen")).to_be_visible()
    expect(parent.get_by_text("Kies een tijd voor een gesprek met de opvoedadviseur:")).to_be_visible()
    check_a11y(parent, "round-parent-answer")


def test_teacher_prints_the_card_and_shows_it_on_her_phone(server, browser):
    from conftest import DESKTOP  # noqa: F401  (the staff page is read at a desk)
    teacher = login(browser, server, "leerkracht@koffiepot.test")
    teacher.get_by_role("link", name="Kaartje voor ouders").first.click()
    sheet_url = teacher.url.split("?")[0] + "?lang=nl&second=ar"
    teacher.goto(sheet_url)
    expect(teacher.locator(".teachercard")).to_have_count(4)
    check_a11y(teacher, "teacher-card-sheet")
    # Four A6 cards fit one A4 sheet.
    pdf = teacher.pdf(format="A4", print_background=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1

    phone = new_page(browser)
    phone.goto(sheet_url.replace("/card?", "/card/phone?"))
    expect(phone.locator(".cardcolumn[lang=ar]")).to_contain_text("دعم التربية في المدرسة")
    check_a11y(phone, "teacher-card-phone")


def test_teacher_asks_to_look_along_and_the_advisor_plans(server, browser):
    day = dt.date.today() + dt.timedelta(days=9)
    teacher = login(browser, server, "leerkracht@koffiepot.test")
    teacher.get_by_role("link", name="Meekijken in de klas").click()
    teacher.get_by_label("School").select_option(label="Basisschool De Vlinder")
    teacher.get_by_label("Groep").fill("6A")
    teacher.get_by_label("Wat zie je in de klas?").fill("In de pauze staat Noah steeds alleen bij het hek.")
    teacher.get_by_label("Wat is je vraag?").fill("Hoe help ik hem meedoen?")
    teacher.get_by_role("button", name="Verzoek versturen").click()
    # Without the parent's consent the form first shows what looks like a name.
    expect(teacher.locator("mark", has_text="Noah")).to_be_visible()
    check_a11y(teacher, "lookalong-teacher-warning")
    teacher.get_by_label("Wat zie je in de klas?").fill("In de pauze staat een jongen steeds alleen bij het hek.")
    teacher.get_by_role("button", name="Toch versturen").click()
    expect(teacher.get_by_role("status")).to_have_text("Je verzoek staat bij de opvoedadviseur.")

    advisor = login(browser, server, "petra@koffiepot.test")
    advisor.get_by_role("link", name="Meekijken in de klas").click()
    advisor.get_by_role("link", name="Basisschool De Vlinder · Groep 6A").click()
    expect(advisor.get_by_text("In de pauze staat een jongen steeds alleen bij het hek.")).to_be_visible()
    advisor.get_by_label("Datum").fill(day.isoformat())
    advisor.get_by_label("Tijd").fill("10:15")
    advisor.get_by_label("Toelichting voor de leerkracht (mag je overslaan)").fill("Ik kijk mee in de pauze.")
    advisor.get_by_role("button", name="Moment voorstellen").click()
    expect(advisor.get_by_role("status")).to_contain_text("Het voorstel staat.")
    check_a11y(advisor, "lookalong-advisor-planned")

    teacher.goto(server + "/staff/meekijken")
    expect(teacher.locator("li", has_text="Basisschool De Vlinder · Groep 6A")).to_contain_text(re.compile(r"Ingepland: .* 10:15"))
    check_a11y(teacher, "lookalong-teacher-list")
