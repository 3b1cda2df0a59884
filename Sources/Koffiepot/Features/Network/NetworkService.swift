import Fluent
import Foundation

/// The who's-who around the locations: partner organisations and their people at each school.
/// Staff see the people of the locations in their scope; coordinators and admins manage them; parents see
/// only who chose to be shown.
struct NetworkService: Sendable {
    let db: any Database
    let now: Date

    static func mayManage(_ user: StaffUser) -> Bool { user.role == .coordinator || user.role == .admin }

    func organisations() async throws -> [Organisation] {
        try await Organisation.query(on: db).sort(\.$name).all()
    }

    enum Outcome<Value> { case done(Value), invalid(FieldErrors) }

    func createOrganisation(_ valid: ValidOrganisation) async throws -> Outcome<Organisation> {
        // Two organisations with one name would make the who's-who ambiguous; the unique index decides.
        let exists = try await Organisation.query(on: db).filter(\.$name == valid.name).first() != nil
        if exists { return .invalid(FieldErrors(["name": "network.error.duplicate"])) }
        let organisation = Organisation(
            name: valid.name, kind: valid.kind, about: valid.about, website: valid.website, now: now)
        try await organisation.create(on: db)
        return .done(organisation)
    }

    /// The people at a location, by organisation and name; `publicOnly` for parent pages.
    func people(at locationID: UUID, publicOnly: Bool = false) async throws -> [Professional] {
        try await people(at: [locationID], publicOnly: publicOnly)[locationID] ?? []
    }

    /// The people of several locations in one query, per location.
    func people(at locationIDs: [UUID], publicOnly: Bool = false) async throws -> [UUID: [Professional]] {
        let query = Professional.query(on: db).filter(\.$location.$id ~~ locationIDs).with(\.$organisation)
        if publicOnly { query.filter(\.$isPublic == true) }
        let sorted = try await query.all().sorted { ($0.organisation.name, $0.name) < ($1.organisation.name, $1.name) }
        return Dictionary(grouping: sorted, by: \.$location.id)
    }

    /// Checks the input against the organisations that exist (an unknown one is a field error).
    func validate(_ input: ProfessionalInput) async throws -> Result<ValidProfessional, FieldErrors> {
        let known = Set(try await Organisation.query(on: db).all().compactMap(\.id))
        return NetworkRules.validate(input, known: known.contains)
    }

    func add(at locationID: UUID, _ valid: ValidProfessional) async throws -> Professional {
        let person = Professional()
        person.$location.id = locationID
        person.createdAt = now
        try await save(person, valid)
        try await person.$organisation.load(on: db)
        return person
    }

    func update(_ person: Professional, _ valid: ValidProfessional) async throws {
        try await save(person, valid)
        try await person.$organisation.load(on: db)
    }

    private func save(_ person: Professional, _ valid: ValidProfessional) async throws {
        person.$organisation.id = valid.organisationID
        person.name = valid.name
        person.role = valid.role
        person.helpsWith = valid.helpsWith
        person.helpsTeachers = valid.helpsTeachers
        person.presence = valid.presence
        person.reach = valid.reach
        person.isPublic = valid.isPublic
        person.updatedAt = now
        try await person.save(on: db)
    }

    /// One person at one of `locations` (the caller's scope); nil for anything else.
    func person(_ id: UUID?, in locations: [UUID]) async throws -> Professional? {
        guard let id,
            let person = try await Professional.query(on: db).filter(\.$id == id).with(\.$organisation).first(),
            locations.contains(person.$location.id)
        else { return nil }
        return person
    }
}
