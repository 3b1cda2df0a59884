import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct AgendaTests {
    func bookAnja(_ app: Application, now: Date, name: String = "Fatima") async throws -> Booking {
        let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
        var input = validBooking
        input.name = name
        input.participants = .threeWay
        input.teacherName = "juf Ans"
        guard
            case .booked(let receipt) = try await app.bookingService(now: now).book(
                slotID: slot.id!, input, messageLanguage: .nl, idempotencyKey: nil)
        else { throw Abort(.conflict) }
        return try #require(try await Booking.find(receipt.bookingID, on: app.db))
    }

    @Test func advisorSeesOnlyOwnBookingsAndEveryReadIsLogged() async throws {
        try await withTestApp { app, clock in
            let booking = try await bookAnja(app, now: clock.now)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            let agenda = try await anja.get("/staff/agenda")
            #expect(agenda.text.contains("Fatima (Ouder of verzorger)"))
            #expect(agenda.text.contains("juf Ans"))
            #expect(agenda.text.contains("Slaapt slecht sinds de verhuizing"))
            #expect(!agenda.text.contains("fatima@example.nl"))
            // One row for the page and one for each booking shown, so its parent can see the read under her code.
            #expect(
                try await AccessLogEntry.query(on: app.db).all().map(\.subject).sorted() == [
                    "agenda:2026-11-23", "booking:\(booking.id!.uuidString)",
                ])

            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(!(try await petra.get("/staff/agenda").text.contains("Fatima")))
            #expect(try await petra.post("/staff/bookings/\(booking.id!)/held", [:]).status == .notFound)
            let teacher = TestBrowser(app)
            try await teacher.signIn("leerkracht@koffiepot.test")
            #expect(try await teacher.get("/staff/agenda").status == .forbidden)

            #expect(try await anja.post("/staff/bookings/\(booking.id!)/held", [:]).status == .seeOther)
            #expect(try await Booking.find(booking.id, on: app.db)?.status == .held)
        }
    }

    @Test func advisorCancelsWithAMessageThatReachesTheBooker() async throws {
        try await withTestApp { app, clock in
            let booking = try await bookAnja(app, now: clock.now)
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            _ = try await anja.post("/staff/bookings/\(booking.id!)/cancel", ["message": "Ik ben ziek, sorry!"])
            #expect(try await ConsultationSlot.find(booking.$slot.id, on: app.db)?.taken == 0)
            let recorder = RecordingSender()
            try await OutboxWorker.runOnce(
                db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now)
            let cancelMail = try #require(recorder.sent.first { $0.subject == "Je afspraak gaat niet door" })
            #expect(cancelMail.body.contains("Ik ben ziek, sorry!"))
            #expect(cancelMail.body.contains("/locations/"))
        }
    }

    @Test func advisorPublishesSlotsFromPresenceAndOneOff() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Regenboog")
            let anja = try await app.staff("anja@koffiepot.test")
            try await location.$advisors.attach(anja, on: app.db)
            let rule = PresenceRule()
            rule.$location.id = location.id!
            rule.$advisor.id = anja.id!
            rule.weekday = 5
            rule.startMinute = 600
            rule.endMinute = 660
            rule.room = "Bieb"
            rule.mode = .appointment
            try await rule.create(on: app.db)
            let browser = TestBrowser(app)
            try await browser.signIn("anja@koffiepot.test")
            let base = "/staff/locations/\(location.id!)/slots"
            let made = try await browser.post(
                base + "/generate",
                [
                    "from": "2026-11-27", "through": "2026-12-04", "length": "25", "gap": "5",
                    "mode": "in_person", "capacity": "1", "video": "",
                ])
            #expect(made.headers.first(name: .location) == base + "?created=4")
            // Doing it again adds nothing: the same times are already there.
            let again = try await browser.post(
                base + "/generate",
                [
                    "from": "2026-11-27", "through": "2026-12-04", "length": "25", "gap": "5",
                    "mode": "in_person", "capacity": "1", "video": "",
                ])
            #expect(again.headers.first(name: .location) == base + "?created=0")
            let badVideo = try await browser.post(
                base + "/single",
                [
                    "date": "2026-12-02", "start": "19:00", "end": "19:30", "room": "",
                    "mode": "video", "capacity": "1", "video": "javascript:alert(1)",
                ])
            #expect(badVideo.status == .unprocessableEntity)
            let video = try await browser.post(
                base + "/single",
                [
                    "date": "2026-12-02", "start": "19:00", "end": "19:30", "room": "",
                    "mode": "video", "capacity": "1", "video": "https://meet.example.nl/anja",
                ])
            #expect(video.status == .seeOther)
            let page = try await TestBrowser(app).get("/locations/\(location.id!)")
            #expect(page.text.contains("Videogesprek"))
            let petra = TestBrowser(app)
            try await petra.signIn("petra@koffiepot.test")
            #expect(try await petra.get(base).status == .forbidden)

            // Not this Friday after all, then yes again: generating brings the day's slots back.
            let presence = "/staff/locations/\(location.id!)/presence"
            _ = try await browser.post(presence + "/cancel", ["rule": rule.id!.uuidString, "date": "2026-11-27"])
            #expect(try await ConsultationSlot.query(on: app.db).filter(\.$cancelled == true).count() == 2)
            _ = try await browser.post(presence + "/restore", ["rule": rule.id!.uuidString, "date": "2026-11-27"])
            let revived = try await browser.post(
                base + "/generate",
                [
                    "from": "2026-11-27", "through": "2026-12-04", "length": "25", "gap": "5",
                    "mode": "in_person", "capacity": "1", "video": "",
                ])
            #expect(revived.headers.first(name: .location) == base + "?created=2")
            #expect(try await ConsultationSlot.query(on: app.db).filter(\.$cancelled == true).count() == 0)
        }
    }

    @Test func aHolidayAddedLaterCancelsItsSlotsAndTellsTheBookers() async throws {
        try await withTestApp { app, clock in
            let booking = try await bookAnja(app, now: clock.now)  // Thursday 26 November, De Boomgaard (region south)
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            let saved = try await admin.post(
                "/staff/holidays", ["name": "Studiedag", "region": "zuid", "first": "2026-11-26", "last": "2026-11-26"])
            #expect(saved.headers.first(name: .location)?.hasPrefix("/staff/holidays?slots_cancelled=") == true)
            #expect(try await Booking.find(booking.id, on: app.db)?.status == .cancelled)
            #expect(try await ConsultationSlot.find(booking.$slot.id, on: app.db)?.cancelled == true)
            let told = try await OutboxMessage.query(on: app.db).filter(\.$template == "booking_cancelled").all()
            #expect(told.count == 1 && told.first?.values["message"]?.contains("Studiedag") == true)
            // Another region's holiday leaves these slots alone.
            let before = try await ConsultationSlot.query(on: app.db).filter(\.$cancelled == false).count()
            _ = try await admin.post(
                "/staff/holidays", ["name": "Noord", "region": "noord", "first": "2026-11-27", "last": "2026-12-31"])
            #expect(try await ConsultationSlot.query(on: app.db).filter(\.$cancelled == false).count() == before)
        }
    }

    @Test func bookingsArePurgedAfterTheRetentionPeriod() async throws {
        try await withTestApp { app, clock in
            let booking = try await bookAnja(app, now: clock.now)
            let slot = try #require(try await ConsultationSlot.find(booking.$slot.id, on: app.db))
            clock.advance(seconds: slot.endsAt.timeIntervalSince(clock.now) + 29 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await Booking.query(on: app.db).count() == 1)
            clock.advance(seconds: 2 * 86400)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await Booking.query(on: app.db).count() == 0)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
        }
    }
}

@Suite struct SlotOfferTests {
    @Test func slotsInAHolidayOrOnACancelledDayAreNotOffered() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            let today = LocalDate(containing: clock.now)
            let before = try await SlotQueries.free(
                at: location.id!, from: today, through: today.adding(days: 20), now: clock.now, on: app.db)
            #expect(before.count == 12)  // three Thursdays of four slots
            // Anja cancels Thursday 3 December.
            let rule = try #require(
                try await PresenceRule.query(on: app.db).filter(\.$location.$id == location.id!).filter(\.$weekday == 4)
                    .first())
            let admin = TestBrowser(app)
            try await admin.signIn("admin@koffiepot.test")
            _ = try await admin.post(
                "/staff/locations/\(location.id!)/presence/cancel", ["rule": rule.id!.uuidString, "date": "2026-12-03"])
            // And a study week covers Thursday 10 December.
            try await SchoolHoliday(region: .south, name: "Studieweek", firstDay: "2026-12-07", lastDay: "2026-12-11")
                .create(on: app.db)
            let after = try await SlotQueries.free(
                at: location.id!, from: today, through: today.adding(days: 20), now: clock.now, on: app.db)
            #expect(Set(after.map { LocalDate(containing: $0.slot.startsAt).description }) == ["2026-11-26"])
            // Booking a slot in the study week directly (an old link) is refused too.
            let inHoliday = try #require(
                before.first { LocalDate(containing: $0.slot.startsAt).description == "2026-12-10" })
            let outcome = try await app.bookingService(now: clock.now).book(
                slotID: inHoliday.id, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            guard case .unavailable = outcome else { Issue.record("booked a slot in a holiday: \(outcome)"); return }
        }
    }
}

@Suite struct PresenceCancelsBookingsTests {
    @Test func cancellingPresenceCancelsTheBookingsInItAndTellsTheParent() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            _ = try await app.bookingService(now: clock.now).book(
                slotID: slot.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            let rule = try #require(
                try await PresenceRule.query(on: app.db).filter(\.$location.$id == slot.$location.id).filter(
                    \.$weekday == 4
                ).first())
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            _ = try await anja.post(
                "/staff/locations/\(slot.$location.id)/presence/cancel",
                ["rule": rule.id!.uuidString, "date": "2026-11-26"])
            #expect(try await Booking.query(on: app.db).first()?.status == .cancelled)
            #expect(
                try await ConsultationSlot.query(on: app.db).filter(\.$location.$id == slot.$location.id).filter(
                    \.$cancelled == true
                ).count() == 4)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$template == "booking_cancelled").count() == 1)
            // A direct booking attempt for a slot on that day is refused.
            let other = try #require(
                try await ConsultationSlot.query(on: app.db).filter(\.$location.$id == slot.$location.id)
                    .filter(\.$cancelled == true).filter(\.$taken == 0).first())
            if case .booked = try await app.bookingService(now: clock.now).book(
                slotID: other.id!, validBooking, messageLanguage: .nl, idempotencyKey: nil)
            {
                Issue.record("booked a slot on a cancelled day")
            }
        }
    }
}
