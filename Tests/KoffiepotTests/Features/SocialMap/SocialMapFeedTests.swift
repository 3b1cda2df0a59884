import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The open feed for the municipal social map: Open Referral HSDS 3.0, only what is public anyway.
@Suite struct SocialMapFeedTests {
    static let schemas = LocalizationTests.root.deletingLastPathComponent().appendingPathComponent(
        "shared/standards/hsds-3.0/compiled")
    static let python = ExternalPython.with("jsonschema")
    /// People of the demo who did not choose to be shown to parents.
    static let staffOnly = ["Karim Bouzid", "Marieke Hendriks"]

    struct Page: Decodable {
        let total_items: Int, total_pages: Int, page_number: Int, size: Int, first_page: Bool, last_page: Bool,
            empty: Bool
        let contents: [Item]
    }
    struct Item: Decodable { let id: String, name: String?, last_modified: String? }
    struct Problem: Decodable { let error: String }

    static func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path)
    }

    static func page(_ app: Application, _ path: String) async throws -> Page {
        let response = try await get(app, path)
        try #require(response.status == .ok, "\(path): \(response.status)")
        return try JSONDecoder().decode(Page.self, from: Data(buffer: response.body))
    }

    @Test(.enabled(if: python != nil || ExternalPython.required))
    func everyAnswerConformsToTheOfficialSchemas() async throws {
        let python = try #require(Self.python, "the test venv with jsonschema is missing")
        try #require(
            FileManager.default.fileExists(atPath: Self.schemas.path), "../shared/standards/hsds-3.0 is missing")
        try await withTestApp { app, _ in
            var answers: [[String: Any]] = []
            var texts: [String] = []
            func add(_ path: String, schema: String, paged: Bool) async throws {
                let response = try await Self.get(app, path)
                try #require(response.status == .ok, "\(path): \(response.status)")
                #expect(response.headers.contentType?.subType == "json", "\(path)")
                texts.append(response.body.string)
                answers.append([
                    "name": path, "schema": schema, "paged": paged,
                    "body": try JSONSerialization.jsonObject(with: Data(buffer: response.body)),
                ])
            }
            for (list, schema) in [
                ("services", "service"), ("organizations", "organization"),
                ("service_at_locations", "service_at_location"),
            ] {
                try await add("/hsds/\(list)?per_page=500", schema: "\(schema)_list", paged: true)
                let all = try await Self.page(app, "/hsds/\(list)?per_page=500")
                #expect(!all.empty, "\(list) is empty")
                for item in all.contents { try await add("/hsds/\(list)/\(item.id)", schema: schema, paged: false) }
            }
            let zip = try await Self.get(app, "/hsds/datapackage.zip")
            #expect(zip.status == .ok && zip.headers.contentType == .zip)
            let request: [String: Any] = [
                "schemas": Self.schemas.path, "answers": answers,
                "datapackage": Data(buffer: zip.body).base64EncodedString(),
            ]
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "hsds_validate.py"
            ).path
            let output = try #require(
                ExternalPython.run(python, [script], input: try JSONSerialization.data(withJSONObject: request)),
                "the validator did not run")
            let errors = try JSONDecoder().decode([String].self, from: Data(output.utf8))
            #expect(errors.isEmpty, "\(errors.count) errors, first: \(errors.prefix(5))")

            // What is in it: the support at every location, gatherings, the partners' public people — and nobody else.
            let everything = texts.joined()
            #expect(
                everything.contains("Opvoedondersteuning op Basisschool De Vlinder")
                    && everything.contains("Ellen Verbeek"))
            for name in Self.staffOnly { #expect(!everything.contains(name), "\(name) is staff-only") }
            #expect(!Data(buffer: zip.body).isEmpty)
        }
    }

    @Test func pagingSearchAndChangesSinceLastRead() async throws {
        try await withTestApp { app, clock in
            let all = try await Self.page(app, "/hsds/services?per_page=500")
            #expect(all.total_items == all.contents.count && all.total_pages == 1 && all.first_page && all.last_page)
            let second = try await Self.page(app, "/hsds/services?per_page=2&page=2")
            #expect(
                second.size == 2 && second.page_number == 2 && !second.first_page
                    && second.total_items == all.total_items)
            #expect(second.contents.map(\.id) == Array(all.contents.map(\.id)[2..<4]))
            let beyond = try await Self.page(app, "/hsds/services?per_page=2&page=999")
            #expect(beyond.size == 0 && beyond.last_page && !beyond.empty)

            let found = try await Self.page(app, "/hsds/services?search=vlinder")
            #expect(found.contents.contains { $0.name == "Opvoedondersteuning op Basisschool De Vlinder" })
            #expect(found.total_items < all.total_items)
            #expect(try await Self.page(app, "/hsds/services?search=zzzgeenzzz").empty)

            for (query, code) in [
                ("page=0", "bad_request"), ("per_page=veel", "bad_request"), ("modified_after=gisteren", "bad_date"),
            ] {
                let response = try await Self.get(app, "/hsds/services?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(
                    try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body)).error == code, "\(query)")
            }
            #expect(try await Self.get(app, "/hsds/services/\(UUID())").status == .notFound)

            // A partner changes what she does: after the last read, only what shows it has changed.
            clock.advance(seconds: 3600)
            let lastRead = SocialMapFeed.format(clock.now)
            #expect(try await Self.page(app, "/hsds/services?modified_after=\(lastRead)").empty)
            clock.advance(seconds: 60)
            let ellen = try #require(
                try await Professional.query(on: app.db).filter(\.$name == "Ellen Verbeek").first())
            ellen.helpsWith = "Ook over tandenpoetsen."
            try await ellen.save(on: app.db)
            let changed = try await Self.page(app, "/hsds/services?modified_after=\(lastRead)")
            #expect(changed.contents.map(\.name) == ["GGD Brabant-Zuidoost"])
            #expect(changed.contents.first?.last_modified == SocialMapFeed.format(clock.now))
            let links = try await Self.page(app, "/hsds/service_at_locations?modified_after=\(lastRead)")
            #expect(links.total_items == 1)

            // Chosen no longer to be shown: she is gone from the feed at once.
            for row in try await Professional.query(on: app.db).filter(\.$name == "Ellen Verbeek").all() {
                row.isPublic = false
                try await row.save(on: app.db)
            }
            #expect(
                !(try await Self.get(app, "/hsds/service_at_locations?per_page=500").body.string.contains(
                    "Ellen Verbeek")))
        }
    }
}
