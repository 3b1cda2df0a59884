import Foundation

/// The dashboard's filters: where (municipality, neighbourhood, one location) and which months. Periods are
/// whole months of whole weeks (a week counts in the month its Monday falls in) — never finer than a week.
struct InsightFilter: Sendable, Equatable {
    var neighbourhood: String?
    var locationID: UUID?
    var from: String  // YYYY-MM
    var to: String  // YYYY-MM
    /// The last whole quarter before today, for the printable quarter report.
    let quarterFrom: String, quarterTo: String

    static func month(_ date: LocalDate) -> String { String(format: "%04d-%02d", date.year, date.month) }

    init(query: [String: String], today: LocalDate) {
        let current = Self.month(today)
        let yearAgo = Self.month(
            LocalDate(year: today.month == 12 ? today.year : today.year - 1, month: today.month % 12 + 1, day: 1))
        func valid(_ text: String?) -> String? {
            guard let text, text.count == 7, text.dropFirst(4).first == "-",
                let y = Int(text.prefix(4)), let m = Int(text.suffix(2)), (2000...2100).contains(y),
                (1...12).contains(m)
            else { return nil }
            return text
        }
        neighbourhood = query["neighbourhood"].flatMap { $0.isEmpty ? nil : $0 }
        locationID = query["location"].flatMap(UUID.init(uuidString:))
        from = valid(query["from"]) ?? yearAgo
        to = valid(query["to"]) ?? current
        if from > to { swap(&from, &to) }
        let thisQuarter = (today.month - 1) / 3
        let (year, first) = thisQuarter == 0 ? (today.year - 1, 10) : (today.year, 3 * (thisQuarter - 1) + 1)
        quarterFrom = String(format: "%04d-%02d", year, first)
        quarterTo = String(format: "%04d-%02d", year, first + 2)
    }

    /// First and last Monday (as `YYYY-MM-DD`) whose weeks belong to the period.
    var weekRange: (String, String) { ("\(from)-01", "\(to)-31") }

    /// The school year the reach figures compare: the one of the period's last month.
    var schoolYear: SchoolYear {
        SchoolYear(containing: LocalDate(year: Int(to.prefix(4))!, month: Int(to.suffix(2))!, day: 1))
    }

    /// Months from `from` to `to`, for trend rows (at most 60).
    var months: [String] {
        var result: [String] = []
        var y = Int(from.prefix(4))!, m = Int(from.suffix(2))!
        while result.count < 60 {
            let month = String(format: "%04d-%02d", y, m)
            result.append(month)
            if month >= to { break }
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return result
    }

    var queryItems: [String: String] {
        ["neighbourhood": neighbourhood ?? "", "location": locationID?.uuidString ?? "", "from": from, "to": to]
    }
}
