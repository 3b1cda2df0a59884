import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Polled public feeds answer 304 to a client that already has the current version, and a new version after staff change it.
@Suite struct ConditionalGETTests {
    func get(_ app: Application, _ path: String, etag: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let etag { headers.replaceOrAdd(name: .ifNoneMatch, value: etag) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers) { result = $0 }
        return try #require(result)
    }

    @Test func aCalendarFeedIsNotSentAgainUntilItChanges() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            let feed = "/locations/\(location.id!)/calendar.ics"
            let first = try await get(app, feed)
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(first.status == .ok && first.headers.first(name: .cacheControl) == "private, no-cache")
            let again = try await get(app, feed, etag: etag)
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            #expect(try await get(app, feed, etag: "\"something-else\"").status == .ok)

            // The advisor calls off one of her coming hours: the feed changes, so it is sent again.
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let rule = try #require(
                try await PresenceRule.query(on: app.db).filter(\.$location.$id == location.id!).first())
            let today = LocalDate(containing: clock.now)
            let day = try #require((1...14).map { today.adding(days: $0) }.first { $0.weekday == rule.weekday })
            #expect(
                try await anja.post(
                    "/staff/locations/\(location.id!)/presence/cancel",
                    ["rule": rule.id!.uuidString, "date": day.description]
                ).status == .seeOther)
            let changed = try await get(app, feed, etag: etag)
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) != etag)
        }
    }

    @Test func personalPagesGetNoTagAndStayUncached() async throws {
        try await withTestApp { app, clock in
            let (_, code) = try await app.bookFatima(now: clock.now)
            let page = try await get(app, "/b/\(code.linkToken)")
            #expect(page.headers.first(name: .eTag) == nil && page.headers.first(name: .cacheControl) == "no-store")
            let ics = try await get(app, "/b/\(code.linkToken)/calendar.ics")
            #expect(ics.headers.first(name: .eTag) == nil)
            #expect(
                ConditionalGETMiddleware.isPublicPage("/gatherings/calendar.ics")
                    && !ConditionalGETMiddleware.isPublicPage("/r/x/calendar.ics"))
            #expect(!ConditionalGETMiddleware.isPublicPage("/locations/x/wensen"))
        }
    }

    /// The location page a newsletter links to: a phone that opens it again gets 304 until something on it
    /// changes — also a time that was just booked.
    @Test func theLocationPageIsSentAgainOnlyWhenItChanged() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let page = "/locations/\(slot.$location.id)"
            let first = try await get(app, page)
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(try await get(app, page, etag: etag).status == .notModified)
            _ = try await app.bookFatima(now: clock.now)
            let changed = try await get(app, page, etag: etag)
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) != etag)
        }
    }
}
