import Fluent
import Foundation

/// A location with everything its presence board shows, for a range of local days.
struct LocationPresence {
    let location: Location
    let advisors: [StaffUser]
    let occurrences: [PresenceOccurrence]
    let holidays: [HolidayPeriod]

    func advisor(_ id: UUID) -> StaffUser? { advisors.first { $0.id == id } }
}

enum LocationQueries {
    /// Locations whose name, neighbourhood or municipality contains `query` (case and accents ignored).
    /// A municipality has hundreds of locations at most, so filtering in memory is simplest and fast.
    static func search(_ query: String, on db: any Database) async throws -> [Location] {
        let all = try await Location.query(on: db).sort(\.$name).all()
        let needle = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return all }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        return all.filter {
            $0.name.range(of: needle, options: options) != nil
                || $0.neighbourhood.range(of: needle, options: options) != nil
                || $0.municipality.range(of: needle, options: options) != nil
        }
    }

    static func find(_ id: String?, on db: any Database) async throws -> Location? {
        guard let id, let uuid = UUID(uuidString: id) else { return nil }
        return try await Location.find(uuid, on: db)
    }

    static func advisors(of location: Location, on db: any Database) async throws -> [StaffUser] {
        try await location.$advisors.query(on: db).filter(\.$active == true).sort(\.$name).all()
    }

    static func presence(
        at location: Location, from: LocalDate, through last: LocalDate,
        on db: any Database
    ) async throws -> LocationPresence {
        let locationID = try location.requireID()
        let rules = try await PresenceRule.query(on: db).filter(\.$location.$id == locationID).all()
        let exceptions = try await PresenceException.query(on: db).filter(\.$location.$id == locationID)
            .filter(\.$date >= from.description).filter(\.$date <= last.description).all()
        let holidays = try await holidays(region: location.region, on: db)
        let advisors = try await advisors(of: location, on: db)
        let occurrences = PresenceCalendar.occurrences(
            rules: rules.map(\.weekly), exceptions: exceptions.map(\.dated), holidays: holidays, from: from,
            through: last)
        return LocationPresence(
            location: location, advisors: advisors, occurrences: occurrences,
            holidays: PresenceCalendar.holidays(holidays, touching: from, through: last))
    }

    /// An advisor's presence across all their locations (for their personal iCal feed).
    static func presence(
        of advisor: StaffUser, from: LocalDate, through last: LocalDate,
        on db: any Database
    ) async throws -> [(Location, PresenceOccurrence)] {
        let advisorID = try advisor.requireID()
        let locationIDs = Set(
            try await PresenceRule.query(on: db).filter(\.$advisor.$id == advisorID).all().map(\.$location.id)
        )
        .union(try await PresenceException.query(on: db).filter(\.$advisor.$id == advisorID).all().map(\.$location.id))
        var result: [(Location, PresenceOccurrence)] = []
        for id in locationIDs {
            guard let location = try await Location.find(id, on: db) else { continue }
            let board = try await presence(at: location, from: from, through: last, on: db)
            result += board.occurrences.filter { $0.advisorID == advisorID }.map { (location, $0) }
        }
        return result.sorted { $0.1.start < $1.1.start }
    }

    static func holidays(region: HolidayRegion, on db: any Database) async throws -> [HolidayPeriod] {
        try await SchoolHoliday.query(on: db).filter(\.$region == region).all().compactMap { holiday in
            guard let first = LocalDate(holiday.firstDay), let last = LocalDate(holiday.lastDay) else { return nil }
            return HolidayPeriod(name: holiday.name, first: first, last: last)
        }
    }
}

extension PresenceRule {
    var weekly: WeeklyRule {
        WeeklyRule(
            id: id ?? UUID(), advisorID: $advisor.id, weekday: weekday, startMinute: startMinute,
            endMinute: endMinute, room: room, mode: mode)
    }
}

extension PresenceException {
    var dated: DatedException {
        DatedException(
            advisorID: $advisor.id, ruleID: $rule.id, date: LocalDate(date) ?? LocalDate(year: 1970, month: 1, day: 1),
            kind: kind, startMinute: startMinute, endMinute: endMinute, room: room, mode: mode)
    }
}
