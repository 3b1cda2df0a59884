import Fluent
import Vapor
import Foundation
import SQLKit

/// The two SQL databases Koffiepot runs on. Where they differ (transactions, row locks, full-text search,
/// triggers), code asks `db.dialect` instead of comparing the driver's name as a string.
enum SQLDialect {
    case sqlite
    case postgresql
}

extension Database {
    /// The SQL side of this database. Koffiepot is only ever configured with SQLite or PostgreSQL
    /// (`DatabaseSetup`), both SQL databases: this is the one place that relies on it.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Koffiepot runs on SQLite or PostgreSQL; \(type(of: self)) speaks no SQL")
        }
        return sql
    }

    var dialect: SQLDialect { sql.dialect.name == "postgresql" ? .postgresql : .sqlite }
}

/// A counter of places that the database keeps within its capacity (a `CHECK` guards it too): consultation
/// slots, gatherings, joint trainings. Taking places is one compare-and-set statement, so two parents can
/// never get the last place both, on one instance or on several.
enum PlaceCounter: String {
    case consultationSlots = "consultation_slots"
    case gatherings
    case jointTrainings = "joint_trainings"

    /// Whether the row can be called off (a called-off one takes nobody).
    private var canBeCancelled: Bool { self != .jointTrainings }

    /// Takes `count` places while they are free, the row is not called off and it starts after `now`.
    /// False when it did not (full, called off, begun, or gone).
    func take(_ count: Int = 1, of id: UUID, now: Date, on db: any Database) async throws -> Bool {
        let open: SQLQueryString = canBeCancelled ? " AND cancelled = \(bind: false)" : ""
        let rows = try await db.sql.raw(
            """
            UPDATE \(ident: rawValue) SET taken = taken + \(bind: count)
            WHERE id = \(bind: id) AND taken + \(bind: count) <= capacity AND starts_at > \(bind: now)\(open)
            RETURNING id
            """
        ).all()
        return rows.count == 1
    }

    /// Gives `count` places back (never below zero).
    func release(_ count: Int = 1, of id: UUID, on db: any Database) async throws {
        try await db.sql.raw(
            "UPDATE \(ident: rawValue) SET taken = taken - \(bind: count) WHERE id = \(bind: id) AND taken >= \(bind: count)"
        ).run()
    }
}

enum RowLock {
    /// Locks one row for the rest of the transaction on PostgreSQL (`FOR UPDATE`), so concurrent writers of the
    /// same row queue up; on SQLite the write transaction (`BEGIN IMMEDIATE`) already holds the database's lock.
    static func lock(_ table: String, id: UUID, on tx: any Database) async throws {
        guard tx.dialect == .postgresql else { return }
        try await tx.sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}

extension Request {
    /// A second handle for independent reads that can run beside this request's own. SQLite keeps one connection
    /// per event loop, so every statement of a request queues on one connection however many `async let`s wait
    /// for it; the connection of another event loop reads the same file at the same time. PostgreSQL pools
    /// several connections per loop: there it is `db` itself.
    var besideDB: any Database {
        guard db.dialect == .sqlite,
            let other = application.eventLoopGroup.makeIterator().first(where: { $0 !== eventLoop }),
            let beside = application.databases.database(logger: logger, on: other)
        else { return db }
        return beside
    }
}
