import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// One test per status of the API's problem contract: a stable `error` code and a catalogue message in
/// the caller's language, never the decoder's raw text.
@Suite struct APIProblemTests {
    struct ProblemJSON: Decodable { let status: Int, error: String, message: String, fields: [String: String]? }

    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, body: String?, contentType: HTTPMediaType? = .json,
        headers extra: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let contentType { headers.contentType = contentType }
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            result = $0
        }
        return try #require(result)
    }

    func problem(_ response: TestingHTTPResponse) throws -> ProblemJSON {
        #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        return try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: response.body))
    }

    @Test func unreadableJSONIsA400InTheCallersLanguage() async throws {
        try await withTestApp { app, _ in
            let dutch = try await send(app, .POST, "/api/v1/bookings", body: #"{"name":"#)
            #expect(dutch.status == .badRequest)
            #expect(try problem(dutch).error == "malformed_json")
            #expect(try problem(dutch).message == app.catalogues.text("api.error.malformed_json", .nl))
            let english = try await send(app, .POST, "/api/v1/bookings?lang=en", body: #"{"name":"#)
            #expect(try problem(english).message == "We cannot read the data. Send valid JSON.")
            let arabic = try await send(
                app, .POST, "/api/v1/bookings", body: "[1,", headers: [("Accept-Language", "ar,nl;q=0.5")])
            #expect(try problem(arabic).error == "malformed_json")
            #expect(try problem(arabic).message == app.catalogues.text("api.error.malformed_json", .ar))
            #expect(
                app.catalogues.text("api.error.malformed_json", .ar)
                    != app.catalogues.text("api.error.malformed_json", .nl))
        }
    }

    @Test func aBodyThatIsNotJSONIsA415() async throws {
        try await withTestApp { app, _ in
            let response = try await send(
                app, .POST, "/api/v1/bookings?lang=tr", body: "naam=Kim", contentType: .urlEncodedForm)
            #expect(response.status == .unsupportedMediaType)
            #expect(try problem(response).error == "unsupported_media_type")
            #expect(try problem(response).message == app.catalogues.text("api.error.unsupported_media_type", .tr))
        }
    }

    @Test func aMissingOrWrongFieldIsA422NamingIt() async throws {
        try await withTestApp { app, _ in
            let missing = try await send(app, .POST, "/api/v1/feedback?lang=en", body: #"{"score":5}"#)
            #expect(missing.status == .unprocessableEntity, "\(missing.body.string)")
            #expect(try problem(missing).error == "missing_field")
            #expect(try problem(missing).fields == ["code": "missing_field"])
            #expect(try problem(missing).message == "The field code is missing.")
            let wrongType = try await send(
                app, .POST, "/api/v1/feedback?lang=en", body: #"{"code":"AAAA-AAAA-AAAA","score":"vijf"}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(try problem(wrongType).error == "invalid_field")
            #expect(try problem(wrongType).fields == ["score": "invalid_field"])
        }
    }

    @Test func aBodyOverTheLimitIsA413AndNothingIsStored() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let text = String(repeating: "a", count: 300_000)
            let response = try await send(
                app, .POST, "/api/v1/wishes",
                body: #"{"locationId":"\#(location.id!.uuidString)","text":"\#(text)"}"#)
            #expect(response.status == .payloadTooLarge)
            #expect(try problem(response).error == "too_large")
            #expect(try await Wish.query(on: app.db).filter(\.$text == text).count() == 0)
        }
    }

    @Test func tooManyCodeLookupsAreA429WithRetryAfter() async throws {
        try await withTestApp { app, _ in
            for _ in 0..<app.settings.lookupLimit {
                #expect(
                    try await send(app, .GET, "/api/v1/bookings/AAAA-AAAA-AAAA", body: nil, contentType: nil).status
                        == .notFound)
            }
            let blocked = try await send(
                app, .GET, "/api/v1/bookings/AAAA-AAAA-AAAA", body: nil, contentType: nil,
                headers: [("Accept-Language", "uk")])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: .retryAfter) == "600")
            #expect(try problem(blocked).error == "rate_limited")
            #expect(try problem(blocked).message == app.catalogues.text("api.error.rate_limited", .uk))
        }
    }

    /// An operation whose fields are all optional accepts no body at all, as if it were `{}`.
    @Test func anEmptyBodyCountsAsAnEmptyObject() async throws {
        try await withTestApp { app, clock in
            let location = try await app.location(named: "Basisschool De Vlinder")
            // Proposed by another parent's phone, so this caller has not supported it yet.
            let wishID = try await WishService(db: app.db, settings: app.settings, now: clock.now).propose(
                locationID: location.id!, topic: .language, text: "Voorlezen in het Arabisch",
                deviceKey: "another-parents-phone",
                contact: (.none, nil), language: .nl)
            let id = wishID.uuidString
            let before = try #require(try await Wish.find(UUID(uuidString: id), on: app.db)).supports
            let supported = try await send(app, .POST, "/api/v1/wishes/\(id)/supports", body: nil, contentType: nil)
            #expect(supported.status == .created, "\(supported.body.string)")
            #expect(try await Wish.find(UUID(uuidString: id), on: app.db)?.supports == before + 1)
        }
    }
}
