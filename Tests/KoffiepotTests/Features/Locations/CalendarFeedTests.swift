import Fluent
import Foundation
import Testing
@testable import Koffiepot

@Suite struct CalendarFeedTests {
    @Test func linesAreFoldedAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "ü", count: 60)
        let folded = CalendarFeed.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func textIsEscaped() {
        #expect(CalendarFeed.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func instantsAreWrittenInUTC() {
        let start = LocalDate("2026-07-01")!.instant(minute: 9 * 60)!
        #expect(CalendarFeed.utc(start) == "20260701T070000Z")
    }
}
