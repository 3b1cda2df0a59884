import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct BookingAPITests {
    struct SlotJSON: Decodable {
        let id: String, start: String, end: String, mode: String, placesLeft: Int, advisorName: String
    }
    struct CreatedJSON: Decodable { let code: String, link: String, status: String, start: String }
    struct ViewJSON: Decodable { let status: String, name: String, advisorName: String, participants: String }
    struct ProblemJSON: Decodable {
        let status: Int, detail: String?, error: String, message: String, fields: [String: String]?
    }

    func post(_ app: Application, _ json: String, key: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let key { headers.replaceOrAdd(name: "Idempotency-Key", value: key) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/bookings", headers: headers, body: ByteBuffer(string: json)) {
            result = $0
        }
        return try #require(result)
    }

    @Test func freeSlotsWithOffsets() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "SPIL-centrum De Boomgaard")
            try await app.testing().test(.GET, "/api/v1/locations/\(location.id!)/slots?from=2026-11-24&to=2026-11-30")
            { res in
                #expect(res.status == .ok)
                let slots = try JSONDecoder().decode([SlotJSON].self, from: Data(buffer: res.body))
                #expect(
                    slots.map(\.start) == [
                        "2026-11-26T13:00:00+01:00", "2026-11-26T13:30:00+01:00",
                        "2026-11-26T14:00:00+01:00", "2026-11-26T14:30:00+01:00",
                    ])
                #expect(
                    slots.allSatisfy {
                        $0.mode == "in_person" && $0.placesLeft == 1 && $0.advisorName == "Anja de Vries"
                    })
            }
        }
    }

    @Test func bookReadAndCancelByCode() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let created = try await post(
                app,
                #"{"slotId":"\#(slot.id!)","name":"Sam","contact":"0612345678","topics":["screens"],"participants":"three_way","language":"en"}"#
            )
            #expect(created.status == .created)
            let booking = try JSONDecoder().decode(CreatedJSON.self, from: Data(buffer: created.body))
            #expect(booking.code.count == 14)
            #expect(booking.link.contains("/b/"))
            #expect(booking.start == "2026-11-26T13:00:00+01:00")
            #expect(try await OutboxMessage.query(on: app.db).first()?.channel == .sms)

            try await app.testing().test(.GET, "/api/v1/bookings/\(booking.code.lowercased())") { res in
                let view = try JSONDecoder().decode(ViewJSON.self, from: Data(buffer: res.body))
                #expect(view.name == "Sam" && view.participants == "three_way" && view.advisorName == "Anja de Vries")
            }
            try await app.testing().test(.DELETE, "/api/v1/bookings/\(booking.code)") { res in
                #expect(res.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/bookings/\(booking.code)") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            }
            try await app.testing().test(.DELETE, "/api/v1/bookings/\(booking.code)") { res in
                #expect(res.status == .notFound)
            }
            #expect(try await ConsultationSlot.find(slot.id, on: app.db)?.taken == 0)
        }
    }

    @Test func idempotencyKeyGivesTheSameBookingBack() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            let body = #"{"slotId":"\#(slot.id!)","name":"Sam"}"#
            let first = try JSONDecoder().decode(
                CreatedJSON.self, from: Data(buffer: try await post(app, body, key: "retry-key-0123456789").body))
            let again = try await post(app, body, key: "retry-key-0123456789")
            #expect(again.status == .created)
            #expect(try JSONDecoder().decode(CreatedJSON.self, from: Data(buffer: again.body)).code == first.code)
            #expect(try await Booking.query(on: app.db).count() == 1)
            let other = try await app.firstFreeSlot(at: "Basisschool De Vlinder")
            let reused = try await post(app, #"{"slotId":"\#(other.id!)","name":"Sam"}"#, key: "retry-key-0123456789")
            #expect(reused.status == .unprocessableEntity)
        }
    }

    @Test func takenInvalidAndUnknownAreProblems() async throws {
        try await withTestApp { app, _ in
            let slot = try await app.firstFreeSlot(at: "SPIL-centrum De Boomgaard")
            _ = try await post(app, #"{"slotId":"\#(slot.id!)","name":"Sam"}"#)
            let taken = try await post(app, #"{"slotId":"\#(slot.id!)","name":"Kim"}"#)
            #expect(taken.status == .conflict)
            let takenProblem = try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: taken.body))
            #expect(takenProblem.error == "slot_taken" && takenProblem.status == 409)
            #expect(takenProblem.message == "Deze tijd is net door iemand anders gekozen. Kies een andere tijd.")
            let other = try await app.firstFreeSlot(at: "Basisschool De Vlinder")
            let invalid = try await post(app, #"{"slotId":"\#(other.id!)","name":"Kim","contact":"nope"}"#)
            #expect(invalid.status == .unprocessableEntity)
            let invalidProblem = try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: invalid.body))
            #expect(invalidProblem.error == "contact" && invalidProblem.fields == ["contact": "contact"])
            #expect(invalidProblem.message == app.catalogues.text("error.contact", .nl))
            #expect(try await post(app, #"{"slotId":"\#(UUID())","name":"Kim"}"#).status == .notFound)
            // Readable JSON without a required field: 422 naming the field, with a Dutch message.
            let missing = try await post(app, #"{"name":"Kim"}"#)
            #expect(missing.status == .unprocessableEntity, "\(missing.status) \(missing.body.string)")
            let missingProblem = try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: missing.body))
            #expect(missingProblem.error == "missing_field" && missingProblem.fields == ["slotId": "missing_field"])
            #expect(missingProblem.message == "Het veld slotId ontbreekt.")
            #expect(try await post(app, #"{"slotId":"\#(other.id!)","name":"\u0000"}"#).status == .unprocessableEntity)
            #expect(try await Booking.query(on: app.db).count() == 1)
        }
    }
}
