import Foundation

/// A school year as Dutch schools count it: 1 August to 31 July, written `2026-2027`.
package struct SchoolYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let startYear: Int

    package init(startYear: Int) { self.startYear = startYear }

    package init(containing date: LocalDate) { startYear = date.month >= 8 ? date.year : date.year - 1 }

    /// `2026-2027`; nothing else (two consecutive years) is a school year.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }),
            let first = Int(parts[0]), let second = Int(parts[1]), second == first + 1, (2000...2100).contains(first)
        else { return nil }
        startYear = first
    }

    package var description: String { "\(startYear)-\(startYear + 1)" }
    package var previous: SchoolYear { SchoolYear(startYear: startYear - 1) }
    /// The weeks of this year as contact facts store them (by their Monday): `firstWeek <= week < endWeek`.
    package var firstWeek: String { "\(startYear)-08-01" }
    package var endWeek: String { "\(startYear + 1)-08-01" }

    package static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}

/// What a school knows anyway, roughly: how many families it has and which share of them speaks each home
/// language — whole percentages, no names, no lists of pupils.
package struct SchoolFamilies: Equatable, Sendable {
    package var families: Int
    /// Language code → whole percent of the school's families; languages not named are "other".
    package var shares: [String: Int]

    package init(families: Int, shares: [String: Int]) {
        self.families = families
        self.shares = shares
    }
}

/// Whom we do not reach yet: the contacts per conversation language set against the school's own families,
/// with the same k ≥ 5 protection as every other figure.
package enum ReachRules {
    package static let maxFamilies = 5000
    /// Below this difference (percentage points) the contacts follow the school closely enough to say so.
    package static let notableGap = 5

    /// The staff form as typed: `families` and one percentage per language (empty = 0). Field → catalogue key.
    package static func validate(families: String, shares: [String: String]) -> Result<SchoolFamilies, FieldErrors> {
        var errors: [String: String] = [:]
        let count = Int(families.trimmed)
        if count == nil || !(1...maxFamilies).contains(count!) { errors["families"] = "error.families" }
        var parsed: [String: Int] = [:]
        for (language, text) in shares {
            let text = text.trimmed
            if text.isEmpty { continue }
            guard let percent = Int(text), (0...100).contains(percent) else {
                errors["share_\(language)"] = "error.percent"
                continue
            }
            if percent > 0 { parsed[language] = percent }
        }
        if errors.isEmpty, parsed.values.reduce(0, +) > 100 { errors["shares"] = "error.shares_sum" }
        guard errors.isEmpty, let count else { return .failure(FieldErrors(errors)) }
        return .success(SchoolFamilies(families: count, shares: parsed))
    }

    /// One place's figures: its families and the contacts per conversation language in the school year.
    package struct Part: Sendable {
        package var school: SchoolFamilies
        package var contacts: [String: Int]

        package init(school: SchoolFamilies, contacts: [String: Int]) {
            self.school = school
            self.contacts = contacts
        }
    }

    package struct Row: Equatable, Sendable {
        package let language: String
        /// The school's share in whole percent; nil when it stands for fewer than five families.
        package let schoolShare: Int?
        package let contacts: SmallCells.Cell
        /// The share of the contacts in whole percent, when both the cell and the total can be shown.
        package let contactShare: Int?
        /// The cell is hidden because it is 1–4 (not because it hides another): "fewer than five contacts".
        package let fewContacts: Bool
        /// How far the contacts fall behind the school, in percentage points (a lower bound for few contacts);
        /// nil when it cannot be said without revealing a hidden cell.
        package let gap: Int?
    }

    package struct Comparison: Equatable, Sendable {
        package let families: Int
        package let rows: [Row]
        package let total: SmallCells.Cell
        /// The language whose families the contacts reach least, when its gap is at least `notableGap`.
        package var largestGap: Row? {
            rows.filter { ($0.gap ?? 0) >= ReachRules.notableGap }.max {
                ($0.gap!, $1.language) < ($1.gap!, $0.language)
            }
        }
    }

    /// Compares one place — a location, or several together (a neighbourhood, the municipality). A sum over
    /// several places is shown only where every place's own cell can be shown, and then protected once more, so
    /// nothing a location's figures hide comes back as the difference between two sums.
    package static func compare(_ parts: [Part], languages: [String]) -> Comparison {
        let perPart = parts.map { part in
            SmallCells.protect(languages.map { part.contacts[$0] ?? 0 }, withTotal: true)
        }
        let counts = languages.map { language in parts.reduce(0) { $0 + ($1.contacts[language] ?? 0) } }
        let forced =
            parts.count > 1 ? languages.indices.map { i in perPart.contains { $0.cells[i].value == nil } } : nil
        var (cells, total) = SmallCells.protect(counts, withTotal: true, alsoHidden: forced)
        if parts.count > 1, perPart.contains(where: { $0.total?.value == nil }) { total = .suppressed }
        let families = parts.reduce(0) { $0 + $1.school.families }
        let totalCount = total?.value
        var rows: [Row] = []
        for (i, language) in languages.enumerated() {
            // Families of this language over all places, from each place's whole percent.
            let languageFamilies = parts.reduce(0.0) {
                $0 + Double($1.school.families * ($1.school.shares[language] ?? 0)) / 100
            }
            // A share that stands for one to four families is as small a group as any other.
            let schoolShare =
                families == 0 || (languageFamilies > 0 && languageFamilies < Double(SmallCells.threshold))
                ? nil : Int((languageFamilies * 100 / Double(families)).rounded())
            if counts[i] == 0 && languageFamilies == 0 { continue }
            let few = SmallCells.isSmall(counts[i]) && forced?[i] != true
            let contactShare = cells[i].value.flatMap { n in
                totalCount.map { Int((Double(n) * 100 / Double(max($0, 1))).rounded()) }
            }
            var gap: Int? = nil
            if let schoolShare, let totalCount, totalCount > 0 {
                if let contactShare {
                    gap = schoolShare - contactShare
                } else if few {
                    // At most four contacts: the gap is at least the school's share minus what four would be.
                    gap = schoolShare - Int((Double(SmallCells.threshold - 1) * 100 / Double(totalCount)).rounded(.up))
                }
            }
            rows.append(
                Row(
                    language: language, schoolShare: schoolShare, contacts: cells[i], contactShare: contactShare,
                    fewContacts: few, gap: gap))
        }
        rows.sort { ($0.schoolShare ?? -1, $1.language) > ($1.schoolShare ?? -1, $0.language) }
        return Comparison(families: families, rows: rows, total: total ?? .suppressed)
    }

    /// New families reached: first contacts this school year against the school's families, in whole percent
    /// (only when the count itself can be shown).
    package static func newFamilies(firstContacts: Int, families: Int) -> (cell: SmallCells.Cell, share: Int?) {
        let cell = SmallCells.protect([firstContacts], withTotal: false).cells[0]
        return (cell, cell.value.map { Int((Double($0) * 100 / Double(max(families, 1))).rounded()) })
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// The optional question on the booking, registration and question forms: "Is this your first contact with
/// us this school year?" — `yes`, `no`, or not answered. Anything else is a broken form, not "no answer".
package enum FirstContact {
    package static let field = "first_contact"

    /// The answer as a form sends it: `.success(nil)` when skipped, a catalogue key when malformed.
    package static func read(_ text: String) -> Result<Bool?, FieldErrors> {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "": .success(nil)
        case "yes": .success(true)
        case "no": .success(false)
        default: .failure(FieldErrors([field: "error.required"]))
        }
    }

    /// The answer for a form that collects its field errors: a malformed one adds its error and reads as nil.
    package static func read(_ text: String, into errors: inout [String: String]) -> Bool? {
        switch read(text) {
        case .success(let answer): return answer
        case .failure(let problem):
            errors.merge(problem.fields) { first, _ in first }
            return nil
        }
    }

    /// The form's value for an answer (for showing a form again, or an API's boolean).
    package static func formValue(_ answer: Bool?) -> String { answer.map { $0 ? "yes" : "no" } ?? "" }
}
