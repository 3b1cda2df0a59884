import Fluent
import Foundation
import SQLKit
import Vapor

/// `koffiepot demo --scale N`: a realistic municipality of N locations with three years of history — about
/// 3,300 contacts and 1,600 feedback responses per location (200k and 100k at N = 60) — for the dashboard
/// benchmark. The numbers follow the seasons (quiet summer holidays, busy autumn) and differ per location,
/// so some groups are small and the dashboard has "<5" cells to show.
struct DemoScaleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "Number of locations (default 60)")
        var scale: Int?
    }

    var help: String { "Fills the database with a generated municipality for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await app.loadSecret()
        if try await Location.query(on: app.db).count() == 0 {
            _ = try await DemoData.seed(
                on: app.db, passwords: app.password, today: LocalDate(containing: app.clock.now()))
        }
        let started = Date()
        let totals = try await DemoScale.generate(
            locations: max(signature.scale ?? 60, 1), today: LocalDate(containing: app.clock.now()), on: app.db)
        context.console.success(
            "Generated \(totals.facts) contacts, \(totals.feedback) feedback responses and \(totals.wishes) wishes "
                + "for \(totals.locations) locations in \(Int(Date().timeIntervalSince(started))) s.")
    }
}

enum DemoScale {
    struct Totals { var locations = 0, facts = 0, feedback = 0, wishes = 0 }

    static let neighbourhoods = [
        "Woensel-Noord", "Woensel-Zuid", "Strijp", "Stratum", "Gestel", "Tongelre", "Centrum", "Meerhoven",
    ]
    /// Demo CBS *wijkcodes* in the format of the real ones (municipality 0772, district two digits).
    static let wijkcodes = Dictionary(
        uniqueKeysWithValues: [
            "Centrum", "Stratum", "Strijp", "Woensel-Zuid", "Woensel-Noord", "Tongelre", "Gestel",
            "Meerhoven",
        ].enumerated().map { ($1, "WK0772\(10 + $0)") })
    static let languages = [("nl", 70), ("ar", 8), ("tr", 8), ("pl", 5), ("en", 5), ("uk", 4)]
    static let channels = [("direct", 55), ("advisor", 15), ("teacher", 20), ("ambassador", 10)]

    /// A small deterministic generator, so two runs give the same municipality.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func weighted(_ options: [(String, Int)]) -> String {
            var pick = int(1...options.map(\.1).reduce(0, +))
            for (value, weight) in options { pick -= weight; if pick <= 0 { return value } }
            return options[0].0
        }
    }

    static func generate(locations count: Int, today: LocalDate, on db: any Database) async throws -> Totals {
        var locations = try await Location.query(on: db).all()
        while locations.count < count {
            let n = locations.count + 1
            let kind = LocationKind.allCases[n % LocationKind.allCases.count]
            let location = Location(
                name: "Locatie \(n) (\(neighbourhoods[n % neighbourhoods.count]))", kind: kind,
                address: "Schoolstraat \(n), Eindhoven",
                neighbourhood: neighbourhoods[n % neighbourhoods.count], municipality: "Eindhoven", region: .south)
            location.wijkcode = wijkcodes[location.neighbourhood]
            try await location.create(on: db)
            locations.append(location)
        }
        try await schoolFamilies(of: locations, today: today, on: db)
        return try await history(of: locations, weeks: 156, through: today.startOfWeek.adding(days: -7), on: db)
    }

    /// The demo municipality's last twelve months, written on the first start so that every section of the
    /// insight dashboard has figures above the small-cell threshold from the first look. It ends before the
    /// current month (by the month of this week's Monday), so what happens this month stands on its own.
    static func firstStartHistory(today: LocalDate, on db: any Database) async throws -> Totals {
        let monday = today.startOfWeek
        var last = monday
        while last.month == monday.month { last = last.adding(days: -7) }
        let locations = try await Location.query(on: db).sort(\.$name).all()
        try await schoolFamilies(of: locations, today: today, on: db)
        // Every wish already has five supporters or more, so what parents propose today stands out as new.
        return try await history(of: locations, weeks: 52, through: last, supports: 5...30, on: db)
    }

    /// What the demo schools "know anyway" for this school year and the last: families and home languages,
    /// with more Turkish- and Arabic-speaking families than the contacts show — the gap the dashboard names.
    static func schoolFamilies(of locations: [Location], today: LocalDate, on db: any Database) async throws {
        let year = SchoolYear(containing: today)
        for (index, location) in locations.enumerated() {
            let shares = [
                "nl": 58 - index % 4 * 3, "tr": 14 + index % 3 * 4, "ar": 10 + index % 2 * 3, "pl": 5, "en": 3,
                "uk": 3, "so": 2,
            ]
            for y in [year.previous, year] {
                try await SchoolFamiliesStore.replace(
                    at: location.requireID(), in: y,
                    with: SchoolFamilies(families: 160 + index * 37 % 240, shares: shares), now: Date(), on: db)
            }
        }
    }

    /// `weeks` weeks of anonymous contacts, feedback and wishes per location, the last starting on `lastMonday`.
    static func history(
        of locations: [Location], weeks: Int, through lastMonday: LocalDate, supports: ClosedRange<Int> = 1...30,
        on db: any Database
    ) async throws -> Totals {
        var random = Random(state: 20261124)
        // Her optional "first contact this school year?" from its own stream, so the rest of the history stays
        // what it was: about a third say yes, a third no, the rest skip it.
        var answers = Random(state: 7)
        func firstContact() -> Bool? { [true, false, nil][answers.int(0...2)] }
        var totals = Totals()
        totals.locations = locations.count
        let sql = db.sql
        let firstMonday = lastMonday.adding(days: -7 * (weeks - 1))
        let today = lastMonday
        var facts: [[any Encodable & Sendable]] = [], feedback: [[any Encodable & Sendable]] = []
        var referrals: [[any Encodable & Sendable]] = []
        for (index, location) in locations.enumerated() {
            let id = try location.requireID()
            // Some locations are busy, a few are very quiet (their groups stay under five).
            let size = index % 10 == 9 ? 0.1 : 0.6 + Double(index % 7) * 0.15
            for week in 0..<weeks {
                let monday = firstMonday.adding(days: 7 * week).description
                let season = [7, 8].contains(Int(monday.dropFirst(5).prefix(2))!) ? 0.3 : 1.0
                let load = size * season
                func times(_ base: Double) -> Int { Int((base * load).rounded()) + random.int(0...1) }
                for _ in 0..<times(8) {
                    let held = random.int(1...10) > 1
                    facts.append([
                        UUID(), "consultation", held ? "held" : "no_show", monday, id, random.weighted(languages),
                        "parent", topic(&random), 1, nil as Int?, firstContact(),
                    ])
                }
                for _ in 0..<times(7) {
                    facts.append([
                        UUID(), "gathering", "registered", monday, id, random.weighted(languages),
                        random.weighted(channels), topic(&random), random.int(1...2), nil as Int?, firstContact(),
                    ])
                }
                for _ in 0..<times(4) {
                    facts.append([
                        UUID(), random.int(1...2) == 1 ? "gathering" : "walk_in", "attended", monday, id,
                        random.weighted(languages), nil as String?, topic(&random), random.int(3...14), nil as Int?,
                        nil as Bool?,
                    ])
                }
                for _ in 0..<times(3) {
                    facts.append([
                        UUID(), "question", "answered", monday, id, random.weighted(languages), "direct",
                        topic(&random), 1, random.int(1...70) as Int?, firstContact(),
                    ])
                }
                for _ in 0..<times(12) {
                    let kind = ["consultation", "gathering", "question", "walk_in"][random.int(0...3)]
                    let score = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1][random.int(0...10)]
                    feedback.append([
                        UUID(), kind, id, score,
                        random.int(1...12) == 1 ? "Meer avondbijeenkomsten graag" : nil as String?, monday,
                    ])
                }
                for _ in 0..<times(1) {
                    referrals.append([UUID(), random.int(1...3) == 1 ? "look_along" : "conversation", monday, id])
                }
                if facts.count >= 2000 { totals.facts += try await flush(&facts, into: "contact_facts", sql) }
                if feedback.count >= 2000 { totals.feedback += try await flush(&feedback, into: "feedback", sql) }
            }
            for n in 0..<random.int(2...6) {
                let wish = Wish()
                wish.$location.id = id
                wish.topic = Topic.allCases[random.int(0...(Topic.allCases.count - 1))]
                wish.text = ["", "Graag een avond hierover", "Voor vaders ook"][n % 3]
                wish.status = .open
                wish.supports = random.int(supports)
                wish.week = today.adding(days: -7 * random.int(0...(weeks - 1))).description
                try await wish.create(on: db)
                totals.wishes += 1
            }
        }
        totals.facts += try await flush(&facts, into: "contact_facts", sql)
        totals.feedback += try await flush(&feedback, into: "feedback", sql)
        _ = try await flush(&referrals, into: "teacher_referrals", sql)
        try await homeActivities(from: firstMonday, weeks: weeks, &random, on: db)
        return totals
    }

    /// Families that did the home themes' activities ("Dit deden wij!"), from a few dozen devices per theme.
    private static func homeActivities(
        from firstMonday: LocalDate, weeks: Int, _ random: inout Random, on db: any Database
    )
        async throws
    {
        var rows: [[any Encodable & Sendable]] = []
        for activity in try await HomeActivity.query(on: db).all() {
            for family in 0..<random.int(4...14) {
                let day = firstMonday.adding(days: random.int(0...(7 * weeks - 1)))
                rows.append([
                    UUID(), try activity.requireID(), "demo-\(activity.$theme.id)-\(family)",
                    day.instant(minute: 16 * 60) ?? Date(),
                ])
            }
        }
        _ = try await flush(&rows, into: "home_activity_done", db.sql)
    }

    private static func topic(_ random: inout Random) -> String {
        Topic.allCases[random.int(0...(Topic.allCases.count - 1))].rawValue
    }

    private static func flush(_ rows: inout [[any Encodable & Sendable]], into table: String, _ sql: any SQLDatabase)
        async throws -> Int
    {
        guard !rows.isEmpty else { return 0 }
        let columns =
            switch table {
            case "feedback": ["id", "kind", "location_id", "score", "text", "week"]
            case "teacher_referrals": ["id", "kind", "week", "location_id"]
            case "home_activity_done": ["id", "activity_id", "device_key", "created_at"]
            default:
                [
                    "id", "kind", "outcome", "week", "location_id", "language", "channel", "topic", "people",
                    "response_hours", "first_contact",
                ]
            }
        for chunk in stride(from: 0, to: rows.count, by: 400).map({ Array(rows[$0..<min($0 + 400, rows.count)]) }) {
            var insert = sql.insert(into: table).columns(columns)
            for row in chunk { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
        }
        let count = rows.count
        rows.removeAll(keepingCapacity: true)
        return count
    }
}
