import Fluent
import Foundation

/// The locations a staff member works with: an advisor the locations she is the fixed advisor of, a teacher
/// the schools she works at, an ambassador none (parent-run gatherings only), coordinators and admins all.
enum StaffScope {
    static func locations(of user: StaffUser, on db: any Database) async throws -> [Location] {
        switch user.role {
        case .ambassador, .privacyOfficer:
            return []
        case .advisor:
            return try await Location.query(on: db)
                .join(LocationAdvisor.self, on: \Location.$id == \LocationAdvisor.$location.$id)
                .filter(LocationAdvisor.self, \.$advisor.$id == user.requireID()).sort(\.$name).all()
        case .teacher:
            return try await Location.query(on: db)
                .join(LocationTeacher.self, on: \Location.$id == \LocationTeacher.$location.$id)
                .filter(LocationTeacher.self, \.$teacher.$id == user.requireID()).sort(\.$name).all()
        case .admin, .coordinator:
            return try await Location.query(on: db).sort(\.$name).all()
        }
    }

    /// The location a form or request names, when it is one this staff member works with; nil for anything else
    /// (unknown, malformed, or another school's — which callers answer as "not found").
    static func location(_ raw: String?, of user: StaffUser, on db: any Database) async throws -> UUID? {
        guard let id = raw.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await locations(of: user, on: db).contains { $0.id == id } ? id : nil
    }
}
