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
            app.databases.use(
                .postgres(configuration: config, maxConnectionsPerEventLoop: 8, connectionPoolTimeout: .seconds(30)),
                as: .psql)
        } else if settings.sqlitePath == ":memory:" {
            app.databases.use(.sqlite(.memory, connectionPoolTimeout: poolWait, sqlLogLevel: nil), as: .sqlite)
        } else {
            // sqlite-nio installs a busy handler that waits instead of failing with "database is locked";
            // foreign keys are switched on for every connection.
            app.threadPool = NIOThreadPool(numberOfThreads: sqliteThreads)
            app.databases.use(
                .sqlite(.file(settings.sqlitePath), connectionPoolTimeout: poolWait, sqlLogLevel: nil), as: .sqlite)
        }
    }

    /// SQLite statements run on the application's thread pool, and a connection waiting for the write lock
    /// keeps its thread while it waits (sqlite-nio's busy handler retries until the lock is free). On the
    /// shared pool (one thread per core) two waiting connections — of this app or of another app in the same
    /// process, as in the tests — can hold every thread while the lock holder needs one to commit: a deadlock.
    /// A pool of its own, larger than the app's connections, always leaves the holder a thread.
    /// (One connection per event loop, one event loop per core.)
    static let sqliteThreads = System.coreCount + 4

    /// Settings that persist in the SQLite file: write-ahead log so readers never block the writer.
    static func tune(_ db: any Database) async throws {
        guard db.dialect == .sqlite else { return }
        let sql = db.sql
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
