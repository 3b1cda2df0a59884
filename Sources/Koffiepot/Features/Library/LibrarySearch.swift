import Fluent
import Foundation
import SQLKit

/// Full-text search in the library: SQLite FTS5 (prefix matching, diacritics folded) or PostgreSQL full text
/// with Dutch stemming ("slapen" finds "slaapt"). The typed text is reduced to words of letters and digits
/// before it reaches either query language, so it can never be read as search syntax.
enum LibrarySearch {
    struct Filter: Sendable {
        var text: String = ""
        var topic: Topic?
        var ageGroup: AgeGroup?
        /// `all` words must match (search) or `any` (suggestions while typing, best match first).
        var matchAll = true
        var limit = 50
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }.prefix(12)
            .map { $0 }
    }

    static func find(_ filter: Filter, on db: any Database) async throws -> [LibraryEntry] {
        var query = LibraryEntry.query(on: db)
        if let topic = filter.topic { query = query.filter(\.$topic == topic) }
        if let age = filter.ageGroup { query = query.filter(\.$ageGroup == age) }
        let words = words(filter.text)
        guard !words.isEmpty else { return try await query.sort(\.$publishedAt, .descending).limit(filter.limit).all() }
        let ranked = try await matchingIDs(words, matchAll: filter.matchAll, on: db)
        guard !ranked.isEmpty else { return [] }
        let found = try await query.filter(\.$id ~~ ranked).all()
        let order = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        return Array(found.sorted { order[$0.id!, default: 0] < order[$1.id!, default: 0] }.prefix(filter.limit))
    }

    /// Entry ids, best match first.
    private static func matchingIDs(_ words: [String], matchAll: Bool, on db: any Database) async throws -> [UUID] {
        let sql = db.sql
        let rows: [any SQLRow]
        if db.dialect == .postgresql {
            let query = words.map { "\($0):*" }.joined(separator: matchAll ? " & " : " | ")
            rows = try await sql.raw(
                """
                SELECT id AS entry_id FROM library_entries WHERE search @@ to_tsquery('dutch', \(bind: query))
                ORDER BY ts_rank(search, to_tsquery('dutch', \(bind: query))) DESC LIMIT 200
                """
            ).all()
        } else {
            let query = words.map { "\"\($0)\"*" }.joined(separator: matchAll ? " AND " : " OR ")
            rows = try await sql.raw(
                "SELECT entry_id FROM library_search WHERE library_search MATCH \(bind: query) ORDER BY rank LIMIT 200"
            ).all()
        }
        return try rows.map { try $0.decode(column: "entry_id", as: UUID.self) }
    }
}
