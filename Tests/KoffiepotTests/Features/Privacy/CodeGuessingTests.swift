import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Guessing codes (issue 14 pt 3): an attacker gets at most `lookupLimit` wrong tries per address per window, on the
/// pages and the API together; a parent on the same school network whose phone opened her booking before is not
/// locked out; a right code never uses up a try.
@Suite struct CodeGuessingTests {
    static func settings() -> Settings {
        var settings = Settings.testing()
        settings.trustProxy = true
        return settings
    }

    static func browser(_ app: Application, at address: String) -> TestBrowser {
        let browser = TestBrowser(app)
        browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: address)
        return browser
    }

    @Test func anAttackerGetsTheAllowedTriesAndAParentOnTheSameNetworkStillGetsIn() async throws {
        try await withTestApp(settings: Self.settings()) { app, clock in
            let school = "198.51.100.20"
            let (_, code) = try await app.bookFatima(now: clock.now)
            // Fatima opened her booking on her phone last week, at home.
            let fatima = Self.browser(app, at: "192.0.2.44")
            #expect(try await fatima.post("/mijn-afspraak", ["code": code.display]).status == .seeOther)
            // A right code costs nothing: she may look as often as she likes.
            for _ in 0..<(app.settings.lookupLimit + 5) {
                #expect(try await fatima.post("/mijn-gegevens", ["code": code.display]).status == .ok)
            }

            // At school, someone tries codes, on the pages and through the API from the same address.
            let attacker = Self.browser(app, at: school)
            var answered = 0, refused = 0
            for i in 0..<(app.settings.lookupLimit + 15) {
                let guess = String(format: "ZZZZ-ZZZZ-%04d", i)
                let status =
                    i.isMultiple(of: 2)
                    ? try await attacker.post("/mijn-afspraak", ["code": guess]).status
                    : try await ConversationAPITests.send(
                        app, .GET, "/api/v1/bookings/\(guess)", headers: ["X-Forwarded-For": school]
                    ).status
                if status == .notFound { answered += 1 } else if status == .tooManyRequests { refused += 1 }
            }
            #expect(answered == app.settings.lookupLimit && refused == 15)

            // Fatima comes into school: her known phone still opens her booking; a stranger's new phone waits.
            fatima.headers.replaceOrAdd(name: "X-Forwarded-For", value: school)
            #expect(try await fatima.post("/mijn-afspraak", ["code": code.display]).status == .seeOther)
            #expect(
                try await Self.browser(app, at: school).post("/mijn-afspraak", ["code": code.display]).status
                    == .tooManyRequests)
            // Her phone's own typing errors are limited too, on its own budget.
            for _ in 0..<app.settings.lookupLimit {
                _ = try await fatima.post("/mijn-afspraak", ["code": "QQQQ-QQQQ-QQQQ"])
            }
            #expect(try await fatima.post("/mijn-afspraak", ["code": code.display]).status == .tooManyRequests)

            // After the window the address has its tries again.
            clock.advance(seconds: RateLimiter.window + 1)
            #expect(try await attacker.post("/mijn-afspraak", ["code": "ZZZZ-ZZZZ-9999"]).status == .notFound)
        }
    }
}
