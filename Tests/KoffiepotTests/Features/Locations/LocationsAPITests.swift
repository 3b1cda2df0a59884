import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct LocationsAPITests {
    struct LocationJSON: Decodable {
        let id: String, name: String, kind: String, neighbourhood: String, municipality: String
    }
    struct DetailJSON: Decodable { let id: String, name: String, advisors: [AdvisorJSON] }
    struct AdvisorJSON: Decodable { let name: String, initials: String, topics: [String] }
    struct PresenceJSON: Decodable {
        let date: String, start: String, end: String, advisorName: String, mode: String, status: String
    }
    struct ProblemJSON: Decodable { let title: String, status: Int, detail: String? }

    @Test func listsLocationsWithPromisedFields() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "/api/v1/locations") { res in
                #expect(res.status == .ok)
                let list = try JSONDecoder().decode([LocationJSON].self, from: Data(buffer: res.body))
                #expect(list.count == 7)
                #expect(
                    Set(list.map(\.kind)).isSuperset(of: [
                        "basisschool", "peuterspeelzaal", "kinderdagverblijf", "spil-centrum", "consultatiebureau",
                    ]))
                #expect(Set(list.map(\.neighbourhood)).count >= 2)
            }
        }
    }

    @Test func detailAndPresenceWithOffsets() async throws {
        try await withTestApp { app, _ in
            let id = try await app.location(named: "SPIL-centrum De Boomgaard").id!.uuidString
            try await app.testing().test(.GET, "/api/v1/locations/\(id)") { res in
                let detail = try JSONDecoder().decode(DetailJSON.self, from: Data(buffer: res.body))
                #expect(detail.advisors.map(\.name) == ["Anja de Vries"])
                #expect(detail.advisors[0].initials == "AV")
            }
            try await app.testing().test(.GET, "/api/v1/locations/\(id)/presence?from=2026-03-23&to=2026-04-05") {
                res in
                #expect(res.status == .ok)
                let moments = try JSONDecoder().decode([PresenceJSON].self, from: Data(buffer: res.body))
                #expect(
                    moments.map(\.start) == [
                        "2026-03-24T08:30:00+01:00", "2026-03-26T13:00:00+01:00",
                        "2026-03-31T08:30:00+02:00", "2026-04-02T13:00:00+02:00",
                    ])
                #expect(moments[0].mode == "walk_in")
            }
        }
    }

    @Test func badInputGivesProblemJSON() async throws {
        try await withTestApp { app, _ in
            let id = try await app.location(named: "SPIL-centrum De Boomgaard").id!.uuidString
            for query in [
                "from=2026-13-01", "from=yesterday", "from=2026-01-01&to=2026-06-01", "from=2026-02-01&to=2026-01-01",
            ] {
                try await app.testing().test(.GET, "/api/v1/locations/\(id)/presence?\(query)") { res in
                    #expect(res.status == .badRequest, "\(query)")
                    #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                    let problem = try JSONDecoder().decode(ProblemJSON.self, from: Data(buffer: res.body))
                    #expect(problem.status == 400)
                    #expect(problem.detail?.isEmpty == false)
                }
            }
            for path in ["/api/v1/locations/\(UUID())", "/api/v1/locations/nope/presence", "/api/v1/nothing-here"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                }
            }
        }
    }

    @Test func specIsServed() async throws {
        try await withTestApp(demo: false) { app, _ in
            try await app.testing().test(.GET, "/api/v1/openapi.yaml") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("operationId: getLocationPresence"))
            }
        }
    }
}
