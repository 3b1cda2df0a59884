"""Journeys of issue 12, home themes (VVE Thuis): a parent on her phone does the group's theme at home in Dutch
and in Arabic and taps "we did this"; the home letter prints; an advisor copies the theme to a school and
adds a photo of a drawing."""
import datetime as dt
import io

from playwright.sync_api import expect

from conftest import ARTIFACTS, check_a11y, new_page
from test_consultation_journeys import login


def test_parent_does_the_theme_at_home_and_the_letter_prints(server, browser):
    parent = new_page(browser)
    parent.goto(server + "/")
    parent.get_by_role("link", name="Peuterspeelzaal Het Kwetternest").click()
    parent.get_by_role("link", name="Thuis met het thema van de groep").click()
    expect(parent.get_by_role("heading", name="Lente", exact=True)).to_be_visible()
    expect(parent.get_by_role("heading", name="Bloemen zoeken")).to_be_visible()
    check_a11y(parent, "theme-parent-nl")
    parent.get_by_role("button", name="Dit deden wij: Bloemen zoeken").click()
    expect(parent.get_by_role("status")).to_have_text("Fijn dat jullie het samen deden!")

    arabic = new_page(browser, locale="ar")
    arabic.goto(parent.url.split("?")[0] + "?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.get_by_role("cell", name="الزهرة")).to_be_visible()
    check_a11y(arabic, "theme-parent-ar")
    arabic.get_by_role("link", name="رسالة للبيت (للطباعة)").click()
    expect(arabic.get_by_role("heading", name="الموضوع: Lente")).to_be_visible()
    expect(arabic.get_by_role("heading", name="Thema: Lente")).to_be_visible()
    check_a11y(arabic, "theme-letter-ar")
    pdf = arabic.pdf(format="A4", print_background=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") <= 2


def test_advisor_copies_the_theme_and_adds_a_drawing(server, browser):
    from PIL import Image
    advisor = login(browser, server, "anja@koffiepot.test")
    advisor.get_by_role("link", name="Thema's voor thuis (VVE Thuis)").click()
    first = dt.date.today() + dt.timedelta(days=60)
    form = advisor.locator("form[action='/staff/thuis/copy']")
    form.get_by_label("Welk thema?", exact=False).select_option(index=0)
    form.get_by_label("Locatie", exact=True).select_option(label="SPIL-centrum De Boomgaard")
    form.get_by_label("Groep", exact=True).fill("Groep 1-2")
    form.get_by_label("Eerste dag").fill(first.isoformat())
    form.get_by_label("Laatste dag").fill((first + dt.timedelta(days=25)).isoformat())
    check_a11y(advisor, "theme-staff-list")
    form.get_by_role("button", name="Thema kopiëren").click()
    expect(advisor.get_by_role("status")).to_have_text("Het thema is gekopieerd.")

    drawing = ARTIFACTS / "tekening.png"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 90), (240, 200, 60)).save(drawing)
    section = advisor.locator("section").filter(has=advisor.get_by_role("heading", name="Bloemen zoeken"))
    section.get_by_label("Tekening of foto").set_input_files(str(drawing))
    section.get_by_role("button", name="Plaatje opslaan").click()
    expect(advisor.get_by_role("status")).to_have_text("Het plaatje is opgeslagen.")
    image = advisor.locator("section").filter(has=advisor.get_by_role("heading", name="Bloemen zoeken")).locator("img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 120
    check_a11y(advisor, "theme-staff-picture")


# A stand-in for the device's speech engine: it has a Dutch and an Arabic voice, records what it is asked to
# say, and finishes a sentence only when the test says so.
FAKE_SPEECH = """
(() => {
  const voices = [{ lang: "nl-NL", name: "Test Nederlands" }, { lang: "ar-SA", name: "Test العربية" }];
  window.__spoken = [];
  let current = null;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; this.onend = null; };
  const synth = {
    getVoices: () => voices,
    speak: (u) => { current = u; window.__spoken.push({ text: u.text, lang: u.lang }); },
    cancel: () => { current = null; },
    addEventListener: () => {},
    onvoiceschanged: null,
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth });
  window.__finish = () => { const u = current; if (u && u.onend) u.onend(); };
})();
"""


def test_read_aloud_reads_the_theme_sentence_by_sentence(server, browser):
    parent = new_page(browser)
    parent.add_init_script(FAKE_SPEECH)
    parent.goto(server + "/")
    parent.get_by_role("link", name="Peuterspeelzaal Het Kwetternest").click()
    parent.get_by_role("link", name="Thuis met het thema van de groep").click()
    button = parent.get_by_role("button", name="Lees voor")
    expect(button).to_be_visible()
    button.click()
    # In reading order: the location above the heading, the heading, then the intro sentence by sentence.
    assert parent.evaluate("window.__spoken[0].text") == "Peuterspeelzaal Het Kwetternest"
    assert parent.evaluate("CSS.highlights.has('read-aloud')")
    for _ in range(3):
        parent.evaluate("window.__finish()")
    spoken = parent.evaluate("window.__spoken.map(s => s.text)")
    assert spoken[1:4] == ["Thuis met het thema", "Waar werkt de groep van je kind nu aan?", "Doe het thuis mee, in je eigen taal."], spoken
    # Pause, then continue: the interrupted sentence is said again, from the keyboard.
    parent.get_by_role("button", name="Pauze").click()
    expect(parent.get_by_role("button", name="Verder")).to_be_visible()
    parent.get_by_role("button", name="Verder").focus()
    parent.keyboard.press("Enter")
    assert parent.evaluate("window.__spoken.at(-1).text") == "Doe het thuis mee, in je eigen taal."
    check_a11y(parent, "readaloud-nl")
    parent.keyboard.press("Escape")
    expect(parent.get_by_role("button", name="Lees voor")).to_be_visible()

    # Arabic page: the page's words with the Arabic voice, the advisor's Dutch text with the Dutch one.
    arabic = new_page(browser, locale="ar")
    arabic.add_init_script(FAKE_SPEECH)
    arabic.goto(parent.url.split("?")[0] + "?lang=ar")
    arabic.get_by_role("button", name="اقرأ بصوت عالٍ").click()
    for _ in range(6):
        arabic.evaluate("window.__finish()")
    langs = arabic.evaluate("window.__spoken.map(s => s.lang)")
    assert langs[0] == "ar-SA" and "nl-NL" in langs

    # A device without a voice for the language: the server's voice reads, and the page says so.
    silent = new_page(browser)
    silent.add_init_script("Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [], addEventListener: () => {}, cancel: () => {} } });")
    silent.goto(parent.url)
    expect(silent.locator("#read-aloud-voice")).to_contain_text("Computerstem van Koffiepot")
    with silent.expect_response(lambda r: r.url.endswith("/api/v1/speech")) as spoken:
        silent.get_by_role("button", name="Lees voor").click()
    assert spoken.value.status == 200 and spoken.value.headers["content-type"].startswith("audio/ogg")
