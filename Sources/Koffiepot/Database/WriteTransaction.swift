import Fluent
import SQLKit

/// A transaction that reads and then writes. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write
/// lock up front: a deferred transaction that read first could fail with "database is locked" when it
/// later tries to write while another writer committed. PostgreSQL uses an ordinary transaction; its row
/// locks and conditional updates keep several app instances correct.
enum WriteTransaction {
    static func run<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await db.transaction(body)
        }
        return try await db.withConnection { conn in
            let connection = conn as! any SQLDatabase
            try await connection.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(conn)
                try await connection.raw("COMMIT").run()
                return result
            } catch {
                try? await connection.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
