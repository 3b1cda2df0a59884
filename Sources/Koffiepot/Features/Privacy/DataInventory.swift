/// Every column Koffiepot stores, and for personal data why, how long, and who may see it.
/// A test compares this list with the live schema: a new column that is not listed fails the build.
enum DataInventory {
    struct Personal: Sendable {
        var purpose: String
        var retention: String
        var roles: [Role]
    }

    struct Column: Sendable {
        var table: String
        var column: String
        /// nil = not personal data (ids, times of public presence, configuration).
        var personal: Personal?
    }

    static func plain(_ table: String, _ columns: [String]) -> [Column] {
        columns.map { Column(table: table, column: $0, personal: nil) }
    }

    static func personal(_ table: String, _ column: String, _ purpose: String, _ retention: String, _ roles: [Role]) -> Column {
        Column(table: table, column: column, personal: Personal(purpose: purpose, retention: retention, roles: roles))
    }

    static let columns: [Column] =
        plain("staff_users", ["id", "role", "password_hash", "active", "created_at", "topics"])
        + [
            personal("staff_users", "email", "staff login and contact", "while the account exists", [.admin]),
            personal("staff_users", "name", "shown to parents as the fixed face of a location", "while the account exists", Role.allCases),
            personal("staff_users", "intro", "personal introduction shown to parents", "while the account exists", Role.allCases),
        ]
        + plain("staff_sessions", ["id", "token_hash", "user_id", "created_at", "last_seen_at"])
        + plain("login_failures", ["id", "at"])
        + [personal("login_failures", "key_hash", "login throttling (keyed hash of e-mail or client address)", "login window (15 minutes)", [])]
        + plain("locations", ["id", "name", "kind", "address", "neighbourhood", "municipality", "region"])
        + plain("location_advisors", ["id", "location_id", "advisor_id"])
        + plain("presence_rules", ["id", "location_id", "advisor_id", "weekday", "start_minute", "end_minute", "room", "mode"])
        + plain("presence_exceptions", ["id", "location_id", "advisor_id", "rule_id", "date", "kind", "start_minute", "end_minute", "room", "mode"])
        + plain("school_holidays", ["id", "region", "name", "first_day", "last_day"])
        + plain("access_log", ["id", "at", "role", "subject"])
        + [personal("access_log", "staff_user_id", "accountability for reads of personal data", "\(RetentionJobs.accessLogDays) days", [.admin])]
        + plain("job_runs", ["id", "job", "tick", "ran_at"])
        + plain("app_secrets", ["id", "name", "value"])
}
