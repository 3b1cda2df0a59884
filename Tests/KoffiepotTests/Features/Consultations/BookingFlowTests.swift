import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct BookingFlowTests {
    func form(_ slot: ConsultationSlot, key: String = UUID().uuidString, _ changes: [String: String] = [:]) -> [String:
        String]
    {
        var fields = [
            "slot": slot.id!.uuidString, "idempotency_key": key, "booker": "parent", "name": "Fatima",
            "topics[]": "sleep", "about": "Slaapt slecht", "participants": "alone", "language": "ar",
            "interpreter": "yes", "contact": "fatima@example.nl",
        ]
        fields.merge(changes) { _, new in new }
        return fields
    }

    @Test func parentBooksWithoutAccountAndGetsCodeLinkAndMessages() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let browser = TestBrowser(app)
            let location = try await browser.get("/locations/\(slot.$location.id)")
            #expect(location.text.contains("/slots/\(slot.id!.uuidString)/book"))
            let page = try await browser.get("/slots/\(slot.id!)/book")
            #expect(page.status == .ok)
            #expect(page.text.contains("Het komt in geen enkel dossier"))
            #expect(page.text.contains("30 dagen na de afspraak gewist"))

            let done = try await browser.post("/book", form(slot))
            #expect(done.status == .seeOther)
            let redirect = try #require(done.headers.first(name: .location))
            #expect(redirect.hasSuffix("?done=booking.booked"))
            let link = String(redirect.prefix { $0 != "?" })
            #expect(link.hasPrefix("/b/"))
            let confirmation = try await browser.get(redirect)
            #expect(confirmation.text.contains("Gelukt! Je afspraak staat."))
            #expect(confirmation.text.contains("donderdag 26 november"))
            let code = try #require(confirmation.text.firstMatch(of: /class="code"[^>]*>([0-9A-Z-]{14})</)?.1)

            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 1)
            let booking = try #require(try await Booking.query(on: app.db).first())
            #expect(booking.codeHash != String(code) && !booking.codeHash.contains(String(code.prefix(4))))
            #expect(booking.interpreter && booking.language == "ar")
            let messages = try await OutboxMessage.query(on: app.db).sort(\.$notBefore).all()
            #expect(messages.map(\.template) == ["booking_confirmed", "booking_reminder"])
            // Reminder: the day before at 18:00 Amsterdam time (Wednesday 25 November 17:00 UTC).
            #expect(messages[1].notBefore == LocalDate("2026-11-25")!.instant(minute: 18 * 60))
            #expect(
                messages.allSatisfy {
                    !$0.payload.contains("Slaapt slecht") && $0.values["link"]?.hasSuffix(link) == true
                })

            // The code typed in, in any case and with spaces, leads back to the same page.
            let lookup = try await browser.post(
                "/mijn-afspraak", ["code": code.lowercased().replacingOccurrences(of: "-", with: " ")])
            #expect(lookup.headers.first(name: .location) == link)
        }
    }

    @Test func aFailedFormKeepsEverythingTyped() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let response = try await TestBrowser(app).post(
                "/book", form(slot, ["name": "", "contact": "not-a-contact", "about": "Eet <b>niks</b>"]))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Vul dit in."))
            #expect(response.text.contains("Vul een e-mailadres of een mobiel nummer in"))
            #expect(response.text.contains("Eet &lt;b&gt;niks&lt;/b&gt;"))
            #expect(response.text.contains("value=\"sleep\" checked"))
            #expect(try await Booking.query(on: app.db).count() == 0)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
        }
    }

    @Test func doubleSubmitGivesOneBooking() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let browser = TestBrowser(app)
            let fields = form(slot, key: "same-key-1234567890")
            let first = try await browser.post("/book", fields)
            let second = try await browser.post("/book", fields)
            #expect(first.headers.first(name: .location) == second.headers.first(name: .location))
            #expect(try await Booking.query(on: app.db).count() == 1)
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 1)
            #expect(try await OutboxMessage.query(on: app.db).count() == 2)
        }
    }

    @Test func aTakenSlotOffersAlternativesAndKeepsTheInput() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            _ = try await TestBrowser(app).post("/book", form(slot))
            let late = try await TestBrowser(app).post(
                "/book", form(slot, ["name": "Piotr", "about": "Ruzie om de tablet"]))
            #expect(late.status == .conflict)
            #expect(late.text.contains("Deze tijd is net door iemand anders gekozen"))
            #expect(late.text.contains("value=\"Piotr\""))
            #expect(late.text.contains("Ruzie om de tablet"))
            #expect(late.text.contains("name=\"slot\" value=\""))
            #expect(try await Booking.query(on: app.db).count() == 1)
        }
    }

    @Test func pastAndCancelledSlotsCannotBeBooked() async throws {
        try await withTestApp { app, clock in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            clock.advance(seconds: slot.startsAt.timeIntervalSince(clock.now) + 60)
            #expect(try await TestBrowser(app).post("/book", form(slot)).status == .conflict)
            let later = try await app.firstFreeSlot(at: "Basisschool De Vlinder")
            later.cancelled = true
            try await later.save(on: app.db)
            #expect(try await TestBrowser(app).post("/book", form(later)).status == .conflict)
            #expect(try await Booking.query(on: app.db).count() == 0)
        }
    }

    @Test func cancelFreesTheSlotAtOnceAndTheCodeStopsWorking() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let browser = TestBrowser(app)
            let link = String(
                try #require(try await browser.post("/book", form(slot)).headers.first(name: .location)).prefix {
                    $0 != "?"
                })
            let page = try await browser.get(link)
            let code = String(try #require(page.text.firstMatch(of: /class="code"[^>]*>([0-9A-Z-]{14})</)?.1))
            let cancelled = try await browser.post(link + "/cancel", [:])
            #expect(cancelled.text.contains("Je afspraak is afgezegd"))
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 0)
            #expect(
                try await OutboxMessage.query(on: app.db).filter(\.$template == "booking_reminder").first()?.status
                    == .cancelled)
            #expect(try await browser.get(link).status == .notFound)
            // Cancelled and wrong codes get the very same answer.
            let cancelledCode = try await browser.post("/mijn-afspraak", ["code": code])
            let wrongCode = try await browser.post("/mijn-afspraak", ["code": "0000-0000-0000"])
            #expect(cancelledCode.status == .notFound && wrongCode.status == .notFound)
            #expect(
                cancelledCode.comparableText.replacingOccurrences(of: code, with: "X")
                    == wrongCode.comparableText.replacingOccurrences(of: "0000-0000-0000", with: "X"))
            // Someone else can book the time now.
            #expect(try await TestBrowser(app).post("/book", form(slot)).status == .seeOther)
        }
    }

    @Test func movingTakesTheNewSeatAndFreesTheOld() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let browser = TestBrowser(app)
            let link = String(
                try #require(try await browser.post("/book", form(slot)).headers.first(name: .location)).prefix {
                    $0 != "?"
                })
            let choices = try await browser.get(link + "/move")
            let target = try #require(
                try await ConsultationSlot.query(on: app.db).filter(\.$location.$id == slot.$location.id)
                    .filter(\.$id != slot.id!).sort(\.$startsAt).first())
            #expect(choices.text.contains(target.id!.uuidString))
            let moved = try await browser.post(link + "/move", ["slot": target.id!.uuidString])
            #expect(moved.headers.first(name: .location) == link + "?done=booking.moved")
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 0)
            #expect(try await ConsultationSlot.find(target.id, on: app.db)?.taken == 1)
            let templates = try await OutboxMessage.query(on: app.db).all().map {
                "\($0.template):\($0.status.rawValue)"
            }.sorted()
            // The unsent confirmation carried the old time: withdrawn with the old reminder.
            #expect(
                templates == [
                    "booking_confirmed:cancelled", "booking_moved:pending", "booking_reminder:cancelled",
                    "booking_reminder:pending",
                ])
        }
    }

    @Test func codeLookupsAreRateLimited() async throws {
        try await withTestApp { app, _ in
            let browser = TestBrowser(app)
            for _ in 0..<app.settings.lookupLimit {
                _ = try await browser.post("/mijn-afspraak", ["code": "AAAA-AAAA-AAAA"])
            }
            let blocked = try await browser.post("/mijn-afspraak", ["code": "AAAA-AAAA-AAAA"])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Even wachten"))
        }
    }
}
