import Foundation
import Testing
@testable import Koffiepot

/// Every Dutch text a parent reads is B1: short sentences, common words (issue 13 pt 4).
@Suite struct ClearWordsTests {
    /// The catalogue sections parents see (pages, messages, API answers their apps show).
    static let parentSections: Set<String> = [
        "age", "api", "book", "booking", "conv", "embed", "error", "feedback", "gathering", "gatherings", "gkind",
        "home", "ics", "kind", "mydata",
        "layout", "location", "lookup", "mail", "mode", "presence", "privacy", "question", "readaloud", "registration",
        "slots", "theme",
        "topic", "wish",
    ]
    /// Keys in those sections that only staff see.
    static let staffKeys =
        #"^(theme\.(staff|copy|new|activity|pictogram|words_hint|save|location|group|first|last|parent_page|picture|back|saved|copied|insight|error)|wish\.desk|question\.desk|feedback\.poster|location\.embed|presence\.(?!cancelled|extra|past)|error\.(forbidden|password|email_taken|programme|rule_overlap|slot_exists|video_link|time_missing_dst))"#

    static let minimumReadingEase = 50.0
    static let longestSentence = 20

    @Test func everyParentFacingDutchTextIsB1() throws {
        let url = LocalizationTests.root.appendingPathComponent("Resources/Locales/nl.json")
        let catalogue = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        var hard: [String] = []
        for (key, text) in catalogue.sorted(by: { $0.key < $1.key }) {
            guard let section = key.split(separator: ".").first, Self.parentSections.contains(String(section)),
                key.range(of: Self.staffKeys, options: .regularExpression) == nil
            else { continue }
            let score = ClearWords.score(text)
            // The reading-ease formula says little about a label of a few words; sentence length and long words still count.
            if ClearWords.words(text).count >= 10, score.readingEase < Self.minimumReadingEase {
                hard.append("\(key): reading ease \(Int(score.readingEase))")
            }
            if score.longestSentence > Self.longestSentence {
                hard.append("\(key): a sentence of \(score.longestSentence) words")
            }
            if !score.longWords.isEmpty { hard.append("\(key): \(score.longWords.joined(separator: ", "))") }
        }
        #expect(hard.isEmpty, "\(hard.count) texts too hard:\n\(hard.joined(separator: "\n"))")
    }

    @Test func theScoreTellsEasyFromHard() {
        #expect(
            ClearWords.syllables("opvoedondersteuning") == 6 && ClearWords.syllables("kind") == 1
                && ClearWords.syllables("huis") == 1)
        let easy = ClearWords.score("Je kind slaapt slecht. Kom langs op school. We praten er samen over.")
        let hard = ClearWords.score(
            "Gedurende de uitvoeringsperiode worden organisatorische maatregelen geïmplementeerd ter optimalisering van de dienstverlening."
        )
        #expect(easy.readingEase > 80 && easy.longWords.isEmpty)
        #expect(hard.readingEase < 20 && hard.longWords.contains("organisatorische"))
    }
}
