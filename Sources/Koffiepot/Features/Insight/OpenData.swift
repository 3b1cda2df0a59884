import Fluent
import Foundation
import SQLKit

/// The open-data export: per CBS *wijkcode* and month, what the dashboard counts — aggregates only, with the
/// same small-cell rule (`SmallCells`): a count of 1 to 4 is left out, a mean needs five ratings.
enum OpenData {
    struct Row: Sendable, Equatable {
        var wijkcode: String
        var month: String
        var consultationsHeld: Int?
        var gatheringVisits: Int?
        var questionsAnswered: Int?
        var ratings: Int?
        var satisfactionMean: Double?
    }

    /// The data dictionary: each column, its type and what it counts.
    static let dictionary: [(name: String, type: String, description: String)] = [
        (
            "wijkcode", "string",
            "CBS wijkcode (WK + 6 cijfers) of the locations counted, as in Kerncijfers wijken en buurten."
        ),
        ("month", "string", "YYYY-MM; a week counts in the month its Monday falls in."),
        (
            "consultationsHeld", "integer or null",
            "Parents at consultations that took place (spreekuur, conversations)."
        ),
        ("gatheringVisits", "integer or null", "Adults counted at gatherings and coffee mornings (tallies)."),
        ("questionsAnswered", "integer or null", "Anonymous questions answered."),
        ("ratings", "integer or null", "Satisfaction ratings given (1 to 5)."),
        ("satisfactionMean", "number or null", "Mean rating, one decimal; only from five ratings."),
    ]

    static func rows(year: Int, on db: any Database) async throws -> [Row] {
        let (first, last) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
        var rows: [String: Row] = [:]
        func key(_ wijk: String, _ week: String) -> String { "\(wijk) \(week.prefix(7))" }
        func row(_ wijk: String, _ week: String) -> Row {
            rows[key(wijk, week)] ?? Row(wijkcode: wijk, month: String(week.prefix(7)))
        }
        let facts = try await db.sql.raw(
            """
            SELECT l.wijkcode AS wijk, f.week AS week, f.kind AS kind, f.outcome AS outcome,
                   CAST(SUM(f.people) AS BIGINT) AS people
            FROM contact_facts f JOIN locations l ON l.id = f.location_id
            WHERE l.wijkcode IS NOT NULL AND f.week >= \(bind: first) AND f.week <= \(bind: last)
            GROUP BY l.wijkcode, f.week, f.kind, f.outcome
            """
        ).all()
        for fact in facts {
            let (wijk, week) = (
                try fact.decode(column: "wijk", as: String.self), try fact.decode(column: "week", as: String.self)
            )
            let (kind, outcome) = (
                try fact.decode(column: "kind", as: String.self), try fact.decode(column: "outcome", as: String.self)
            )
            let people = try fact.decode(column: "people", as: Int.self)
            var r = row(wijk, week)
            switch (kind, outcome) {
            case ("consultation", "held"): r.consultationsHeld = (r.consultationsHeld ?? 0) + people
            case ("gathering", "attended"), ("walk_in", "attended"):
                r.gatheringVisits = (r.gatheringVisits ?? 0) + people
            case ("question", "answered"): r.questionsAnswered = (r.questionsAnswered ?? 0) + people
            default: continue
            }
            rows[key(wijk, week)] = r
        }
        var scoreSums: [String: Int] = [:]
        let ratings = try await db.sql.raw(
            """
            SELECT l.wijkcode AS wijk, f.week AS week, COUNT(*) AS n, CAST(SUM(f.score) AS BIGINT) AS total
            FROM feedback f JOIN locations l ON l.id = f.location_id
            WHERE l.wijkcode IS NOT NULL AND f.week >= \(bind: first) AND f.week <= \(bind: last)
            GROUP BY l.wijkcode, f.week
            """
        ).all()
        for rating in ratings {
            let (wijk, week) = (
                try rating.decode(column: "wijk", as: String.self), try rating.decode(column: "week", as: String.self)
            )
            var r = row(wijk, week)
            r.ratings = (r.ratings ?? 0) + (try rating.decode(column: "n", as: Int.self))
            scoreSums[key(wijk, week), default: 0] += try rating.decode(column: "total", as: Int.self)
            rows[key(wijk, week)] = r
        }
        return rows.map { key, row in
            var row = row
            if let n = row.ratings, n >= SmallCells.threshold, let sum = scoreSums[key] {
                row.satisfactionMean = (Double(sum) / Double(n) * 10).rounded() / 10
            }
            row.consultationsHeld = protected(row.consultationsHeld)
            row.gatheringVisits = protected(row.gatheringVisits)
            row.questionsAnswered = protected(row.questionsAnswered)
            row.ratings = protected(row.ratings)
            return row
        }.sorted { ($0.wijkcode, $0.month) < ($1.wijkcode, $1.month) }
    }

    /// A count of 1 to 4 is left out, by the one small-cell rule; nothing counted is 0.
    private static func protected(_ count: Int?) -> Int? {
        SmallCells.protect([count ?? 0], withTotal: false).cells[0].value
    }

    static func csv(_ rows: [Row]) -> String {
        let header = dictionary.map(\.name).joined(separator: ",")
        let lines = rows.map { row -> String in
            let counts: [Int?] = [row.consultationsHeld, row.gatheringVisits, row.questionsAnswered, row.ratings]
            let cells: [String] = counts.map { $0.map(String.init) ?? "" }
            let mean: String = row.satisfactionMean.map { String(format: "%.1f", $0) } ?? ""
            return ([row.wijkcode, row.month] + cells + [mean]).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\r\n") + "\r\n"
    }
}
