import Fluent
import Vapor

/// What a signed-in staff member may see and manage, asked in one place (`req.staffScope`).
/// She sees the locations she works with: an advisor those she is the fixed advisor of, a teacher the schools
/// she works at, an ambassador and the privacy officer none, coordinators and admins all. She manages
/// (presence, slots, gatherings) where she sees, except coordinators, who follow the work without changing it.
struct StaffScope {
    let user: StaffUser
    let db: any Database

    init(_ user: StaffUser, on db: any Database) {
        self.user = user
        self.db = db
    }

    func locations() async throws -> [Location] {
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

    func locationIDs() async throws -> [UUID] { try await locations().compactMap(\.id) }

    /// The location a form or request names, when it is one this staff member works with; nil for anything else
    /// (unknown, malformed, or another school's — which callers answer as "not found").
    func location(_ raw: String?) async throws -> UUID? {
        guard let id = raw.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await locationIDs().contains(id) ? id : nil
    }

    /// Whether she may change what happens at this location.
    func mayManage(_ locationID: UUID) async throws -> Bool {
        switch user.role {
        case .admin: return true
        case .advisor: return try await locationIDs().contains(locationID)
        case .coordinator, .teacher, .ambassador, .privacyOfficer: return false
        }
    }

    /// The location a path names, when she may manage it: 404 when there is none, 403 when it is not hers.
    func manageable(_ raw: String?) async throws -> Location {
        guard let location = try await LocationQueries.find(raw, on: db) else { throw Abort(.notFound) }
        guard try await mayManage(location.requireID()) else { throw Abort(.forbidden) }
        return location
    }
}

extension Request {
    /// The signed-in staff member's scope; 401 when nobody is signed in.
    var staffScope: StaffScope {
        get throws { StaffScope(try requireStaffUser(), on: db) }
    }
}
