"""Journeys of issue 12: the coordinator keeps the who's-who around a school, a teacher reads it, and a parent
on her phone (Dutch and Arabic) finds the people who chose to be shown on the location page."""
from playwright.sync_api import expect

from conftest import check_a11y, new_page
from test_consultation_journeys import login


def test_coordinator_adds_a_professional_teacher_reads_parent_finds_her(server, browser):
    coordinator = login(browser, server, "coordinator@koffiepot.test")
    coordinator.get_by_role("link", name="Wie is wie rond de school").click()
    expect(coordinator.get_by_role("heading", name="Basisschool De Vlinder")).to_be_visible()
    coordinator.get_by_label("Naam van de organisatie").fill("Logopedie Strijp")
    coordinator.get_by_label("Soort").select_option(label="Anders")
    coordinator.get_by_role("button", name="Organisatie toevoegen").click()
    expect(coordinator.get_by_role("status")).to_have_text("De organisatie is toegevoegd.")

    form = coordinator.locator("form[action='/staff/netwerk/people']")
    form.get_by_label("School", exact=True).select_option(label="Basisschool De Vlinder")
    form.get_by_label("Organisatie", exact=True).select_option(label="Logopedie Strijp")
    form.get_by_label("Functie").fill("Logopedist")
    form.get_by_label("Naam", exact=True).fill("Sanne de Wit")
    form.get_by_label("Wat doet zij of hij voor ouders?").fill("Vragen over praten en taal, ook als je thuis een andere taal spreekt.")
    form.get_by_label("Wanneer is zij of hij er?").fill("Woensdagochtend")
    form.get_by_label("Ook tonen aan ouders", exact=False).check()
    check_a11y(coordinator, "network-coordinator")
    form.get_by_role("button", name="Iemand toevoegen").click()
    expect(coordinator.get_by_role("status")).to_have_text("Toegevoegd aan wie is wie.")

    teacher = login(browser, server, "leerkracht@koffiepot.test")
    teacher.get_by_role("link", name="Wie is wie rond de school").click()
    expect(teacher.get_by_role("heading", name="Sanne de Wit")).to_be_visible()
    expect(teacher.get_by_text("Denkt mee bij zorgen over een gezin; sluit aan bij het zorgoverleg.")).to_be_visible()
    check_a11y(teacher, "network-teacher")

    parent = new_page(browser)
    parent.goto(server + "/")
    parent.get_by_role("link", name="Basisschool De Vlinder").click()
    expect(parent.get_by_role("heading", name="Ook hier voor jou")).to_be_visible()
    expect(parent.get_by_role("heading", name="Sanne de Wit")).to_be_visible()
    # Staff only by default: the school social worker is not on the parents' page.
    expect(parent.get_by_text("Karim Bouzid")).to_have_count(0)
    check_a11y(parent, "network-location-nl")

    arabic = new_page(browser, locale="ar")
    arabic.goto(parent.url + "?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.get_by_role("heading", name="هنا أيضاً من أجلك")).to_be_visible()
    check_a11y(arabic, "network-location-ar")


def test_coordinator_plans_a_joint_training_and_a_teacher_signs_up(server, browser):
    import datetime as dt
    day = dt.date.today() + dt.timedelta(days=12)
    coordinator = login(browser, server, "coordinator@koffiepot.test")
    coordinator.get_by_role("link", name="Gezamenlijke scholing").click()
    # Who met whom at last month's meldcode training.
    expect(coordinator.get_by_role("heading", name="Wie ontmoette wie")).to_be_visible()
    coordinator.get_by_label("Titel", exact=True).fill("Signaleren in de groep")
    coordinator.get_by_label("Plaats", exact=True).fill("Bibliotheek Woensel")
    coordinator.get_by_label("Datum").fill(day.isoformat())
    coordinator.get_by_label("Van", exact=True).fill("13:30")
    coordinator.get_by_label("Tot", exact=True).fill("16:00")
    coordinator.get_by_label("Aantal plaatsen").fill("1")
    coordinator.get_by_label("GGD Brabant-Zuidoost").check()
    check_a11y(coordinator, "training-coordinator")
    coordinator.get_by_role("button", name="Scholing plannen").click()
    expect(coordinator.get_by_role("status")).to_have_text("De scholing staat gepland.")
    training = coordinator.url.split("?")[0]

    teacher = login(browser, server, "leerkracht@koffiepot.test")
    teacher.goto(training)
    teacher.get_by_role("button", name="Aanmelden").click()
    expect(teacher.get_by_role("status")).to_have_text("Je bent aangemeld.")
    check_a11y(teacher, "training-teacher")

    # One place: the next one goes on the waiting list.
    advisor = login(browser, server, "anja@koffiepot.test")
    advisor.goto(training)
    advisor.get_by_role("button", name="Aanmelden").click()
    expect(advisor.get_by_role("status")).to_contain_text("je staat op de wachtlijst")
