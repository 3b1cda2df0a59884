import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct InsightTests {
    private func feedback(
        _ app: Application, at location: UUID?, scores: [Int], week: String = "2026-11-16", text: String? = nil
    ) async throws {
        for score in scores {
            let row = Feedback()
            row.kind = .consultation
            row.locationID = location
            row.score = score
            row.text = text
            row.week = week
            try await row.create(on: app.db)
        }
    }

    private func cells(_ html: String) -> [String] {
        html.matches(of: /<td>([^<]*)<\/td>/).map { String($0.1) }
    }

    @Test func smallGroupsShowAsLessThanFiveEverywhere() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let other = try #require(try await Location.query(on: app.db).filter(\.$id != vlinder.id!).first())
            try await feedback(app, at: vlinder.id, scores: [5, 4, 4], text: "=HYPERLINK(\"http://evil\")")
            try await feedback(
                app, at: other.id, scores: [5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1], text: "=HYPERLINK(\"http://evil\")")
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")

            let small = try await coordinator.get("/staff/inzicht?location=\(vlinder.id!.uuidString)").text
            #expect(small.contains("<td>&lt;5</td>") && !small.contains("HYPERLINK"))
            #expect(small.contains("Teksten staan hier pas vanaf 5 reacties"))
            #expect(cells(small).allSatisfy { !["1", "2", "3", "4"].contains($0) }, "\(cells(small))")
            #expect(
                small.contains("<svg") && small.contains("<title id=\"chart-satisfaction-title\">Tevredenheid</title>"))

            let all = try await coordinator.get("/staff/inzicht").text
            #expect(all.contains("<td>15</td>") && all.contains("<td>3.9</td>"))  // 15 responses, mean 59/15
            #expect(cells(all).allSatisfy { !["1", "2", "3", "4"].contains($0) }, "\(cells(all))")

            let csv = try await coordinator.get("/staff/inzicht.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            let values = lines.dropFirst().compactMap {
                $0.split(separator: ",").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
            #expect(!values.contains { ["1", "2", "3", "4"].contains($0) }, "\(values)")
            #expect(csv.text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\"") && !csv.text.contains(",\"=HYPERLINK"))
        }
    }

    /// On the first start the demo municipality has a year of history: every section of the coordinator's
    /// dashboard shows figures above the small-cell threshold, and none below it leaks.
    @Test func theFirstStartShowsALivingDashboard() async throws {
        try await withTestApp { app, clock in
            let totals = try await DemoScale.firstStartHistory(today: LocalDate(containing: clock.now), on: app.db)
            #expect(totals.locations == (try await Location.query(on: app.db).count()))
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let page = try await coordinator.get("/staff/inzicht").text
            let sections = page.components(separatedBy: "<section class=\"insight\"").dropFirst()
            #expect(sections.count >= 5)
            for section in sections {
                let heading = section.firstMatch(of: /<h2[^>]*>([^<]*)</)?.1 ?? "?"
                let numbers = cells(String(section)).compactMap { Int($0) }
                #expect(numbers.contains { $0 >= SmallCells.threshold }, "\(heading): \(cells(String(section)))")
            }
            #expect(cells(page).allSatisfy { !["1", "2", "3", "4"].contains($0) })
            // The history ends before this month, so this month's own figures stand alone.
            let month = InsightFilter.month(LocalDate(containing: clock.now).startOfWeek)
            let thisMonth = try await coordinator.get("/staff/inzicht?from=\(month)&to=\(month)").text
            let satisfaction = try #require(
                thisMonth.components(separatedBy: "<section class=\"insight\"").first {
                    $0.contains(">Tevredenheid</h2>")
                })
            #expect(!cells(satisfaction).contains { (Int($0) ?? 0) >= 1 }, "\(cells(satisfaction))")
        }
    }

    /// The chart is drawn for a phone and mirrored in Arabic: bars start at the reading edge.
    @Test func chartsStartAtTheEdgeThePageReadsFrom() {
        let table = InsightTable(
            id: "t", title: "Tevredenheid", description: "d", columns: ["n"],
            rows: [
                .init(label: "Heel goed", cells: ["40"], chartValue: 40),
                .init(label: "Slecht", cells: ["<5"], chartValue: nil),
            ])
        let ltr = BarChart.svg(table), rtl = BarChart.svg(table, rightToLeft: true)
        #expect(ltr.contains(#"viewBox="0 0 360 "#) && ltr.contains(#"direction="ltr""#))
        #expect(ltr.contains(#"<rect x="0" y="22" width="304""#))
        #expect(rtl.contains(#"direction="rtl""#) && rtl.contains(#"<rect x="56" y="22" width="304""#))
        #expect(rtl.contains(#"<text x="358" y="16" class="chart-label">Heel goed</text>"#))
        #expect(!rtl.contains("<rect x=\"") || rtl.components(separatedBy: "<rect").count == 2, "no bar for <5")
    }

    @Test func advisorsSeeTheirOwnLocationsOnly() async throws {
        try await withTestApp { app, _ in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let other = try #require(try await Location.query(on: app.db).filter(\.$id != vlinder.id!).first())
            try await feedback(app, at: vlinder.id, scores: Array(repeating: 5, count: 6))
            try await feedback(app, at: other.id, scores: Array(repeating: 1, count: 20))
            let petra = TestBrowser(app)  // fixed advisor of De Vlinder
            try await petra.signIn("petra@koffiepot.test")
            let page = try await petra.get("/staff/inzicht").text
            #expect(page.contains("<td>5.0</td>") && !page.contains("<td>20</td>"))
            #expect(
                try await petra.get("/staff/inzicht?location=\(other.id!.uuidString)").text.contains("<td>5.0</td>")
                    == false)
        }
    }

    @Test func contactsHeldAndNoShowsBecomeReachAndTheRate() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "Basisschool De Vlinder")
            for index in 0..<12 {
                try await ContactFacts.record(
                    .init(
                        kind: .consultation, outcome: index < 9 ? .held : .noShow, at: clock.now,
                        locationID: location.id, language: index < 6 ? "nl" : "ar", channel: "parent"),
                    subject: "booking:\(index)", secret: "s", on: app.db)
            }
            // Marking the same booking again replaces its fact: nothing counts twice.
            try await ContactFacts.record(
                .init(kind: .consultation, outcome: .noShow, at: clock.now, locationID: location.id),
                subject: "booking:0", secret: "s", on: app.db)
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let page = try await coordinator.get("/staff/inzicht").text
            // Four no-shows are hidden, and so the eight held are too: the total of 12 would give them away.
            #expect(
                page.contains("<th scope=\"row\">Gehouden</th><td>&lt;5</td>")
                    && page.contains("<th scope=\"row\">Niet verschenen</th><td>&lt;5</td>"))
            #expect(page.contains("<th scope=\"row\">Totaal</th><td>12</td>"))
            #expect(page.contains("<th scope=\"row\">Percentage niet verschenen</th><td>–</td>"))
            #expect(try await ContactFact.query(on: app.db).count() == 12)
        }
    }

    @Test func theParentsOwnWordsOnlyForWishesWithFiveSupporters() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            for (text, supports) in [("=cmd|' /C calc'!A0", 6), ("Alleen voor ons drieën", 3)] {
                let wish = Wish()
                wish.$location.id = vlinder.id!
                wish.text = text
                wish.status = .open
                wish.supports = supports
                wish.week = LocalDate(containing: clock.now).startOfWeek.description
                try await wish.create(on: app.db)
            }
            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let page = try await coordinator.get("/staff/inzicht").text
            #expect(page.contains("=cmd|&#39; /C calc&#39;!A0") || page.contains("=cmd|' /C calc'!A0"))
            #expect(!page.contains("Alleen voor ons drie"))
            let csv = try await coordinator.get("/staff/inzicht.csv").text
            #expect(csv.contains("\"'=cmd|' /C calc'!A0\"") && !csv.contains(",\"=cmd"))
        }
    }

    /// Support that came through the teacher counts per location and month; the teacher herself never sees it.
    @Test func contactsThroughTheTeacherCountPerLocationAndMonth() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let (round, slots) = try await ConversationPagesTests.round(app, now: clock.now)
            // Six parents tick the box; two look-along requests.
            for slot in slots {
                _ = try await TestBrowser(app).post(
                    "/gesprekken/\(round.id!)", ConversationPagesTests.form(slot, ["support": "yes"]))
            }
            let tom = try await app.staff("leerkracht@koffiepot.test")
            for _ in 0..<2 {
                _ = try await LookAlongService(db: app.db, now: clock.now).create(
                    at: vlinder.id!, by: tom, LookAlongTests.valid)
            }
            #expect(try await TeacherReferral.query(on: app.db).count() == 8)
            // Withdrawn requests are erased; that they came through the teacher stays counted.
            try await SupportRequest.query(on: app.db).delete()

            let coordinator = TestBrowser(app)
            try await coordinator.signIn("coordinator@koffiepot.test")
            let page = try await coordinator.get("/staff/inzicht").text
            #expect(page.contains("Via de leerkracht, per plek"))
            #expect(page.contains("<th scope=\"row\">Basisschool De Vlinder</th><td>6</td><td>&lt;5</td>"))
            let month = InsightFilter.month(LocalDate(containing: clock.now))
            #expect(page.contains("<th scope=\"row\">\(month)</th><td>6</td><td>&lt;5</td>"))
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff/inzicht").status == .forbidden)
        }
    }
}
