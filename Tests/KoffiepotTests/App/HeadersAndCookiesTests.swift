import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Headers and cookies as a browser behind the installation's TLS proxy receives them (issue 14 pt 3): every cookie
/// Secure, HttpOnly and SameSite; a strict CSP without `unsafe-inline`; personal pages and API answers not cached;
/// a new session at log-in and none after log-out.
@Suite struct HeadersAndCookiesTests {
    @Test func behindHTTPSEveryCookieIsSecureHttpOnlyAndSameSite() async throws {
        var settings = Settings.testing()
        settings.publicURL = "https://ouders.example.nl"
        settings.secureCookies = true
        settings.trustProxy = true
        try await withTestApp(settings: settings) { app, clock in
            let browser = TestBrowser(app)
            browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.7")
            var cookies: [String] = []
            func collect(_ response: TestingHTTPResponse) { cookies += response.headers[.setCookie] }
            collect(try await browser.get("/login"))  // the CSRF token
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            collect(try await browser.get("/locations/\(location.id!)?lang=ar&via=poster"))  // language and channel
            let activity = try #require(try await HomeActivity.query(on: app.db).first())
            let theme = try #require(try await HomeTheme.find(activity.$theme.id, on: app.db))
            // The device.
            collect(
                try await browser.post("/locations/\(theme.$location.id)/thuis/activities/\(activity.id!)/done", [:]))
            let login = try await browser.login("anja@koffiepot.test")
            #expect(login.status == .seeOther)
            collect(login)  // the session
            let logout = try await browser.post("/logout", [:])
            collect(logout)  // the session, ended
            let names = Set(cookies.compactMap { $0.split(separator: "=").first.map(String.init) })
            #expect(names == ["kp_csrf", "kp_lang", "kp_via", "kp_device", "kp_session"], "\(names)")
            for cookie in cookies {
                #expect(
                    cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite="),
                    "\(cookie)")
            }
            #expect(try await browser.get("/staff").status == .seeOther)  // logged out: back to the log-in
            _ = clock
        }
    }

    @Test func theCSPAllowsNoInlineScriptAndPersonalAnswersAreNotCached() async throws {
        try await withTestApp { app, clock in
            let (_, code) = try await app.bookFatima(now: clock.now)
            let parent = TestBrowser(app)
            let page = try await parent.post("/mijn-gegevens", ["code": code.display])
            let csp = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(
                !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && csp.contains("default-src 'self'"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            #expect(try await parent.get("/b/\(code.linkToken)").headers.first(name: .cacheControl) == "no-store")
            let api = try await ConversationAPITests.send(app, .GET, "/api/v1/bookings/\(code.display)")
            #expect(api.status == .ok && api.headers.first(name: .cacheControl) == "no-store")
            let mine = try await MyDataTests.myData(app, code.display)
            #expect(mine.headers.first(name: .cacheControl) == "no-store")
        }
    }
}
