import Fluent
import Foundation

/// The locations a staff member works with: an advisor the locations she is the fixed advisor of, an
/// ambassador none (parent-run gatherings only), everyone else all locations.
enum StaffScope {
    static func locations(of user: StaffUser, on db: any Database) async throws -> [Location] {
        switch user.role {
        case .ambassador:
            return []
        case .advisor:
            return try await Location.query(on: db)
                .join(LocationAdvisor.self, on: \Location.$id == \LocationAdvisor.$location.$id)
                .filter(LocationAdvisor.self, \.$advisor.$id == user.requireID()).sort(\.$name).all()
        case .admin, .coordinator, .teacher:
            return try await Location.query(on: db).sort(\.$name).all()
        }
    }
}
