import Foundation

package struct ValidTraining: Sendable, Equatable {
    package var title: String
    package var about: String
    package var place: String
    package var startsAt: Date
    package var endsAt: Date
    package var capacity: Int
    package var organisations: [UUID]

    package init(
        title: String, about: String, place: String, startsAt: Date, endsAt: Date, capacity: Int, organisations: [UUID]
    ) {
        self.title = title
        self.about = about
        self.place = place
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.organisations = organisations
    }
}

/// Pure rules of joint trainings: what a coordinator plans, and "who met whom" around each location.
package enum TrainingRules {
    package static let maxCapacity = 500
    /// The matrix looks back one year.
    package static let lookBackDays = 365.0

    package static func validate(
        title: String, about: String, place: String, date: String, from: String, to: String, capacity: String,
        organisations: [String], known: Set<UUID>, now: Date
    ) -> Result<ValidTraining, FieldErrors> {
        var errors: [String: String] = [:]
        let title = TextRules.singleLine(title), about = TextRules.multiLine(about), place = TextRules.singleLine(place)
        if let problem = TextRules.problem(inRequired: title, maxLength: 100) { errors["title"] = problem }
        if let problem = TextRules.problem(inRequired: place, maxLength: 120) { errors["place"] = problem }
        if !about.isEmpty, let problem = TextRules.problem(inRequired: about, maxLength: 1000) {
            errors["about"] = problem
        }
        let day = LocalDate(date)
        if day == nil { errors["date"] = "error.date_format" }
        let start = ClockTime.parse(from), end = ClockTime.parse(to)
        if start == nil { errors["from"] = "error.time_format" }
        if end == nil { errors["to"] = "error.time_format" }
        if let start, let end, end <= start { errors["to"] = "error.end_before_start" }
        let places = Int(capacity.trimmingCharacters(in: .whitespaces))
        if places.map({ !(1...maxCapacity).contains($0) }) ?? true { errors["capacity"] = "error.capacity_gathering" }
        let chosen = organisations.compactMap { UUID(uuidString: $0) }
        if chosen.count != organisations.count || !Set(chosen).isSubset(of: known) {
            errors["organisations"] = "network.error.unknown_organisation"
        }
        guard errors.isEmpty, let day, let start, let end, let places,
            let startsAt = day.instant(minute: start), let endsAt = day.instant(minute: end)
        else { return .failure(FieldErrors(errors)) }
        if startsAt <= now { return .failure(FieldErrors(["date": "error.date_past"])) }
        return .success(
            ValidTraining(
                title: title, about: about, place: place, startsAt: startsAt, endsAt: endsAt, capacity: places,
                organisations: chosen))
    }
}

/// *Wie ontmoette wie*: per location, which parties around it (the CJG's advisor, the school's teachers, each
/// partner organisation whose people work there) had someone at a joint training in the last year.
package struct MeetingMatrix: Sendable, Equatable {
    /// A party around a location: `cjg`, `school`, or a partner organisation's id.
    package struct Party: Hashable, Sendable, Comparable {
        package let key: String
        package let label: String

        package init(key: String, label: String) {
            self.key = key
            self.label = label
        }
        package static func < (a: Party, b: Party) -> Bool { (a.order, a.label) < (b.order, b.label) }
        private var order: Int { key == "cjg" ? 0 : key == "school" ? 1 : 2 }
    }

    package enum Cell: Equatable, Sendable {
        /// Nobody of this party works here.
        case absent
        /// Around, but nobody attended a joint training in the last year.
        case notYet
        /// This many people of it attended.
        case met(Int)
    }

    package struct Row: Equatable, Sendable {
        package let location: String
        package let cells: [Cell]

        package init(location: String, cells: [Cell]) {
            self.location = location
            self.cells = cells
        }
    }

    package let parties: [Party]
    package let rows: [Row]

    /// `around`: who works at which location; `attended`: one entry per person who attended, with her location.
    package init(
        locations: [(id: UUID, name: String)], around: [(location: UUID, party: Party)],
        attended: [(location: UUID, party: Party, person: String)]
    ) {
        let parties = Array(Set(around.map(\.party))).sorted()
        self.parties = parties
        rows = locations.map { location in
            let here = Set(around.filter { $0.location == location.id }.map(\.party))
            let people = attended.filter { $0.location == location.id }
            return Row(
                location: location.name,
                cells: parties.map { party in
                    let count = Set(people.filter { $0.party == party }.map(\.person)).count
                    if count > 0 { return .met(count) }
                    return here.contains(party) ? .notYet : .absent
                })
        }
    }
}
