import Foundation
import Testing
@testable import Koffiepot

@Suite struct SmallCellsTests {
    @Test func smallCountsAreHiddenAndNeverAlone() {
        let one = SmallCells.protect([3, 10, 20], withTotal: true)
        #expect(one.cells == [.suppressed, .suppressed, .count(20)] && one.total == .count(33))
        let two = SmallCells.protect([2, 3, 10, 12], withTotal: true)
        #expect(two.cells == [.suppressed, .suppressed, .count(10), .count(12)])
        // Without a total a hidden cell can stand alone.
        #expect(SmallCells.protect([3, 10], withTotal: false).cells == [.suppressed, .count(10)])
        // Zeros are never the partner: hiding a zero would hide nothing.
        let lone = SmallCells.protect([3, 0, 5], withTotal: true)
        #expect(lone.cells == [.suppressed, .count(0), .suppressed] && lone.total == .count(8))
        let tiny = SmallCells.protect([3, 0], withTotal: true)
        #expect(tiny.cells == [.suppressed, .count(0)] && tiny.total == .suppressed)
        #expect(SmallCells.Cell.suppressed.display == "<5")
    }

    @Test func wishCountsAreProtectedToo() {
        let wish = Wish()
        for (supports, shown) in [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (23, "23")] {
            wish.supports = supports
            #expect(wish.supportsShown == shown)
        }
    }

    @Test func sharesOnlyWhenNothingIsHidden() {
        #expect(SmallCells.percent(.count(5), of: [.count(15), .count(5)]) == "25%")
        #expect(SmallCells.percent(.suppressed, of: [.count(20), .suppressed]) == nil)
        #expect(SmallCells.percent(.count(0), of: [.count(3), .count(0)]) == nil)
    }

    /// Generated groups: whatever the counts, no shown cell is 1–4 and a group with a shown total never has
    /// exactly one hidden cell.
    @Test func generatedGroupsNeverRevealASmallCell() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let counts = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                [0, 1, 2, 3, 4, 5, 6, 9, 30].randomElement(using: &random)!
            }
            let (cells, total) = SmallCells.protect(counts, withTotal: true)
            #expect(!cells.contains { SmallCells.isSmall($0.value ?? 0) })
            #expect(!SmallCells.isSmall(total?.value ?? 0))
            if total?.value != nil {
                #expect(cells.filter { $0 == .suppressed }.count != 1, "\(counts) → \(cells)")
            }
        }
    }

    @Test func csvCellsCannotBecomeFormulas() {
        #expect(CSVExport.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        for start in ["+", "-", "@", "\t", "\r"] { #expect(CSVExport.cell(start + "1").hasPrefix("\"'")) }
        #expect(CSVExport.cell("Slaap") == "\"Slaap\"")
        #expect(CSVExport.render([["a", "b"], ["1", "<5"]]) == "\"a\",\"b\"\r\n\"1\",\"<5\"\r\n")
    }

    @Test func periodsAreWholeMonthsAndDefaultToTheLastYear() {
        let today = LocalDate(year: 2026, month: 11, day: 24)
        let standard = InsightFilter(query: [:], today: today)
        #expect(standard.from == "2025-12" && standard.to == "2026-11" && standard.months.count == 12)
        let swapped = InsightFilter(query: ["from": "2026-03", "to": "2026-01"], today: today)
        #expect(swapped.months == ["2026-01", "2026-02", "2026-03"])
        #expect(InsightFilter(query: ["from": "2026-3", "to": "x"], today: today) == standard)
    }
}
