import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// A parent who came through the school newsletter counts for "newsletter" in insight — never who she is.
@Suite struct ViaMarkerTests {
    @Test func aBookingAndARegistrationFromTheNewsletterCountForIt() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "SPIL-centrum De Boomgaard")
            let parent = TestBrowser(app)
            _ = try await parent.get("/locations/\(school.id!)?via=newsletter")
            #expect(parent.cookies[ViaMarker.cookieName] == "newsletter")
            let slot = try #require(
                try await ConsultationSlot.query(on: app.db).filter(\.$location.$id == school.id!)
                    .sort(\.$startsAt).first())
            let booked = try await parent.post(
                "/book",
                [
                    "slot": slot.id!.uuidString, "booker": "parent", "name": "Noor", "language": "nl",
                    "participants": "alone",
                ])
            #expect(booked.status == .seeOther)
            let booking = try #require(try await Booking.query(on: app.db).filter(\.$slot.$id == slot.id!).first())
            #expect(booking.via == "newsletter")
            let anja = TestBrowser(app)
            try await anja.signIn("anja@koffiepot.test")
            try await BookingService(db: app.db, settings: app.settings, catalogues: app.catalogues, now: slot.endsAt)
                .mark(booking, .held)
            #expect(try await ContactFact.query(on: app.db).filter(\.$channel == "newsletter").count() == 1)

            // A made-up channel is not remembered; a registration after a newsletter link counts for it.
            let other = TestBrowser(app)
            _ = try await other.get("/locations/\(school.id!)?via=spam")
            #expect(other.cookies[ViaMarker.cookieName] == nil)
            let gathering = try #require(
                try await Gathering.query(on: app.db).filter(\.$kind != .walkIn).filter(\.$cancelled == false)
                    .sort(\.$startsAt).all().first { $0.startsAt > app.clock.now() })
            _ = try await other.get("/gatherings/\(gathering.id!)?via=newsletter")
            let registered = try await other.post(
                "/gatherings/\(gathering.id!)/register", ["name": "Els", "adults": "1", "language": "nl"])
            #expect(registered.status == .seeOther)
            #expect(try await ContactFact.query(on: app.db).filter(\.$channel == "newsletter").count() == 2)
        }
    }
}
