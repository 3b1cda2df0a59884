import Fluent
import Foundation
import SQLKit

/// What a school knows anyway, entered by staff per location and school year: its number of families.
final class SchoolFamilyFigures: Model, @unchecked Sendable {
    static let schema = "school_families"

    @ID(key: .id) var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Field(key: "school_year") var schoolYear: String
    @Field(key: "families") var families: Int
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$figures) var shares: [SchoolLanguageShare]

    init() {}
}

/// The share of a school's families (whole percent) that speaks one home language.
final class SchoolLanguageShare: Model, @unchecked Sendable {
    static let schema = "school_family_languages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_families_id") var figures: SchoolFamilyFigures
    @Field(key: "language") var language: String
    @Field(key: "percent") var percent: Int

    init() {}
}

/// Reads and replaces the families figures; a replacement is one transaction, so the dashboard never sees the
/// families of one version with the shares of another.
enum SchoolFamiliesStore {
    /// One query with its shares joined (the dashboard reads the figures of up to a whole municipality's schools).
    static func figures(at locations: [UUID], in year: SchoolYear, on db: any Database) async throws -> [UUID:
        SchoolFamilies]
    {
        guard !locations.isEmpty else { return [:] }
        var families: [UUID: Int] = [:], shares: [UUID: [String: Int]] = [:]
        for row in try await db.sql.raw(
            """
            SELECT f.location_id AS location, f.families AS families, s.language AS language, s.percent AS percent
            FROM school_families f LEFT JOIN school_family_languages s ON s.school_families_id = f.id
            WHERE f.school_year = \(bind: year.description) AND f.location_id IN (\(binds: locations))
            """
        ).all() {
            let location = try row.decode(column: "location", as: UUID.self)
            families[location] = try row.decode(column: "families", as: Int.self)
            if let language = try row.decode(column: "language", as: String?.self),
                let percent = try row.decode(column: "percent", as: Int?.self)
            {
                shares[location, default: [:]][language] = percent
            }
        }
        return families.reduce(into: [:]) { result, entry in
            result[entry.key] = SchoolFamilies(families: entry.value, shares: shares[entry.key] ?? [:])
        }
    }

    static func replace(
        at location: UUID, in year: SchoolYear, with figures: SchoolFamilies, now: Date, on db: any Database
    ) async throws {
        try await WriteTransaction.run(on: db) { tx in
            try await SchoolFamilyFigures.query(on: tx).filter(\.$location.$id == location)
                .filter(\.$schoolYear == year.description).delete()
            let row = SchoolFamilyFigures()
            row.$location.id = location
            row.schoolYear = year.description
            row.families = figures.families
            row.updatedAt = now
            try await row.create(on: tx)
            for (language, percent) in figures.shares.sorted(by: { $0.key < $1.key }) {
                let share = SchoolLanguageShare()
                share.$figures.id = try row.requireID()
                share.language = language
                share.percent = percent
                try await share.create(on: tx)
            }
        }
    }
}
