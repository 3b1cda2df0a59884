import Fluent
import Foundation

/// Filters parents use to find a gathering; every one is optional.
struct GatheringFilter: Sendable {
    var locationID: UUID?
    var neighbourhood: String?
    var kind: GatheringKind?
    var topic: Topic?
    var ageGroup: AgeGroup?
    var language: String?
}

enum GatheringQueries {
    /// Gatherings that have not ended yet (a course is listed until its last session), soonest first.
    static func upcoming(_ filter: GatheringFilter, from: Date, to: Date? = nil, on db: any Database) async throws
        -> [Gathering]
    {
        var query = Gathering.query(on: db).filter(\.$cancelled == false).with(\.$location).with(\.$programme).sort(
            \.$startsAt)
        if let id = filter.locationID { query = query.filter(\.$location.$id == id) }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        if let age = filter.ageGroup { query = query.filter(\.$ageGroup == age) }
        if let to { query = query.filter(\.$startsAt <= to) }
        // Courses run for weeks after their first session, so the end of the range is checked in Swift.
        return try await query.all().filter { gathering in
            gathering.lastEnd > from
                && (filter.neighbourhood.map { gathering.location.neighbourhood == $0 } ?? true)
                && (filter.topic.map { gathering.topics.contains($0) } ?? true)
                && (filter.language.map { gathering.languageCodes.contains($0) } ?? true)
        }
    }

    static func find(_ id: String?, on db: any Database) async throws -> Gathering? {
        guard let id, let uuid = UUID(uuidString: id) else { return nil }
        return try await Gathering.query(on: db).filter(\.$id == uuid).with(\.$location).with(\.$programme).with(
            \.$professional
        ).first()
    }
}

/// Finding a registration by its link or typed code; cancelled and unknown look the same.
enum RegistrationAccess {
    struct Found: Sendable {
        let registration: Registration
        let gathering: Gathering
        let token: String
        let code: PersonalCode
    }

    static func byLink(_ token: String, settings: Settings, now: Date, on db: any Database) async throws -> Found? {
        try await open(
            CodeLookup.byLink(Registration.self, token: token, secret: settings.secret ?? "", on: db),
            secret: settings.secret ?? "", now: now, on: db)
    }

    static func byCode(_ typed: String, settings: Settings, now: Date, on db: any Database) async throws -> Found? {
        try await open(
            CodeLookup.byCode(Registration.self, typed: typed, secret: settings.secret ?? "", on: db),
            secret: settings.secret ?? "", now: now, on: db)
    }

    private static func open(_ hit: (Registration, String)?, secret: String, now: Date, on db: any Database)
        async throws -> Found?
    {
        guard let (registration, token) = hit, registration.status != .cancelled,
            let gathering = try await GatheringQueries.find(registration.$gathering.id.uuidString, on: db),
            gathering.lastEnd > now
        else { return nil }
        return Found(
            registration: registration, gathering: gathering, token: token,
            code: PersonalCode.code(forLink: token, secret: secret))
    }
}
