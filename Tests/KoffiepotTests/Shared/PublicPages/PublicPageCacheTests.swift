import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

/// The public pages are kept between changes, and a change shows at once: made by staff on another instance,
/// or a parent's booking of the last free time.
@Suite struct PublicPageCacheTests {
    @Test func aChangeOnAnotherInstanceShowsAtOnce() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kp-\(UUID()).sqlite").path
        var settings = Settings.testing()
        if settings.databaseURL == nil { settings.sqlitePath = file }
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestApp(settings: settings) { first, clock in
            try await withApp(configure: { try await configure($0, settings: settings, clock: clock.clock) }) {
                second in
                let school = try await first.location(named: "Basisschool De Vlinder")
                let page = "/locations/\(school.id!)"
                let feed = "/locations/\(school.id!)/calendar.ics"
                #expect(try await TestBrowser(first).get(page).text.contains("Basisschool De Vlinder"))
                #expect(try await TestBrowser(first).get(feed).text.contains("Basisschool De Vlinder"))
                // The same page again comes from memory (nothing changed) and is the same.
                #expect(try await TestBrowser(first).get(feed).text == (try await TestBrowser(first).get(feed).text))

                let renamed = try #require(try await Location.find(school.id, on: second.db))
                renamed.name = "IKC De Vlinder"
                try await renamed.save(on: second.db)
                let after = try await TestBrowser(first).get(page).text
                #expect(after.contains("IKC De Vlinder") && !after.contains("Basisschool De Vlinder"))
                #expect(try await TestBrowser(first).get(feed).text.contains("IKC De Vlinder"))
            }
        }
    }

    @Test func aBookedTimeLeavesTheKeptPageAtOnce() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let page = "/locations/\(slot.$location.id)"
            #expect(try await TestBrowser(app).get(page).text.contains("/slots/\(slot.id!)/book"))
            _ = try await app.bookFatima(now: clock.now)
            #expect(try await TestBrowser(app).get(page).text.contains("/slots/\(slot.id!)/book") == false)
        }
    }

    /// The open times are kept between bookings, but a time that has begun is no longer offered, although
    /// nothing was written (the kept list is cut to the future on every visit).
    @Test func aTimeThatHasBegunLeavesTheKeptPage() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let page = "/locations/\(slot.$location.id)"
            clock.advance(seconds: slot.startsAt.timeIntervalSince(clock.now) - 20)
            #expect(try await TestBrowser(app).get(page).text.contains("/slots/\(slot.id!)/book"))
            clock.advance(seconds: 30)
            #expect(try await TestBrowser(app).get(page).text.contains("/slots/\(slot.id!)/book") == false)
        }
    }

    /// Every change to a location's slots moves that location's slot stamp — and no other location's, so a
    /// booking at one school never makes another school's page be built again.
    @Test func slotChangesMoveOnlyTheirLocationsStamp() async throws {
        try await withTestApp { app, clock in
            let boomgaard = try await app.location(named: "SPIL-centrum De Boomgaard")
            let vlinder = try await app.location(named: "Basisschool De Vlinder")
            let before = try await PublicPageCache.stamps(at: boomgaard.id!, on: app.db)
            let elsewhere = try await PublicPageCache.stamps(at: vlinder.id!, on: app.db)
            _ = try await app.bookFatima(now: clock.now)
            let afterBooking = try await PublicPageCache.stamps(at: boomgaard.id!, on: app.db)
            #expect(afterBooking.slots > before.slots)
            #expect(afterBooking.pages == before.pages, "a booking does not rebuild every public page")
            #expect(try await PublicPageCache.stamps(at: vlinder.id!, on: app.db) == elsewhere)

            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            try await slot.delete(on: app.db)
            #expect(try await PublicPageCache.stamps(at: boomgaard.id!, on: app.db).slots > afterBooking.slots)
        }
    }

    /// When a kept page ages out while many parents ask for it, it is built once and the others get that copy.
    @Test func manyVisitorsAtOnceBuildAPageOnce() async throws {
        let cache = PublicPageCache()
        let builds = NIOLockedValueBox(0)
        let now = Date()
        let pages = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await cache.value("page", stamp: 7, now: now) {
                        builds.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(100))
                        return "the page"
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(pages == Array(repeating: "the page", count: 24))
        #expect(builds.withLockedValue { $0 } == 1)
        // A change (a new stamp) builds it again, once.
        _ = try await cache.value("page", stamp: 8, now: now) {
            builds.withLockedValue { $0 += 1 }
            return "changed"
        }
        #expect(builds.withLockedValue { $0 } == 2)
    }

    /// The database moves the stamp for every table the kept pages read, whichever code writes.
    @Test func everyWatchedTableMovesTheStamp() async throws {
        try await withTestApp { app, _ in
            let sql = app.db as! any SQLDatabase
            var checked = 0
            for table in M032_PublicStamp.watched {
                struct Count: Decodable { let n: Int }
                guard
                    let rows = try await sql.raw("SELECT count(*) AS n FROM \(ident: table)").first(
                        decoding: Count.self), rows.n > 0
                else { continue }
                let before = try await PublicPageCache.stamp(on: app.db)
                try await sql.raw("UPDATE \(ident: table) SET id = id").run()
                #expect(try await PublicPageCache.stamp(on: app.db) > before, "\(table)")
                checked += 1
            }
            #expect(checked >= 8)
        }
    }

    /// A page with someone's form token is hers: it is never kept for the next visitor.
    @Test func aPageWithAFormTokenIsNeverKept() async throws {
        #expect(
            PublicPageCache.carriesFormToken(
                ByteBuffer(string: #"<form><input type="hidden" name="_csrf" value="x"/></form>"#)))
        #expect(!PublicPageCache.carriesFormToken(ByteBuffer(string: #"<form method="get"><input name="q"/></form>"#)))
        try await withTestApp { app, _ in
            let staff = TestBrowser(app)
            try await staff.signIn("coordinator@koffiepot.test")
            let school = try await app.location(named: "Basisschool De Vlinder")
            // Signed in, the page has her bar and her token; the next, anonymous visitor gets neither.
            #expect(try await staff.get("/locations/\(school.id!)").text.contains("_csrf"))
            #expect(try await TestBrowser(app).get("/locations/\(school.id!)").text.contains("_csrf") == false)
        }
    }
}
