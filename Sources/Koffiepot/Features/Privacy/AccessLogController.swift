import Fluent
import Vapor

/// The access log for the privacy officer (*FG*) and the admin (`/staff/toegangslog`): every staff read of personal
/// data, filtered by staff member, role, kind of record and period, on screen (newest first) and as CSV. Read-only;
/// reading the log is itself a read and is written to it.
struct AccessLogController: RouteCollection {
    /// At most this many rows on screen; the CSV carries the whole selection.
    static let pageRows = 500

    func boot(routes: any RoutesBuilder) throws {
        let log = routes.grouped(RequireRole(.admin, .privacyOfficer))
        log.get(Paths.Staff.route(.accessLog), use: page)
        log.get(Paths.Staff.route(.accessLogCSV), use: csv)
    }

    private func entries(_ req: Request, _ filter: AccessLogFilter, limit: Int?) async throws -> [AccessLogEntry] {
        let query = AccessLogEntry.query(on: req.db).sort(\.$at, .descending)
        if let staff = filter.staffID { query.filter(\.$staffUserID == staff) }
        if let role = filter.role { query.filter(\.$role == role.rawValue) }
        if let kind = filter.kind {
            let records = kind + ":"
            query.group(.or) { $0.filter(\.$subject == kind).filter(\.$subject =~ records) }
        }
        if let from = filter.from.instant(minute: 0) { query.filter(\.$at >= from) }
        if let end = filter.to.adding(days: 1).instant(minute: 0) { query.filter(\.$at < end) }
        if let limit { query.limit(limit) }
        return try await query.all()
    }

    private func staffNames(_ req: Request) async throws -> [UUID: StaffUser] {
        Dictionary(
            uniqueKeysWithValues: try await StaffUser.query(on: req.db).all().compactMap { user in
                user.id.map { ($0, user) }
            })
    }

    func page(req: Request) async throws -> Response {
        let filter = AccessLogFilter(req, now: req.now)
        let rows = try await entries(req, filter, limit: Self.pageRows + 1)
        try await AccessLog.record("access_log", on: req)
        let staff = try await staffNames(req)
        return AccessLogPages.page(
            req.page, filter: filter, rows: Array(rows.prefix(Self.pageRows)), more: rows.count > Self.pageRows,
            staff: staff)
    }

    func csv(req: Request) async throws -> Response {
        let filter = AccessLogFilter(req, now: req.now)
        let rows = try await entries(req, filter, limit: nil)
        try await AccessLog.record("access_log:csv", on: req)
        let staff = try await staffNames(req)
        let t = req.t
        let header = ["accesslog.when", "accesslog.staff", "accesslog.role", "accesslog.subject"].map { t($0) }
        return CSVExport.response(
            [header]
                + rows.map { entry in
                    [
                        entry.at.formatted(.iso8601), staff[entry.staffUserID]?.name ?? "?", t("role.\(entry.role)"),
                        entry.subject,
                    ]
                }, filename: "koffiepot-toegangslog-\(filter.from)-\(filter.to).csv")
    }
}

/// What the officer asked for, read leniently from the query: anything unknown is no filter. The period defaults
/// to the last 30 days and is at most the year the log is kept.
struct AccessLogFilter: Sendable {
    var staffID: UUID?
    var role: Role?
    var kind: String?
    var from: LocalDate
    var to: LocalDate

    /// The kinds of subject the log holds: one record of a parent (`booking:<id>`) or a page of several.
    static let kinds = [
        "booking", "registration", "question", "conversation", "support_request", "agenda", "registrations",
        "questions.queue", "insight", "staff_users.list", "outbox.dead_letters", "processing_register", "access_log",
    ]

    init(staffID: UUID? = nil, role: Role? = nil, kind: String? = nil, from: LocalDate, to: LocalDate) {
        self.staffID = staffID
        self.role = role
        self.kind = kind
        self.from = from
        self.to = to
    }

    init(_ req: Request, now: Date) {
        let today = LocalDate(containing: now)
        let to = req.query[String.self, at: "to"].flatMap(LocalDate.init) ?? today
        let from = req.query[String.self, at: "from"].flatMap(LocalDate.init) ?? to.adding(days: -30)
        self.init(
            staffID: req.query[String.self, at: "staff"].flatMap(UUID.init(uuidString:)),
            role: req.query[String.self, at: "role"].flatMap(Role.init(rawValue:)),
            kind: req.query[String.self, at: "kind"].flatMap { Self.kinds.contains($0) ? $0 : nil },
            from: max(min(from, to), to.adding(days: -RetentionJobs.accessLogDays)), to: to)
    }

    /// The same selection as a query string, for the CSV link.
    var query: String {
        var parts = ["from=\(from)", "to=\(to)"]
        if let staffID { parts.append("staff=\(staffID.uuidString)") }
        if let role { parts.append("role=\(role.rawValue)") }
        if let kind { parts.append("kind=\(kind)") }
        return parts.joined(separator: "&")
    }
}
