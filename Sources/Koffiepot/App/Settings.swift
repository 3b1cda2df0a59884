import Foundation
import Vapor

/// Everything an operator can configure, read once from the environment.
/// Every field is documented in README's configuration table.
public struct Settings: Sendable {
    /// `DATABASE_URL` — when set, PostgreSQL is used instead of SQLite.
    public var databaseURL: String?
    /// `KOFFIEPOT_DATABASE` — the SQLite file (default `koffiepot.sqlite`); `:memory:` for tests.
    public var sqlitePath: String
    /// `KOFFIEPOT_DEMO` — fill a demo municipality when the database is empty (default on).
    public var seedDemo: Bool
    /// `KOFFIEPOT_PUBLIC_URL` — the address parents see in links and feeds.
    public var publicURL: String
    /// `KOFFIEPOT_SECURE_COOKIES` — mark cookies `Secure`; defaults to on when the public URL is https.
    public var secureCookies: Bool
    /// `KOFFIEPOT_SECRET` — key for hashing codes; when unset one is generated and kept in the database.
    public var secret: String?
    /// Staff sessions end after this much inactivity, and always after the absolute limit.
    public var sessionIdleSeconds: Int
    public var sessionAbsoluteSeconds: Int
    /// Login throttling: this many failures within the window blocks further tries for that key.
    public var loginMaxFailures: Int
    public var loginWindowSeconds: Int
    /// bcrypt cost for staff passwords (lower only in tests).
    public var bcryptCost: Int
    /// `KOFFIEPOT_PURGE_INTERVAL` — seconds between retention purges (0 disables the scheduler).
    public var purgeIntervalSeconds: Int
    /// `KOFFIEPOT_OUTBOX_INTERVAL` — seconds between outbox runs (0 disables the worker).
    public var outboxIntervalSeconds: Int
    /// `KOFFIEPOT_OUTBOX_LEASE` — seconds a worker holds a message it is sending; after a crash the message is
    /// tried again once the lease ran out (default 120; shorter when the mail relay always answers fast).
    public var outboxLeaseSeconds: Int
    /// `KOFFIEPOT_SENDMAIL` — a sendmail-compatible command that reads a message on standard input.
    public var sendmailCommand: String
    /// `KOFFIEPOT_MAIL_FROM` — the sender of e-mails.
    public var mailFrom: String
    /// `KOFFIEPOT_SMS_URL` / `KOFFIEPOT_SMS_TOKEN` — HTTP gateway for SMS (JSON `{"to","text"}`, bearer token).
    public var smsGatewayURL: String?
    public var smsGatewayToken: String?
    /// `KOFFIEPOT_BOOKING_RETENTION_DAYS` — bookings and contact details are purged this many days after the slot.
    public var bookingRetentionDays: Int
    /// Code lookups (typed codes, API) allowed per client address per 10 minutes.
    public var lookupLimit: Int
    /// `KOFFIEPOT_TRUST_PROXY` — take the client address from `X-Forwarded-For` (only behind your own proxy).
    public var trustProxy: Bool
    /// `KOFFIEPOT_OPEN_DATA_PUBLIC` — anyone may read the open-data export (aggregates only); else coordinators
    /// and admins with a token.
    public var openDataPublic: Bool = false

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        let publicURL = env["KOFFIEPOT_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        return Settings(
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            sqlitePath: env["KOFFIEPOT_DATABASE"] ?? "koffiepot.sqlite",
            seedDemo: env["KOFFIEPOT_DEMO"].map { $0 != "0" && $0.lowercased() != "false" } ?? true,
            publicURL: publicURL,
            secureCookies: env["KOFFIEPOT_SECURE_COOKIES"].map { $0 == "1" || $0.lowercased() == "true" }
                ?? publicURL.hasPrefix("https://"),
            secret: env["KOFFIEPOT_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            sessionIdleSeconds: Int(env["KOFFIEPOT_SESSION_IDLE"] ?? "") ?? 30 * 60,
            sessionAbsoluteSeconds: Int(env["KOFFIEPOT_SESSION_MAX"] ?? "") ?? 12 * 3600,
            loginMaxFailures: 5,
            loginWindowSeconds: 15 * 60,
            bcryptCost: 12,
            purgeIntervalSeconds: Int(env["KOFFIEPOT_PURGE_INTERVAL"] ?? "") ?? 3600,
            outboxIntervalSeconds: Int(env["KOFFIEPOT_OUTBOX_INTERVAL"] ?? "") ?? 5,
            outboxLeaseSeconds: max(5, Int(env["KOFFIEPOT_OUTBOX_LEASE"] ?? "") ?? 120),
            sendmailCommand: env["KOFFIEPOT_SENDMAIL"] ?? "/usr/sbin/sendmail -t -i",
            mailFrom: env["KOFFIEPOT_MAIL_FROM"] ?? "Koffiepot <noreply@koffiepot.invalid>",
            smsGatewayURL: env["KOFFIEPOT_SMS_URL"].flatMap { $0.isEmpty ? nil : $0 },
            smsGatewayToken: env["KOFFIEPOT_SMS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            bookingRetentionDays: Int(env["KOFFIEPOT_BOOKING_RETENTION_DAYS"] ?? "") ?? 30,
            lookupLimit: Int(env["KOFFIEPOT_LOOKUP_LIMIT"] ?? "") ?? 20,
            trustProxy: env["KOFFIEPOT_TRUST_PROXY"] == "1",
            openDataPublic: env["KOFFIEPOT_OPEN_DATA_PUBLIC"] == "1"
        )
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    public var settings: Settings {
        get { storage[SettingsKey.self] ?? .fromEnvironment() }
        set { storage[SettingsKey.self] = newValue }
    }
}
