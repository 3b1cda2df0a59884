import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct PresenceAdminTests {
    @Test func adminCancelsNextTuesdayAndParentsSeeIt() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            let rule = try #require(
                try await PresenceRule.query(on: app.db).filter(\.$location.$id == location.id!).filter(\.$weekday == 2)
                    .first())
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            let base = "/staff/locations/\(location.id!)/presence"
            let done = try await admin.post(base + "/cancel", ["rule": rule.id!.uuidString, "date": "2026-12-01"])
            #expect(done.status == .seeOther)
            #expect(try await admin.get(done.headers.first(name: .location)!).text.contains("Afgezegd."))
            // Cancelling twice (double click) is harmless.
            _ = try await admin.post(base + "/cancel", ["rule": rule.id!.uuidString, "date": "2026-12-01"])
            #expect(try await PresenceException.query(on: app.db).count() == 1)

            let page = try await TestBrowser(app).get("/locations/\(location.id!)")
            #expect(page.text.contains("Gaat niet door"))
            let feed = try await TestBrowser(app).get("/locations/\(location.id!)/calendar.ics")
            #expect(feed.text.contains("STATUS:CANCELLED"))
            #expect(feed.text.contains("DTSTART:20261201T073000Z"))

            _ = try await admin.post(base + "/restore", ["rule": rule.id!.uuidString, "date": "2026-12-01"])
            #expect(!(try await TestBrowser(app).get("/locations/\(location.id!)").text.contains("Gaat niet door")))
        }
    }

    @Test func badRuleReRendersWithMessagesAndKeepsInput() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Regenboog")
            let samira = try await app.staff("samira@koffiepot.test")
            let browser = TestBrowser(app)
            try await browser.signIn("samira@koffiepot.test")
            let before = try await PresenceRule.query(on: app.db).count()
            let base = "/staff/locations/\(location.id!)/presence"
            let backwards = try await browser.post(
                base + "/rules",
                [
                    "advisor": samira.id!.uuidString, "weekday": "2",
                    "start": "11:00", "end": "10:00", "room": "Bieb", "mode": "walk_in",
                ])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.text.contains("De eindtijd moet na de begintijd liggen."))
            #expect(backwards.text.contains("value=\"Bieb\""))
            // Samira is at De Regenboog on Monday 08:30–10:30; Koffiepot buurthuis Friday. Overlap on Monday:
            let overlap = try await browser.post(
                base + "/rules",
                [
                    "advisor": samira.id!.uuidString, "weekday": "1",
                    "start": "10:00", "end": "11:00", "room": "", "mode": "walk_in",
                ])
            #expect(overlap.text.contains("al ergens anders"))
            let dst = try await browser.post(
                base + "/extra",
                [
                    "advisor": samira.id!.uuidString, "date": "2027-03-28",
                    "start": "02:30", "end": "04:00", "room": "", "mode": "walk_in",
                ])
            #expect(dst.status == .unprocessableEntity)
            #expect(dst.text.contains("Deze tijd bestaat niet op die dag"))
            #expect(try await PresenceRule.query(on: app.db).count() == before)
            #expect(try await PresenceException.query(on: app.db).count() == 0)

            let good = try await browser.post(
                base + "/rules",
                [
                    "advisor": samira.id!.uuidString, "weekday": "4",
                    "start": "08:30", "end": "09:15", "room": "Aula", "mode": "appointment",
                ])
            #expect(good.status == .seeOther)
            #expect(try await PresenceRule.query(on: app.db).count() == before + 1)
        }
    }

    @Test func whoMayManagePresence() async throws {
        try await withTestApp { app, _ in
            let anjasPlace = try await app.location(named: "SPIL-centrum De Boomgaard")
            let othersPlace = try await app.location(named: "Basisschool De Vlinder")
            let path = { (l: Location) in "/staff/locations/\(l.id!)/presence" }

            #expect(try await TestBrowser(app).get(path(anjasPlace)).status == .seeOther)  // to login
            let cases: [(String, Location, HTTPStatus)] = [
                ("admin@koffiepot.test", othersPlace, .ok),
                ("anja@koffiepot.test", anjasPlace, .ok),
                ("anja@koffiepot.test", othersPlace, .forbidden),
                ("leerkracht@koffiepot.test", anjasPlace, .forbidden),
                ("coordinator@koffiepot.test", anjasPlace, .forbidden),
            ]
            for (email, location, expected) in cases {
                let browser = TestBrowser(app)
                try await browser.signIn(email)
                #expect(try await browser.get(path(location)).status == expected, "\(email)")
            }
            // An advisor cannot cancel a colleague's moment through a crafted form.
            let petraRule = try #require(
                try await PresenceRule.query(on: app.db).filter(\.$location.$id == othersPlace.id!).first())
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let crafted = try await anja.post(
                path(anjasPlace) + "/cancel", ["rule": petraRule.id!.uuidString, "date": "2026-12-01"])
            #expect(crafted.status == .notFound)
            #expect(try await PresenceException.query(on: app.db).count() == 0)
        }
    }
}
