import Foundation
import Fluent
import SQLKit

/// A transaction that reads and then writes. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write
/// lock up front: a deferred transaction that read first could fail with "database is locked" when it
/// later tries to write while another writer committed. PostgreSQL uses an ordinary transaction; its row
/// locks and conditional updates keep several app instances correct.
///
/// A service called with the transaction of another (erasing "my data" cancels a booking inside its own
/// transaction) joins it instead of opening a second one: the outer transaction commits or rolls back all.
enum WriteTransaction {
    @TaskLocal private static var inside = false

    static func run<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        if inside { return try await body(db) }
        guard db.dialect == .sqlite else {
            return try await db.transaction { tx in try await $inside.withValue(true) { try await body(tx) } }
        }
        return try await db.withConnection { conn in
            let connection = conn.sql
            try await connection.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await $inside.withValue(true) { try await body(conn) }
                try await connection.raw("COMMIT").run()
                return result
            } catch {
                try? await connection.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
