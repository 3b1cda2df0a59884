import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

@Suite struct DataSafetyTests {
    /// Every column in the live schema must be in the data inventory, so personal data cannot slip in unlisted.
    @Test func everyColumnIsInTheDataInventory() async throws {
        try await withTestApp(demo: false) { app, _ in
            let sql = app.db as! any SQLDatabase
            var live: Set<String> = []
            if sql.dialect.name == "sqlite" {
                let tables = try await sql.raw(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_fluent_%'"
                ).all()
                for table in try tables.map({ try $0.decode(column: "name", as: String.self) }) {
                    for row in try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all() {
                        live.insert("\(table).\(try row.decode(column: "name", as: String.self))")
                    }
                }
            } else {
                let rows = try await sql.raw(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_fluent\\_%'"
                ).all()
                for row in rows {
                    live.insert(
                        "\(try row.decode(column: "table_name", as: String.self)).\(try row.decode(column: "column_name", as: String.self))"
                    )
                }
            }
            live = live.filter { column in !DataInventory.derivedSearchIndexes.contains { column.hasPrefix($0) } }
            let listed = Set(DataInventory.columns.map { "\($0.table).\($0.column)" })
            #expect(live.subtracting(listed).isEmpty, "not in DataInventory: \(live.subtracting(listed).sorted())")
            #expect(listed.subtracting(live).isEmpty, "listed but gone: \(listed.subtracting(live).sorted())")
        }
    }

    @Test func accessLogIsAppendOnly() async throws {
        try await withTestApp { app, _ in
            let admin = try await app.staff("admin@koffiepot.test")
            let entry = AccessLogEntry(at: Date(), staffUserID: admin.id!, role: .admin, subject: "staff_users.list")
            try await entry.create(on: app.db)
            entry.subject = "rewritten"
            await #expect(throws: (any Error).self) { try await entry.update(on: app.db) }
            let stored = try await AccessLogEntry.query(on: app.db).first()
            #expect(stored?.subject == "staff_users.list")
        }
    }

    @Test func databaseRefusesImpossiblePresenceTimes() async throws {
        try await withTestApp { app, _ in
            let location = try await app.location(named: "Basisschool De Vlinder")
            let petra = try await app.staff("petra@koffiepot.test")
            func rule(weekday: Int, start: Int, end: Int) -> PresenceRule {
                let rule = PresenceRule()
                rule.$location.id = location.id!
                rule.$advisor.id = petra.id!
                rule.weekday = weekday
                rule.startMinute = start
                rule.endMinute = end
                rule.room = ""
                rule.mode = .walkIn
                return rule
            }
            // Each constraint on its own, and a control that the same row is accepted when it breaks none.
            for bad in [rule(weekday: 8, start: 540, end: 600), rule(weekday: 2, start: 600, end: 540)] {
                do {
                    try await bad.create(on: app.db)
                    Issue.record("stored weekday \(bad.weekday) \(bad.startMinute)–\(bad.endMinute)")
                } catch {
                    #expect((error as? any DatabaseError)?.isConstraintFailure == true, "\(String(reflecting: error))")
                }
            }
            try await rule(weekday: 2, start: 540, end: 600).create(on: app.db)
        }
    }

    @Test func purgeRemovesExpiredSessionsAndOldLogs() async throws {
        try await withTestApp { app, clock in
            let browser = TestBrowser(app)
            try await browser.signIn("anja@koffiepot.test")
            let admin = try await app.staff("admin@koffiepot.test")
            try await AccessLogEntry(
                at: clock.now.addingTimeInterval(-400 * 86400), staffUserID: admin.id!, role: .admin, subject: "old"
            ).create(on: app.db)
            try await AccessLogEntry(at: clock.now, staffUserID: admin.id!, role: .admin, subject: "new").create(
                on: app.db)
            clock.advance(seconds: 2 * 3600)
            try await PurgeRunner.runTick(
                db: app.db, now: clock.now, settings: app.settings, interval: 3600, logger: app.logger)
            #expect(try await StaffSession.query(on: app.db).count() == 0)
            #expect(try await AccessLogEntry.query(on: app.db).all().map(\.subject) == ["new"])
        }
    }

    /// Three app instances on one database, each running the periodic jobs at the same moments (as three
    /// servers behind nginx do): every purge tick runs on exactly one, every message is sent exactly once.
    @Test func periodicJobsRunOnceAcrossThreeInstances() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kp-\(UUID()).sqlite").path
        let settings = { () -> Settings in
            var settings = Settings.testing()
            if settings.databaseURL == nil { settings.sqlitePath = file }
            return settings
        }()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let configureAnother = { (clock: TestClock) in
            { (app: Application) in try await configure(app, settings: settings, clock: clock.clock) }
        }
        try await withTestApp(settings: settings) { first, clock in
            try await withApp(configure: configureAnother(clock)) { second in
                try await withApp(configure: configureAnother(clock)) { third in
                    let apps = [first, second, third]
                    for tick in 0..<5 {
                        let now = clock.now.addingTimeInterval(Double(tick) * 3600)
                        let ran = try await withThrowingTaskGroup(of: Bool.self) { group in
                            for app in apps {
                                group.addTask {
                                    try await PurgeRunner.runTick(
                                        db: app.db, now: now, settings: settings, interval: 3600, logger: app.logger)
                                }
                            }
                            return try await group.reduce(into: [Bool]()) { $0.append($1) }
                        }
                        #expect(ran.filter { $0 }.count == 1, "tick \(tick): \(ran)")
                    }
                    #expect(try await JobRun.query(on: first.db).count() == 5)

                    for n in 0..<6 { _ = try await apps[n % 3].bookFatima(now: clock.now) }
                    let due = try await OutboxMessage.query(on: first.db).filter(\.$status == .pending).filter(
                        \.$notBefore <= clock.now
                    ).count()
                    #expect(due == 6)
                    let recorder = RecordingSender()
                    // Rounds of three workers at once, until nothing is due (a worker that loses a claim moves on).
                    for _ in 0..<10
                    where try await OutboxMessage.query(on: first.db).filter(\.$status == .pending)
                        .filter(\.$notBefore <= clock.now).count() > 0
                    {
                        try await withThrowingTaskGroup(of: Int.self) { group in
                            for app in apps {
                                group.addTask {
                                    try await OutboxWorker.runOnce(
                                        db: app.db, sender: recorder.sender, catalogues: app.catalogues, now: clock.now,
                                        limit: 2)
                                }
                            }
                            try await group.waitForAll()
                        }
                    }
                    #expect(recorder.sent.count == 6)
                    #expect(Set(recorder.sent.map(\.body)).count == 6)
                    #expect(try await OutboxMessage.query(on: first.db).filter(\.$status == .sent).count() == 6)
                }
            }
        }
    }
}
