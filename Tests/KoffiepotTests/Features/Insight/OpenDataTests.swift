import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The open-data export: aggregates per CBS wijkcode and month, nothing below five, for coordinators and
/// admins — or for anyone when the installation says so.
@Suite struct OpenDataTests {
    struct Export: Decodable {
        struct Field: Decodable { let name: String }
        struct Row: Decodable {
            let wijkcode: String, month: String
            let consultationsHeld: Int?, ratings: Int?, satisfactionMean: Double?
        }
        let year: Int, threshold: Int, dictionary: [Field], rows: [Row]
    }

    private func rate(_ app: Application, _ location: Location, _ scores: [Int], week: String) async throws {
        for score in scores {
            let row = Feedback()
            row.kind = .walkIn
            row.locationID = location.id
            row.score = score
            row.week = week
            try await row.create(on: app.db)
        }
    }

    @Test func aggregatesPerWijkcodeAndMonthWithNothingBelowFive() async throws {
        try await withTestApp { app, clock in
            let vlinder = try await app.location(named: "Basisschool De Vlinder")  // Strijp
            let regenboog = try await app.location(named: "Basisschool De Regenboog")  // Woensel-Noord
            try await rate(app, vlinder, [5, 4, 4, 5, 3, 4], week: "2026-03-09")
            try await rate(app, regenboog, [5, 5], week: "2026-03-09")
            try await rate(app, regenboog, [1], week: "2025-12-29")  // a Monday in 2025: not in 2026
            let token = try await ConversationAPITests.token(app, "coordinator@koffiepot.test", now: clock.now)
            let answer = try await ConversationAPITests.send(
                app, .GET, "/api/v1/insight/open-data?year=2026", token: token)
            #expect(answer.status == .ok)
            let export = try ConversationAPITests.decode(Export.self, answer)
            #expect(export.year == 2026 && export.threshold == 5)
            #expect(export.dictionary.map(\.name).contains("satisfactionMean"))
            let strijp = try #require(export.rows.first { $0.wijkcode == vlinder.wijkcode && $0.month == "2026-03" })
            #expect(strijp.ratings == 6 && strijp.satisfactionMean == 4.2)
            let noord = try #require(export.rows.first { $0.wijkcode == regenboog.wijkcode && $0.month == "2026-03" })
            #expect(noord.ratings == nil && noord.satisfactionMean == nil, "two ratings are a small cell")
            #expect(!export.rows.contains { $0.month == "2025-12" })

            let csv = try await ConversationAPITests.send(
                app, .GET, "/api/v1/insight/open-data?year=2026&format=csv", token: token)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(
                lines.first
                    == "wijkcode,month,consultationsHeld,gatheringVisits,questionsAnswered,ratings,satisfactionMean")
            #expect(lines.contains("\(vlinder.wijkcode!),2026-03,0,0,0,6,4.2"))
            #expect(lines.contains("\(regenboog.wijkcode!),2026-03,0,0,0,,"))
        }
    }

    @Test func coordinatorsAndAdminsOnlyUnlessTheInstallationOpensIt() async throws {
        try await withTestApp { app, clock in
            let path = "/api/v1/insight/open-data?year=2026"
            #expect(try await ConversationAPITests.send(app, .GET, path).status == .unauthorized)
            let advisor = try await ConversationAPITests.token(app, "anja@koffiepot.test", now: clock.now)
            #expect(try await ConversationAPITests.send(app, .GET, path, token: advisor).status == .forbidden)
        }
        var open = Settings.testing()
        open.openDataPublic = true
        try await withTestApp(settings: open) { app, _ in
            let anonymous = try await ConversationAPITests.send(app, .GET, "/api/v1/insight/open-data?year=2026")
            #expect(anonymous.status == .ok)
        }
    }
}
