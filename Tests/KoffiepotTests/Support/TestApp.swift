import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Koffiepot

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    var clock: Clock { Clock(now: { [self] in now }) }
}

/// Suites that touch one PostgreSQL database take turns; in-memory SQLite needs no gate.
actor DatabaseGate {
    static let shared = DatabaseGate()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if busy { await withCheckedContinuation { waiters.append($0) } } else { busy = true }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension Settings {
    /// Settings for tests: in-memory SQLite (or `KOFFIEPOT_TEST_DATABASE_URL`), no demo, fast hashing.
    static func testing(env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        var settings = fromEnvironment([:])
        settings.databaseURL = env["KOFFIEPOT_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        settings.sqlitePath = ":memory:"
        settings.seedDemo = false
        settings.bcryptCost = 4
        settings.purgeIntervalSeconds = 0
        settings.outboxIntervalSeconds = 0
        settings.secret = "test-secret"
        return settings
    }
}

/// Tuesday 24 November 2026, 10:00 in Amsterdam.
let defaultTestNow = LocalDate(year: 2026, month: 11, day: 24).instant(minute: 10 * 60)!

var usesPostgres: Bool { Settings.testing().databaseURL != nil }

/// Runs `body` against a freshly migrated app (SQLite in memory, or the test PostgreSQL),
/// optionally with the demo municipality loaded.
func withTestApp(
    now: Date = defaultTestNow, demo: Bool = true, settings: Settings = .testing(),
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let clock = TestClock(now)
    let gated = settings.databaseURL != nil
    if gated { await DatabaseGate.shared.acquire() }
    defer { if gated { Task { await DatabaseGate.shared.release() } } }
    try await withApp(configure: { app in
        try await configure(app, settings: settings, clock: clock.clock)
        if gated { try await resetPostgres(app.db) }
        try await app.autoMigrate()
        try await DatabaseSetup.tune(app.db)
        if demo { _ = try await DemoData.seed(on: app.db, passwords: app.password, today: LocalDate(containing: now)) }
    }) { app in
        try await body(app, clock)
    }
}

func resetPostgres(_ db: any Database) async throws {
    let sql = db as! any SQLDatabase
    try await sql.raw("DROP SCHEMA public CASCADE").run()
    try await sql.raw("CREATE SCHEMA public").run()
}

extension Application {
    func location(named name: String) async throws -> Location {
        try #require(try await Location.query(on: db).filter(\.$name == name).first())
    }

    func staff(_ email: String) async throws -> StaffUser {
        try #require(try await StaffUser.query(on: db).filter(\.$email == email).first())
    }
}
