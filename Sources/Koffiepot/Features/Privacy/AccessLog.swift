import Fluent
import Foundation
import Vapor

/// Append-only record of every staff read of personal data: who, in which role, what, when.
/// The database refuses updates (trigger); rows leave only through the retention purge.
final class AccessLogEntry: Model, @unchecked Sendable {
    static let schema = "access_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "staff_user_id") var staffUserID: UUID
    @Field(key: "role") var role: String
    /// What was read, e.g. `staff_users.list` or `booking:<id>`; never the personal data itself.
    @Field(key: "subject") var subject: String

    init() {}
    init(at: Date, staffUserID: UUID, role: Role, subject: String) {
        self.at = at
        self.staffUserID = staffUserID
        self.role = role.rawValue
        self.subject = subject
    }
}

enum AccessLog {
    /// Writes one row for a read of personal data by the signed-in staff member.
    static func record(_ subject: String, on req: Request) async throws {
        try await record([subject], on: req)
    }

    /// A page that shows several records writes one row per record (`booking:<id>`, see `RecordSubject`),
    /// so a parent's "who looked?" lists exactly the reads of hers.
    static func record(_ subjects: [String], on req: Request) async throws {
        guard let staff = req.staff else { return }
        try await record(subjects, by: staff.user, at: req.now, on: req.db)
    }

    /// The same for a staff API call, which carries its staff member instead of a session.
    static func record(_ subjects: [String], by user: StaffUser, at now: Date, on db: any Database) async throws {
        guard !subjects.isEmpty else { return }
        let id = try user.requireID()
        try await subjects.map { AccessLogEntry(at: now, staffUserID: id, role: user.role, subject: $0) }.create(on: db)
    }
}
