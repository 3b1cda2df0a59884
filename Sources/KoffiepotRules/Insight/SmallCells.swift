/// Small-group protection for every figure Koffiepot shows, in HTML, CSV or API: a count of 1–4 is shown as
/// "<5", and when a group shows its total, one hidden cell is never left alone — the next smallest cell is
/// hidden too (complementary suppression), so the total cannot give the hidden one away.
package enum SmallCells {
    package static let threshold = 5

    package enum Cell: Equatable, Sendable {
        case count(Int)
        case suppressed

        package var display: String {
            switch self {
            case .count(let n): "\(n)"
            case .suppressed: "<\(SmallCells.threshold)"
            }
        }

        package var value: Int? { if case .count(let n) = self { n } else { nil } }
    }

    package static func isSmall(_ n: Int) -> Bool { n > 0 && n < threshold }

    /// One count on its own (no total beside it), as shown: "<5" for 1–4, the number otherwise.
    package static func shown(_ count: Int) -> String { protect([count], withTotal: false).cells[0].display }

    /// Protects one group of counts. With `total`, the group's total is returned protected as well.
    /// `alsoHidden` marks cells that must stay hidden for another reason (a sum over places whose own cell was
    /// hidden); they count as hidden when deciding whether the total could give one away.
    package static func protect(_ counts: [Int], withTotal: Bool, alsoHidden: [Bool]? = nil) -> (
        cells: [Cell], total: Cell?
    ) {
        var hidden = counts.indices.map { isSmall(counts[$0]) || (alsoHidden?[$0] ?? false) }
        let sum = counts.reduce(0, +)
        var totalHidden = isSmall(sum)
        if withTotal && !totalHidden && hidden.filter({ $0 }).count == 1 {
            // The next smallest visible non-zero cell is hidden with it; with none left, the total is hidden.
            if let partner = counts.indices.filter({ !hidden[$0] && counts[$0] > 0 }).min(by: {
                counts[$0] < counts[$1]
            }) {
                hidden[partner] = true
            } else {
                totalHidden = true
            }
        }
        let cells = counts.indices.map { hidden[$0] ? Cell.suppressed : .count(counts[$0]) }
        return (cells, withTotal ? (totalHidden ? .suppressed : .count(sum)) : nil)
    }

    /// A share in percent, only when both parts can be shown (otherwise it would reveal a hidden cell).
    package static func percent(_ part: Cell, of whole: [Cell]) -> String? {
        guard let p = part.value, whole.allSatisfy({ $0.value != nil }) else { return nil }
        let total = whole.compactMap(\.value).reduce(0, +)
        guard total >= threshold else { return nil }
        return "\(Int((Double(p) * 100 / Double(total)).rounded()))%"
    }
}
