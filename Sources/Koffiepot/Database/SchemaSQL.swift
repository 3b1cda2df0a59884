import Fluent
import SQLKit

/// The few schema rules Fluent's builder cannot express, written once for both SQL dialects.
extension SchemaBuilder {
    /// A named `CHECK` constraint inside `CREATE TABLE` (works on SQLite and PostgreSQL).
    func check(_ name: String, _ condition: String) -> Self {
        constraint(.custom(SQLRaw("CONSTRAINT \(name) CHECK (\(condition))")))
    }
}

enum SchemaSQL {
    /// A plain index; the same statement works on SQLite and PostgreSQL.
    static func index(on db: any Database, _ name: String, table: String, columns: [String]) async throws {
        try await db.sql.raw(
            SQLQueryString(
                "CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", ")))"
            )
        ).run()
    }

    /// Makes a table append-only: the database refuses every UPDATE, whatever code sends it.
    static func refuseUpdates(on db: any Database, table: String) async throws {
        let sql = db.sql
        if db.dialect == .postgresql {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION koffiepot_refuse_update() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                SQLQueryString(
                    "CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION koffiepot_refuse_update()"
                )
            ).run()
        } else {
            try await sql.raw(
                SQLQueryString(
                    "CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, 'append-only table'); END"
                )
            ).run()
        }
    }
}
