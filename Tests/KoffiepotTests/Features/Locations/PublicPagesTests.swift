import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct PublicPagesTests {
    @Test func parentFindsSchoolByNameOrNeighbourhood() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            let byName = try await browser.get("/?q=regenboog")
            #expect(byName.status == .ok)
            #expect(byName.text.contains("Basisschool De Regenboog"))
            #expect(!byName.text.contains("Basisschool De Vlinder"))
            let byArea = try await browser.get("/?q=strijp")
            #expect(byArea.text.contains("Basisschool De Vlinder"))
            #expect(!byArea.text.contains("De Regenboog"))
            let nothing = try await browser.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(nothing.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!nothing.text.contains("<script>"))
        }
    }

    /// On a Tuesday at 10:00 the morning walk-in (08:15–09:30) is over: today is named and that hour is greyed;
    /// on the Saturday "this week" no longer lists Tuesday and Thursday as if they were to come.
    @Test func thisWeekStartsToday() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let tuesday = try await TestBrowser(app).get("/locations/\(school.id!)").text
            #expect(tuesday.contains("Vandaag, "))
            let today = try #require(tuesday.range(of: "Vandaag, ")).upperBound
            let todaysPart = String(tuesday[today...].prefix(600))
            #expect(todaysPart.contains("08:15–09:30") && todaysPart.contains("(voorbij)"))
            #expect(tuesday.contains("moment regular past"))
        }
        let saturday = LocalDate(year: 2026, month: 11, day: 28).instant(minute: 12 * 60)!
        try await withTestApp(now: saturday) { app, _ in
            let school = try await app.location(named: "Basisschool De Vlinder")
            let page = try await TestBrowser(app).get("/locations/\(school.id!)").text
            #expect(page.contains("De rest van deze week is er niemand aanwezig."))
            #expect(!page.contains("24 november") && !page.contains("26 november"))
            #expect(page.contains("1 december") && !page.contains("(voorbij)"))
            let embed = try await TestBrowser(app).get("/embed/locations/\(school.id!)").text
            #expect(!embed.contains("24 november") && embed.contains("1 december"))
        }
    }

    @Test func locationPageShowsAdvisorAndThisAndNextWeek() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            let page = try await TestBrowser(app).get("/locations/\(location.id!)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Anja de Vries"))
            #expect(page.text.contains("Ik ben Anja"))
            // Tuesday 24 Nov (this week) and Tuesday 1 Dec (next week), 08:30 walk-in.
            #expect(page.text.contains("dinsdag 24 november"))
            #expect(page.text.contains("dinsdag 1 december"))
            #expect(page.text.contains("datetime=\"2026-11-24T08:30:00+01:00\""))
            #expect(page.text.contains("Binnenlopen, geen afspraak nodig"))
        }
    }

    @Test func arabicPageIsRightToLeftAndTranslated() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Regenboog")
            let browser = TestBrowser(app)
            let page = try await browser.get("/locations/\(location.id!)?lang=ar")
            #expect(page.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(page.text.contains("هذا الأسبوع"))
            // The choice is remembered for the next page.
            let home = try await browser.get("/")
            #expect(home.text.contains("lang=\"ar\""))
        }
    }

    /// Turkish, Polish and Ukrainian parents get the pages, dates and forms in their language too.
    @Test func turkishPolishAndUkrainianPages() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Regenboog")
            for (language, thisWeek, ask) in [
                ("tr", "Bu hafta", "Sorunuzu sorun"), ("pl", "Ten tydzień", "Zadaj pytanie"),
                ("uk", "Цей тиждень", "Поставте своє запитання"),
            ] {
                let browser = TestBrowser(app)
                let page = try await browser.get("/locations/\(location.id!)?lang=\(language)")
                #expect(page.text.contains("<html lang=\"\(language)\" dir=\"ltr\">") && page.text.contains(thisWeek))
                #expect(try await browser.get("/vraag").text.contains(ask))
            }
            let browser = TestBrowser(app)
            browser.headers.replaceOrAdd(name: .acceptLanguage, value: "uk-UA, ru;q=0.8")
            #expect(try await browser.get("/").text.contains("Хто, де і коли?"))
        }
    }

    @Test func acceptLanguageIsHonouredWithoutCookie() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            browser.headers.replaceOrAdd(name: .acceptLanguage, value: "de-DE, en;q=0.8, nl;q=0.5")
            let page = try await browser.get("/")
            #expect(page.text.contains("Who is where, and when?"))
        }
    }

    @Test func unknownLocationIsA404PageInTheVisitorsLanguage() async throws {
        try await withTestApp(demo: false) { app, _ in
            let browser = TestBrowser(app)
            let missing = try await browser.get("/locations/\(UUID())?lang=en")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("This page does not exist"))
            let garbage = try await browser.get("/locations/not-an-id?lang=nl")
            #expect(garbage.status == .notFound)
            #expect(garbage.text.contains("Deze pagina bestaat niet"))
        }
    }

    @Test func pagesLoadNothingFromOtherOrigins() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let page = try await TestBrowser(app).get("/locations/\(location.id!)")
            #expect(page.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(!page.text.contains("http://") && !page.text.contains("https://"))
        }
    }

    @Test func embedWidgetMayBeFramedAndIsMinimal() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let widget = try await TestBrowser(app).get("/embed/locations/\(location.id!)")
            #expect(widget.status == .ok)
            #expect(widget.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors *") == true)
            #expect(widget.headers.first(name: "X-Frame-Options") == nil)
            #expect(!widget.text.contains("<header>"))
            #expect(!widget.text.contains("<form"))
            #expect(widget.text.contains("Petra Jansen"))
        }
    }

    @Test func calendarFeedsForLocationAndAdvisor() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let feed = try await TestBrowser(app).get("/locations/\(location.id!)/calendar.ics")
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            #expect(feed.text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            // Tuesday 1 December 2026 08:15 local = 07:15 UTC.
            #expect(feed.text.contains("DTSTART:20261201T071500Z"))
            let petra = try await app.staff("petra@koffiepot.test")
            let personal = try await TestBrowser(app).get("/advisors/\(petra.id!)/calendar.ics")
            #expect(personal.text.contains("Basisschool De Vlinder"))
            let admin = try await app.staff("admin@koffiepot.test")
            #expect(try await TestBrowser(app).get("/advisors/\(admin.id!)/calendar.ics").status == .notFound)
        }
    }
}
