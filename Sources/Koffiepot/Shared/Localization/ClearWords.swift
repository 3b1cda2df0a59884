import Foundation

/// Language level B1 for the Dutch parents read: a pure score of one text. Flesch-Douma (the Dutch Flesch
/// reading ease: 206.835 − 0.93 × words per sentence − 77 × syllables per word), the longest sentence, and the
/// words of more than four syllables. Syllables are counted as groups of vowels, with Dutch diphthongs as one.
enum ClearWords {
    struct Score: Equatable, Sendable {
        let readingEase: Double
        let longestSentence: Int
        let longWords: [String]
    }

    /// Words that are long but are the names of things parents know or must learn (place and role names), or
    /// technical names an app developer reads in an API message.
    static let allowedLongWords: Set<String> = [
        "opvoedadviseur", "opvoedadviseurs", "opvoedondersteuning", "consultatiebureau", "peuterspeelzaal",
        "kinderdagverblijf",
        "idempotency", "authorization", "application",
    ]

    static func syllables(_ word: String) -> Int {
        let vowelGroups = try! Regex("(ij|ei|ie|oe|ou|au|eu|ui|aa|ee|oo|uu|[aeiouyéëèïöü])")
        return max(1, word.lowercased().matches(of: vowelGroups).count)
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init)
    }

    static func score(_ text: String) -> Score {
        // Placeholders ({name}) stand for one short word.
        let plain = text.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: "X", options: .regularExpression)
        let sentences = plain.split(whereSeparator: { ".!?…\n".contains($0) }).map(String.init).filter {
            !words($0).isEmpty
        }
        let all = words(plain)
        guard !all.isEmpty else { return Score(readingEase: 100, longestSentence: 0, longWords: []) }
        let perSentence = Double(all.count) / Double(max(1, sentences.count))
        let perWord = Double(all.map(syllables).reduce(0, +)) / Double(all.count)
        return Score(
            readingEase: 206.835 - 0.93 * perSentence - 77 * perWord,
            longestSentence: sentences.map { words($0).count }.max() ?? 0,
            longWords: all.filter { syllables($0) > 4 && !allowedLongWords.contains($0.lowercased()) })
    }
}
