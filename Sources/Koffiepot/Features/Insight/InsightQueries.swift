import Fluent
import Foundation
import SQLKit

/// The raw figures behind the dashboard, each one grouped in the database (indexes on week and location).
/// Nothing here is shown as is: `InsightReport` protects every count first.
struct InsightData: Sendable {
    var scores: [Int: Int] = [:]
    var monthly: [String: (n: Int, sum: Int)] = [:]
    var byKind: [String: (n: Int, sum: Int)] = [:]
    var contacts: [String: Int] = [:]  // "kind/outcome" → people
    var languages: [String: Int] = [:]
    var channels: [String: Int] = [:]
    var responseHours: [String: [Int: Int]] = [:]  // month → hours → questions
    var wishSupport: [String: Int] = [:]  // topic → supports
    var gatheringTopics: [String: Int] = [:]  // topic → gatherings held
    /// The most supported open wishes with at least five supporters (their words are free text).
    var topWishes: [(topic: Topic?, text: String, supports: Int)] = []
    /// Contacts that came through a teacher: month, location name, kind (`conversation`, `look_along`) and count.
    var referrals: [(month: String, location: String, kind: String, n: Int)] = []
    /// Free text for groups of at least five responses; nil for a smaller group.
    var texts: [String]? = nil

    var responses: Int { scores.values.reduce(0, +) }
}

enum InsightQueries {
    /// `locations` nil means the whole municipality (including questions asked without a location).
    /// `beside` is a second connection (`Request.besideDB`): the largest scan, over the contact facts, runs there
    /// while the others take turns on `db`.
    static func load(
        _ filter: InsightFilter, locations: [UUID]?, now: Date, on db: any Database, beside: any Database
    ) async throws -> InsightData {
        let scope = where_(filter, locations)
        async let feedback = feedbackGroups(scope, on: db)
        async let contacts = contactGroups(scope, on: beside)
        async let hours = responseHistogram(scope, on: db)
        async let wishes = wishSupport(scope, on: db)
        async let top = topWishes(scope, on: db)
        async let topics = gatheringTopics(filter, locations: locations, now: now, on: db)
        async let referrals = referralGroups(scope, on: db)
        var data = try await feedback
        (data.contacts, data.languages, data.channels) = try await contacts
        data.responseHours = try await hours
        data.wishSupport = try await wishes
        data.topWishes = try await top
        data.gatheringTopics = try await topics
        data.referrals = try await referrals
        data.texts = try await texts(scope, responses: data.responses, on: db)
        return data
    }

    /// One pass over feedback, grouped by week, kind and score (the order of the `feedback_weeks` index, so no
    /// sorting); months and the three satisfaction views are sums of it.
    private static func feedbackGroups(_ scope: SQLQueryString, on db: any Database) async throws -> InsightData {
        let sql = db.sql
        var data = InsightData()
        for row in try await sql.raw(
            "SELECT week, kind, score, COUNT(*) AS n FROM feedback WHERE " + scope + " GROUP BY week, kind, score"
        ).all() {
            let (month, kind) = (
                String(try row.decode(column: "week", as: String.self).prefix(7)),
                try row.decode(column: "kind", as: String.self)
            )
            let (score, n) = (try row.decode(column: "score", as: Int.self), try row.decode(column: "n", as: Int.self))
            data.scores[score, default: 0] += n
            data.monthly[month, default: (0, 0)].n += n
            data.monthly[month, default: (0, 0)].sum += n * score
            data.byKind[kind, default: (0, 0)].n += n
            data.byKind[kind, default: (0, 0)].sum += n * score
        }
        return data
    }

    /// One pass over the contact facts: people per kind/outcome, per language (no-shows left out) and per
    /// invitation channel (registrations).
    private static func contactGroups(_ scope: SQLQueryString, on db: any Database) async throws
        -> (contacts: [String: Int], languages: [String: Int], channels: [String: Int])
    {
        let sql = db.sql
        var contacts: [String: Int] = [:], languages: [String: Int] = [:], channels: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT kind, outcome, language, channel, CAST(SUM(people) AS BIGINT) AS p FROM contact_facts WHERE "
                + scope
                + " GROUP BY kind, outcome, language, channel"
        ).all() {
            let kind = try row.decode(column: "kind", as: String.self),
                outcome = try row.decode(column: "outcome", as: String.self)
            let people = try row.decode(column: "p", as: Int.self)
            contacts["\(kind)/\(outcome)", default: 0] += people
            if outcome != "no_show", let language = try row.decode(column: "language", as: String?.self) {
                languages[language, default: 0] += people
            }
            if outcome == "registered" {
                channels[try row.decode(column: "channel", as: String?.self) ?? "direct", default: 0] += people
            }
        }
        return (contacts, languages, channels)
    }

    /// Support requests and look-along requests that came through teachers, per week's month, location and kind.
    private static func referralGroups(_ scope: SQLQueryString, on db: any Database) async throws
        -> [(month: String, location: String, kind: String, n: Int)]
    {
        let sql = db.sql
        return try await sql.raw(
            // Grouped by month in the database: three years of a municipality are thousands of week rows.
            "SELECT substr(week, 1, 7) AS month, locations.name AS location, teacher_referrals.kind AS kind, "
                + "COUNT(*) AS n FROM teacher_referrals "
                + "JOIN locations ON locations.id = teacher_referrals.location_id WHERE " + scope
                + " GROUP BY substr(week, 1, 7), locations.name, teacher_referrals.kind"
        ).all().map { row in
            (
                try row.decode(column: "month", as: String.self),
                try row.decode(column: "location", as: String.self),
                try row.decode(column: "kind", as: String.self), try row.decode(column: "n", as: Int.self)
            )
        }
    }

    /// A histogram per month (hours → questions) is enough for a median and keeps the rows few.
    private static func responseHistogram(_ scope: SQLQueryString, on db: any Database) async throws -> [String: [Int:
        Int]]
    {
        let sql = db.sql
        var result: [String: [Int: Int]] = [:]
        for row in try await sql.raw(
            "SELECT week, response_hours AS h, COUNT(*) AS n FROM contact_facts WHERE kind = 'question' AND "
                + scope + " AND response_hours IS NOT NULL GROUP BY week, response_hours"
        ).all() {
            let month = String(try row.decode(column: "week", as: String.self).prefix(7))
            result[month, default: [:]][try row.decode(column: "h", as: Int.self), default: 0] += try row.decode(
                column: "n", as: Int.self)
        }
        return result
    }

    private static func topWishes(_ scope: SQLQueryString, on db: any Database) async throws -> [(
        topic: Topic?, text: String, supports: Int
    )] {
        let sql = db.sql
        return try await sql.raw(
            "SELECT topic, text, supports FROM wishes WHERE " + scope
                + " AND status = 'open' AND supports >= \(bind: SmallCells.threshold)"
                + " ORDER BY supports DESC LIMIT 10"
        ).all().map { row in
            (
                try row.decode(column: "topic", as: String?.self).flatMap(Topic.init(rawValue:)),
                try row.decode(column: "text", as: String.self),
                try row.decode(column: "supports", as: Int.self)
            )
        }
    }

    private static func wishSupport(_ scope: SQLQueryString, on db: any Database) async throws -> [String: Int] {
        let sql = db.sql
        var result: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT topic, CAST(SUM(supports) AS BIGINT) AS s FROM wishes WHERE " + scope
                + " AND status <> 'merged' GROUP BY topic"
        ).all() {
            result[try row.decode(column: "topic", as: String?.self) ?? "", default: 0] += try row.decode(
                column: "s", as: Int.self)
        }
        return result
    }

    /// The reach figures of one school year: people per location and conversation language (no-shows left out)
    /// and first contacts this school year per location (contacts, not people: one answer per family).
    static func reach(in year: SchoolYear, at locations: [UUID], on db: any Database) async throws -> (
        contacts: [UUID: [String: Int]], firstContacts: [UUID: Int]
    ) {
        var contacts: [UUID: [String: Int]] = [:], firsts: [UUID: Int] = [:]
        guard !locations.isEmpty else { return (contacts, firsts) }
        for row in try await db.sql.raw(
            """
            SELECT location_id, language, CAST(SUM(people) AS BIGINT) AS p,
                CAST(SUM(CASE WHEN first_contact THEN 1 ELSE 0 END) AS BIGINT) AS f
            FROM contact_facts
            WHERE week >= \(bind: year.firstWeek) AND week < \(bind: year.endWeek) AND outcome <> 'no_show'
                AND location_id IN (\(binds: locations))
            GROUP BY location_id, language
            """
        ).all() {
            let location = try row.decode(column: "location_id", as: UUID.self)
            if let language = try row.decode(column: "language", as: String?.self) {
                contacts[location, default: [:]][language, default: 0] += try row.decode(column: "p", as: Int.self)
            }
            firsts[location, default: 0] += try row.decode(column: "f", as: Int.self)
        }
        return (contacts, firsts)
    }

    private static func where_(_ filter: InsightFilter, _ locations: [UUID]?) -> SQLQueryString {
        let (first, last) = filter.weekRange
        var scope = SQLQueryString("week >= \(bind: first) AND week <= \(bind: last)")
        if let locations {
            scope += locations.isEmpty ? " AND 1 = 0" : SQLQueryString(" AND location_id IN (\(binds: locations))")
        }
        return scope
    }

    /// "What could be better?" — the latest ten, and only when the group has at least five responses (with
    /// or without text), so no answer can be traced to one of a handful of parents. `responses` is the group's
    /// size, already counted by `feedbackGroups`.
    private static func texts(_ scope: SQLQueryString, responses: Int, on db: any Database) async throws -> [String]? {
        guard responses >= SmallCells.threshold else { return nil }
        return try await db.sql.raw(
            "SELECT text FROM feedback WHERE " + scope + " AND text IS NOT NULL ORDER BY week DESC LIMIT 10"
        ).all()
            .map { try $0.decode(column: "text", as: String.self) }
    }

    /// Topics of gatherings held in the period (the offer side of "demand versus offer").
    private static func gatheringTopics(_ filter: InsightFilter, locations: [UUID]?, now: Date, on db: any Database)
        async throws -> [String: Int]
    {
        let (first, last) = filter.weekRange
        guard let start = LocalDate(first).flatMap({ $0.instant(minute: 0) }),
            let end = LocalDate(String(last.prefix(8)) + "01").map({
                LocalDate(year: $0.year + ($0.month == 12 ? 1 : 0), month: $0.month % 12 + 1, day: 1)
            })?.instant(minute: 0)
        else { return [:] }
        var query = Gathering.query(on: db).filter(\.$cancelled == false).filter(\.$startsAt >= start).filter(
            \.$startsAt < min(end, now))
        if let locations { query = query.filter(\.$location.$id ~~ locations) }
        var counts: [String: Int] = [:]
        for gathering in try await query.field(\.$id).field(\.$topicKeys).all() {
            for topic in gathering.topics { counts[topic.rawValue, default: 0] += 1 }
        }
        return counts
    }
}
