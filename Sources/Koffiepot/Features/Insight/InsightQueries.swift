import Fluent
import Foundation
import SQLKit

/// The raw figures behind the dashboard, each one grouped in the database (indexes on week and location).
/// Nothing here is shown as is: `InsightReport` protects every count first.
struct InsightData: Sendable {
    var scores: [Int: Int] = [:]
    var monthly: [String: (n: Int, sum: Int)] = [:]
    var byKind: [String: (n: Int, sum: Int)] = [:]
    var contacts: [String: Int] = [:]          // "kind/outcome" → people
    var languages: [String: Int] = [:]
    var channels: [String: Int] = [:]
    var responseHours: [String: [Int: Int]] = [:]   // month → hours → questions
    var wishSupport: [String: Int] = [:]       // topic → supports
    var gatheringTopics: [String: Int] = [:]   // topic → gatherings held

    var responses: Int { scores.values.reduce(0, +) }
}

enum InsightQueries {
    /// `locations` nil means the whole municipality (including questions asked without a location).
    static func load(_ filter: InsightFilter, locations: [UUID]?, now: Date, on db: any Database) async throws -> InsightData {
        let sql = db as! any SQLDatabase
        let scope = where_(filter, locations)
        var data = InsightData()

        for row in try await sql.raw("SELECT score, COUNT(*) AS n FROM feedback WHERE " + scope + " GROUP BY score").all() {
            data.scores[try row.decode(column: "score", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw("SELECT substr(week, 1, 7) AS m, COUNT(*) AS n, CAST(SUM(score) AS BIGINT) AS s FROM feedback WHERE " + scope + " GROUP BY substr(week, 1, 7)").all() {
            data.monthly[try row.decode(column: "m", as: String.self)] = (try row.decode(column: "n", as: Int.self), try row.decode(column: "s", as: Int.self))
        }
        for row in try await sql.raw("SELECT kind, COUNT(*) AS n, CAST(SUM(score) AS BIGINT) AS s FROM feedback WHERE " + scope + " GROUP BY kind").all() {
            data.byKind[try row.decode(column: "kind", as: String.self)] = (try row.decode(column: "n", as: Int.self), try row.decode(column: "s", as: Int.self))
        }
        for row in try await sql.raw("SELECT kind, outcome, CAST(SUM(people) AS BIGINT) AS p FROM contact_facts WHERE " + scope + " GROUP BY kind, outcome").all() {
            data.contacts["\(try row.decode(column: "kind", as: String.self))/\(try row.decode(column: "outcome", as: String.self))"] = try row.decode(column: "p", as: Int.self)
        }
        for row in try await sql.raw("SELECT language, CAST(SUM(people) AS BIGINT) AS p FROM contact_facts WHERE " + scope + " AND language IS NOT NULL AND outcome <> 'no_show' GROUP BY language").all() {
            data.languages[try row.decode(column: "language", as: String.self)] = try row.decode(column: "p", as: Int.self)
        }
        for row in try await sql.raw("SELECT channel, CAST(SUM(people) AS BIGINT) AS p FROM contact_facts WHERE " + scope + " AND outcome = 'registered' GROUP BY channel").all() {
            data.channels[try row.decode(column: "channel", as: String?.self) ?? "direct"] = try row.decode(column: "p", as: Int.self)
        }
        // A histogram per month (hours → questions) is enough for a median and keeps the rows few.
        for row in try await sql.raw("SELECT substr(week, 1, 7) AS m, response_hours AS h, COUNT(*) AS n FROM contact_facts WHERE " + scope
                                     + " AND kind = 'question' AND response_hours IS NOT NULL GROUP BY substr(week, 1, 7), response_hours").all() {
            data.responseHours[try row.decode(column: "m", as: String.self), default: [:]][try row.decode(column: "h", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw("SELECT topic, CAST(SUM(supports) AS BIGINT) AS s FROM wishes WHERE " + scope + " AND status <> 'merged' GROUP BY topic").all() {
            data.wishSupport[try row.decode(column: "topic", as: String?.self) ?? "", default: 0] += try row.decode(column: "s", as: Int.self)
        }
        data.gatheringTopics = try await gatheringTopics(filter, locations: locations, now: now, on: db)
        return data
    }

    private static func where_(_ filter: InsightFilter, _ locations: [UUID]?) -> SQLQueryString {
        let (first, last) = filter.weekRange
        var scope = SQLQueryString("week >= \(bind: first) AND week <= \(bind: last)")
        if let locations { scope += locations.isEmpty ? " AND 1 = 0" : SQLQueryString(" AND location_id IN (\(binds: locations))") }
        return scope
    }

    /// "What could be better?" — the latest ten, and only when the group has at least five responses (with
    /// or without text), so no answer can be traced to one of a handful of parents.
    static func texts(_ filter: InsightFilter, locations: [UUID]?, on db: any Database) async throws -> [String]? {
        let sql = db as! any SQLDatabase
        let scope = where_(filter, locations)
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM feedback WHERE " + scope).first()?.decode(column: "n", as: Int.self) ?? 0
        guard n >= SmallCells.threshold else { return nil }
        return try await sql.raw("SELECT text FROM feedback WHERE " + scope + " AND text IS NOT NULL ORDER BY week DESC LIMIT 10").all()
            .map { try $0.decode(column: "text", as: String.self) }
    }

    /// Topics of gatherings held in the period (the offer side of "demand versus offer").
    private static func gatheringTopics(_ filter: InsightFilter, locations: [UUID]?, now: Date, on db: any Database) async throws -> [String: Int] {
        let (first, last) = filter.weekRange
        guard let start = LocalDate(first).flatMap({ $0.instant(minute: 0) }),
              let end = LocalDate(String(last.prefix(8)) + "01").map({ LocalDate(year: $0.year + ($0.month == 12 ? 1 : 0), month: $0.month % 12 + 1, day: 1) })?.instant(minute: 0)
        else { return [:] }
        var query = Gathering.query(on: db).filter(\.$cancelled == false).filter(\.$startsAt >= start).filter(\.$startsAt < min(end, now))
        if let locations { query = query.filter(\.$location.$id ~~ locations) }
        var counts: [String: Int] = [:]
        for gathering in try await query.field(\.$id).field(\.$topicKeys).all() {
            for topic in gathering.topics { counts[topic.rawValue, default: 0] += 1 }
        }
        return counts
    }
}
