import Fluent
import Foundation
import OpenAPIRuntime
import Vapor

/// The public JSON API, implementing the operations generated from `openapi.yaml`.
struct KoffiepotAPI: APIProtocol {
    /// Read at call time: settings such as the installation secret are completed after routes exist.
    let app: Application
    var db: any Database { app.db }
    var clock: Clock { app.clock }
    var publicURL: String { app.settings.publicURL }

    /// The longest range one presence request may ask for.
    static let maxRangeDays = 92

    func listLocations(_ input: Operations.listLocations.Input) async throws -> Operations.listLocations.Output {
        let locations = try await LocationQueries.search(String((input.query.q ?? "").prefix(100)), on: db)
        return .ok(.init(body: .json(locations.map(summary))))
    }

    func getLocation(_ input: Operations.getLocation.Input) async throws -> Operations.getLocation.Output {
        guard let location = try await LocationQueries.find(input.path.id, on: db) else { return .notFound(notFound) }
        let id = try location.requireID().uuidString
        let advisors = try await LocationQueries.advisors(of: location, on: db).map { advisor in
            Components.Schemas.Advisor(
                id: advisor.id?.uuidString ?? "", name: advisor.name, initials: advisor.initials,
                intro: advisor.intro, topics: advisor.topics.map(\.rawValue))
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: id, name: location.name, kind: .init(rawValue: location.kind.rawValue) ?? .basisschool,
                        neighbourhood: location.neighbourhood, municipality: location.municipality,
                        address: location.address,
                        url: Paths.absolute(Paths.location(location.id!), publicURL),
                        calendarUrl: Paths.absolute(Paths.location(location.id!, "/calendar.ics"), publicURL),
                        advisors: advisors))))
    }

    func getLocationPresence(_ input: Operations.getLocationPresence.Input) async throws
        -> Operations.getLocationPresence.Output
    {
        guard let location = try await LocationQueries.find(input.path.id, on: db) else { return .notFound(notFound) }
        let range: (LocalDate, LocalDate)
        switch Self.dateRange(from: input.query.from, to: input.query.to, today: LocalDate(containing: clock.now())) {
        case .success(let r): range = r
        case .failure(let problem):
            return .badRequest(.init(body: .application_problem_plus_json(problem.schema(localizer))))
        }
        let board = try await LocationQueries.presence(at: location, from: range.0, through: range.1, on: db)
        return .ok(
            .init(
                body: .json(
                    board.occurrences.map { moment in
                        Components.Schemas.Presence(
                            date: moment.date.description, start: LocalTimestamp.format(moment.start),
                            end: LocalTimestamp.format(moment.end),
                            advisorId: moment.advisorID.uuidString,
                            advisorName: board.advisor(moment.advisorID)?.name ?? "",
                            room: moment.room, mode: .init(rawValue: moment.mode.rawValue) ?? .appointment,
                            status: .init(rawValue: moment.status.rawValue) ?? .regular)
                    })))
    }

    /// Parses `from`/`to` (local days, inclusive). Defaults: today and two weeks.
    static func dateRange(from: String?, to: String?, today: LocalDate) -> Result<(LocalDate, LocalDate), APIProblem> {
        let first: LocalDate
        if let from {
            guard let parsed = LocalDate(from) else {
                return .failure(APIProblem(.badRequest, .badDate, ["field": "from"]))
            }
            first = parsed
        } else {
            first = today
        }
        let last: LocalDate
        if let to {
            guard let parsed = LocalDate(to) else {
                return .failure(APIProblem(.badRequest, .badDate, ["field": "to"]))
            }
            last = parsed
        } else {
            last = first.adding(days: 13)
        }
        guard first <= last else { return .failure(APIProblem(.badRequest, .badRange)) }
        guard first.days(until: last) < maxRangeDays else {
            return .failure(APIProblem(.badRequest, .rangeTooLong, ["days": "\(maxRangeDays)"]))
        }
        return .success((first, last))
    }

    private func summary(_ location: Location) -> Components.Schemas.Location {
        let id = location.id?.uuidString ?? ""
        return .init(
            id: id, name: location.name, kind: .init(rawValue: location.kind.rawValue) ?? .basisschool,
            neighbourhood: location.neighbourhood, municipality: location.municipality,
            address: location.address, url: Paths.absolute(Paths.location(location.id!), publicURL))
    }

    var notFound: Components.Responses.NotFound {
        .init(body: .application_problem_plus_json(problem(.notFound, .unknownLocation)))
    }
}
