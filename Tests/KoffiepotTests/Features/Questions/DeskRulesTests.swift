import Foundation
import Testing
@testable import Koffiepot

@Suite struct DeskRulesTests {
    private func at(_ day: String, _ minute: Int) -> Date {
        let parts = day.split(separator: "-").map { Int($0)! }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2]).instant(minute: minute)!
    }

    @Test func theAnswerIsPromisedWithinTwoWorkingDays() {
        // Tuesday morning → Thursday 17:00; Friday → Tuesday; a weekend question counts from Monday.
        #expect(ResponsePromise.due(askedAt: at("2026-11-24", 600)) == at("2026-11-26", 17 * 60))
        #expect(ResponsePromise.due(askedAt: at("2026-11-27", 900)) == at("2026-12-01", 17 * 60))
        #expect(ResponsePromise.due(askedAt: at("2026-11-28", 600)) == at("2026-12-01", 17 * 60))
        // Christmas: asked on Wednesday 23 December, Thursday counts, Friday 25th does not → Monday 28th.
        #expect(ResponsePromise.due(askedAt: at("2026-12-23", 600)) == at("2026-12-28", 17 * 60))
        // Easter Monday 2027 falls on 29 March; Ascension on 6 May.
        #expect(ResponsePromise.easterSunday(2027) == LocalDate(year: 2027, month: 3, day: 28))
        #expect(!ResponsePromise.isWorkingDay(LocalDate(year: 2027, month: 3, day: 29)))
        #expect(!ResponsePromise.isWorkingDay(LocalDate(year: 2027, month: 5, day: 6)))
        #expect(ResponsePromise.isWorkingDay(LocalDate(year: 2027, month: 3, day: 30)))
    }

    @Test func responseTimesSummariseMedianAndPromiseKept() {
        let asked = at("2026-11-24", 600)
        let summary = ResponseTimes.summary([
            (asked, asked.addingTimeInterval(2 * 3600), nil),
            (asked, asked.addingTimeInterval(30 * 3600), nil),
            (asked, asked.addingTimeInterval(80 * 3600), nil),  // Friday evening: past Thursday 17:00
        ])
        #expect(summary == .init(answered: 3, medianHours: 30, withinPromisePercent: 66))
        #expect(ResponseTimes.summary([]).medianHours == nil)
    }

    @Test func answersGetParagraphsListsAndEmphasisButNoMarkup() {
        let blocks = AnswerFormat.blocks("Probeer dit:\n- een vast **ritueel**\n- <b>licht</b> uit\n\nSucces!")
        #expect(
            blocks == [
                .paragraph([[.text("Probeer dit:")]]),
                .list([[.text("een vast "), .strong("ritueel")], [.text("<b>licht</b> uit")]]),
                .paragraph([[.text("Succes!")]]),
            ])
        #expect(AnswerFormat.spans("a ** b") == [.text("a ** b")])
    }

    @Test func theAnonymiserMarksWhatCouldPointToSomeone() {
        let text =
            "Mijn zoon Daan (8) zit op De Regenboog in Zwolle. Bel me op 06-12345678 of mail ouder@example.nl, "
            + "we wonen aan de Kerkstraat, 8011 AB, sinds 12 maart en 3-4-2025."
        let flagged = Anonymiser.flagged(text)
        for expected in [
            "Daan", "De Regenboog", "Zwolle", "06-12345678", "ouder@example.nl", "Kerkstraat", "8011 AB", "12 maart",
            "3-4-2025",
        ] {
            #expect(flagged.contains { $0.contains(expected) }, "\(expected) not marked in \(flagged)")
        }
        // A capital at the start of a sentence is just grammar.
        #expect(!flagged.contains("Mijn") && !flagged.contains("Bel"))
        #expect(Anonymiser.segments(text).map(\.text).joined() == text)
    }

    @Test func requiredTextsSayWhatIsWrongInOneWay() {
        #expect(TextRules.problem(inRequired: "", maxLength: 5) == "error.required")
        #expect(TextRules.problem(inRequired: "👩‍👧👩‍👧👩‍👧👩‍👧👩‍👧", maxLength: 5) == nil)  // graphemes, not bytes
        #expect(TextRules.problem(inRequired: "123456", maxLength: 5) == "error.too_long")
        #expect(TextRules.problem(inRequired: "a\u{202E}b", maxLength: 5) == "error.bad_text")
    }

    @Test func searchWordsCannotCarryQuerySyntax() {
        #expect(LibrarySearch.words(#"slapen" OR * NEAR(x) -- ; DROP"#) == ["slapen", "or", "near", "drop"])
        #expect(LibrarySearch.words("😴 a") == [])
    }

    @Test func feedbackTakesFiveFacesAndShortSafeText() {
        #expect(FeedbackRules.check(score: 5, text: "  ") == .success(.init(score: 5, text: nil)))
        #expect(FeedbackRules.check(score: 0, text: nil) == .failure(.score))
        #expect(FeedbackRules.check(score: 6, text: nil) == .failure(.score))
        #expect(FeedbackRules.check(score: nil, text: nil) == .failure(.score))
        #expect(FeedbackRules.check(score: 3, text: String(repeating: "a", count: 501)) == .failure(.tooLong))
        #expect(FeedbackRules.check(score: 3, text: "a\u{0}b") == .failure(.badText))
    }
}
