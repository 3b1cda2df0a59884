/// What the desk marks before a question goes into the public library: likely names and places (capitalised
/// words inside a sentence, street names), phone numbers, e-mail addresses, postcodes and dates. It only
/// highlights; the advisor decides and rewrites. Nothing is changed or reported automatically.
package enum Anonymiser {
    package struct Segment: Equatable, Sendable {
        package var text: String
        package var flagged: Bool

        package init(text: String, flagged: Bool) {
            self.text = text
            self.flagged = flagged
        }
    }

    private static let months =
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
        + "january|february|march|may|june|july|august|october|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"

    // Regex is not marked Sendable, but these are built once and never mutated.
    nonisolated(unsafe) private static let patterns: [Regex<AnyRegexOutput>] = [
        #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#,
        #"\+?\d[\d \-]{7,}\d"#,
        #"\b\d{4} ?[A-Z]{2}\b"#,
        #"\b\d{1,2}[\-/.]\d{1,2}(?:[\-/.]\d{2,4})?\b"#,
        #"(?i)\b\d{1,2}(?:e|ste|de)? (?:\#(months))\b"#,
        #"(?i)\b\w+(?:straat|laan|weg|plein|gracht|kade|singel|dreef|hof)\b"#,
    ].map { try! Regex($0) }

    /// Capitalised words that do not start a sentence: the usual shape of names and places.
    nonisolated(unsafe) private static let capitalised = try! Regex(#"\p{Lu}[\p{Ll}\p{Lu}'\-]+"#)

    package static func segments(_ text: String) -> [Segment] {
        var ranges: [Range<String.Index>] = []
        for pattern in patterns { ranges += text.matches(of: pattern).map(\.range) }
        for match in text.matches(of: capitalised) where !startsSentence(text, at: match.range.lowerBound) {
            ranges.append(match.range)
        }
        return split(text, merged(ranges, in: text))
    }

    package static func flagged(_ text: String) -> [String] { segments(text).filter(\.flagged).map(\.text) }

    private static func startsSentence(_ text: String, at index: String.Index) -> Bool {
        var cursor = index
        while cursor > text.startIndex {
            cursor = text.index(before: cursor)
            let character = text[cursor]
            if character.isWhitespace || "\"'(“‘«".contains(character) { continue }
            return ".!?:;\n".contains(character)
        }
        return true
    }

    /// Overlapping findings become one, and so do findings one space apart ("De Regenboog" is one name).
    private static func merged(_ ranges: [Range<String.Index>], in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last,
                range.lowerBound <= last.upperBound || text[last.upperBound..<range.lowerBound] == " "
            {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    private static func split(_ text: String, _ ranges: [Range<String.Index>]) -> [Segment] {
        var segments: [Segment] = []
        var cursor = text.startIndex
        for range in ranges {
            if cursor < range.lowerBound {
                segments.append(Segment(text: String(text[cursor..<range.lowerBound]), flagged: false))
            }
            segments.append(Segment(text: String(text[range]), flagged: true))
            cursor = range.upperBound
        }
        if cursor < text.endIndex { segments.append(Segment(text: String(text[cursor...]), flagged: false)) }
        return segments
    }
}
