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
        guard let staff = req.staff else { return }
        try await AccessLogEntry(at: req.now, staffUserID: staff.user.requireID(), role: staff.user.role, subject: subject)
            .create(on: req.db)
    }
}
