import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct LoginTests {
    @Test func loginSetsASafeCookieAndRenewsTheSession() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            let response = try await browser.login("admin@koffiepot.test")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/staff")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("kp_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let first = browser.cookies["kp_session"]
            #expect(try await browser.get("/staff").text.contains("Hallo Beheer Koffiepot"))
            // Logging in again gives a new session id and ends the old one.
            try await browser.signIn("admin@koffiepot.test")
            #expect(browser.cookies["kp_session"] != first)
            #expect(try await StaffSession.query(on: app.db).count() == 1)
        }
    }

    @Test func unknownUserAndWrongPasswordGetTheSameAnswer() async throws {
        try await withTestApp { app, _ in
            let unknown = try await TestBrowser(app).login("nobody@koffiepot.test")
            let wrong = try await TestBrowser(app).login("admin@koffiepot.test", password: "wrong-password-123")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.text.contains("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
            #expect(wrong.text.contains("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
            // The typed address is kept, the password is not.
            #expect(wrong.text.contains("value=\"admin@koffiepot.test\""))
        }
    }

    @Test func repeatedFailuresAreThrottledEvenWithTheRightPassword() async throws {
        try await withTestApp { app, clock in
            for _ in 0..<5 {
                _ = try await TestBrowser(app).login("anja@koffiepot.test", password: "guess-guess-guess")
            }
            let blocked = try await TestBrowser(app).login("anja@koffiepot.test")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Te vaak geprobeerd"))
            clock.advance(seconds: 16 * 60)
            #expect(try await TestBrowser(app).login("anja@koffiepot.test").status == .seeOther)
        }
    }

    @Test func formsWithoutCSRFTokenAreRefused() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            let response = try await browser.post(
                "/login", ["email": "admin@koffiepot.test", "password": DemoData.password], csrf: false)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["kp_session"] == nil)
        }
    }

    @Test func sessionsEndAfterIdleAndAbsoluteTimeouts() async throws {
        try await withTestApp { app, clock in
            let browser = TestBrowser(app)
            try await browser.signIn("anja@koffiepot.test")
            clock.advance(seconds: 29 * 60)
            #expect(try await browser.get("/staff").status == .ok)
            clock.advance(seconds: 31 * 60)
            #expect(try await browser.get("/staff").status == .seeOther)

            try await browser.signIn("anja@koffiepot.test")
            for _ in 0..<25 {  // active every 29 minutes, but 12 hours is the limit
                clock.advance(seconds: 29 * 60)
                _ = try await browser.get("/staff")
            }
            #expect(try await browser.get("/staff").status == .seeOther)
        }
    }

    @Test func logoutEndsTheSessionEverywhere() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            try await browser.signIn("anja@koffiepot.test")
            let stolen = try #require(browser.cookies["kp_session"])
            let other = TestBrowser(app)
            other.cookies["kp_session"] = stolen
            #expect(try await other.get("/staff").status == .ok)  // the copied cookie works until logout
            #expect(try await browser.post("/logout", [:]).status == .seeOther)
            #expect(try await other.get("/staff").status == .seeOther)
            #expect(try await browser.get("/staff").status == .seeOther)
        }
    }

    @Test func loginRedirectOnlyToLocalPaths() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            let response = try await browser.post(
                "/login",
                [
                    "email": "admin@koffiepot.test", "password": DemoData.password,
                    "next": "//evil.example/",
                ])
            #expect(response.headers.first(name: .location) == "/staff")
        }
    }
}

@Suite struct ProxyThrottleTests {
    /// Behind the installation's own proxy, failed logins count per real client, not for everyone at once.
    @Test func loginThrottlingUsesTheForwardedClientAddressWhenTrusted() async throws {
        var settings = Settings.testing()
        settings.trustProxy = true
        let trusted = settings
        try await withTestApp(settings: trusted) { app, _ in
            for i in 0..<5 {
                let guesser = TestBrowser(app)
                guesser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.7")
                _ = try await guesser.login("nobody\(i)@koffiepot.test", password: "guess-guess-guess")
            }
            let sameClient = TestBrowser(app)
            sameClient.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.7")
            #expect(try await sameClient.login("anja@koffiepot.test").status == .tooManyRequests)
            let otherClient = TestBrowser(app)
            otherClient.headers.replaceOrAdd(name: "X-Forwarded-For", value: "198.51.100.9")
            #expect(try await otherClient.login("anja@koffiepot.test").status == .seeOther)
        }
    }
}
