import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// SQLite by default (one file, WAL), PostgreSQL when `DATABASE_URL` is set.
enum DatabaseSetup {
    /// SQLite has one writer at a time: under a rush (200 parents at once) a request waits its turn for a
    /// connection rather than failing after the default 10 seconds.
    static let poolWait: TimeAmount = .seconds(60)

    static func configure(_ app: Application, settings: Settings) throws {
        if let url = settings.databaseURL {
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = nil
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 8, connectionPoolTimeout: .seconds(30)), as: .psql)
        } else if settings.sqlitePath == ":memory:" {
            app.databases.use(.sqlite(.memory, connectionPoolTimeout: poolWait, sqlLogLevel: nil), as: .sqlite)
        } else {
            // sqlite-nio installs a busy handler that waits instead of failing with "database is locked";
            // foreign keys are switched on for every connection.
            app.databases.use(.sqlite(.file(settings.sqlitePath), connectionPoolTimeout: poolWait, sqlLogLevel: nil), as: .sqlite)
        }
    }

    /// Settings that persist in the SQLite file: write-ahead log so readers never block the writer.
    static func tune(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
