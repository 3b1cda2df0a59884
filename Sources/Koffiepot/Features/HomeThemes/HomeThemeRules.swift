import Foundation

struct HomeActivityInput: Sendable {
    var title = ""
    var steps = ""
    var materials = ""
    var pictogram = ""
}

struct HomeThemeInput: Sendable {
    var group = ""
    var title = ""
    var firstDay = ""
    var lastDay = ""
    var intro = ""
    var rhyme = ""
    var activities: [HomeActivityInput] = []
    /// Per word: the Dutch word and its translations by language code.
    var words: [[String: String]] = []
}

struct ValidHomeTheme: Sendable, Equatable {
    struct Activity: Sendable, Equatable { var title: String, steps: String, materials: String, pictogram: String }
    var group: String
    var title: String
    var firstDay: LocalDate
    var lastDay: LocalDate
    var intro: String
    var rhyme: String
    var activities: [Activity]
    /// Language code → word, `nl` always present.
    var words: [[String: String]]
}

/// Pure rules of home themes. Every text reaches parents, so all of it passes the unsafe-character rules.
enum HomeThemeRules {
    static let activityCount = 3...8
    static let wordCount = 10...20
    static let longestPeriodDays = 12 * 7

    /// The pictograms an activity can have, each drawn in the sprite as `activity-<key>` with a label
    /// `theme.picto.<key>`; the emoji is what the API's `picture` field gives apps that draw no sprite.
    static let pictograms: [(key: String, emoji: String)] = [
        ("play", "🧸"), ("read", "📖"), ("sing", "🎵"), ("cook", "🍳"), ("outside", "🌳"), ("draw", "🖍️"), ("count", "🔢"),
        ("body", "🖐️"), ("water", "💧"), ("sun", "☀️"), ("flower", "🌷"), ("animal", "🐞"), ("build", "🧱"), ("dress", "👕"),
    ]

    static func emoji(_ key: String) -> String { pictograms.first { $0.key == key }?.emoji ?? "🧸" }

    /// One word per line, the languages separated by `|` in the order of the language switcher
    /// (`nl | en | tr | ar | pl | uk`); later ones may be left out.
    static func parseWords(_ text: String) -> [[String: String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                TextRules.singleLine(String($0))
            }
            guard parts.contains(where: { !$0.isEmpty }) else { return nil }
            var word: [String: String] = [:]
            for (language, part) in zip(Language.allCases, parts) where !part.isEmpty { word[language.rawValue] = part }
            word["nl"] = word["nl"] ?? ""
            return word
        }
    }

    static func formatWords(_ words: [ThemeWord]) -> String {
        words.sorted { $0.position < $1.position }.map { word in
            Language.allCases.map { word.word(in: $0) }.joined(separator: " | ")
        }.joined(separator: "\n")
    }

    /// The group and the period of a theme — when writing one and when copying one. Errors are keyed `group`,
    /// `firstDay`, `lastDay`.
    static func groupAndPeriod(group: String, firstDay: String, lastDay: String)
        -> (group: String, first: LocalDate?, last: LocalDate?, errors: [String: String])
    {
        var errors: [String: String] = [:]
        let group = TextRules.singleLine(group)
        if let problem = TextRules.problem(inRequired: group, maxLength: 40) { errors["group"] = problem }
        let first = LocalDate(firstDay), last = LocalDate(lastDay)
        if first == nil { errors["firstDay"] = "error.date_format" }
        if last == nil { errors["lastDay"] = "error.date_format" }
        if let first, let last {
            if last < first {
                errors["lastDay"] = "error.end_before_start"
            } else if last > first.adding(days: longestPeriodDays) {
                errors["lastDay"] = "theme.error.period"
            }
        }
        return (group, first, last, errors)
    }

    static func validate(_ input: HomeThemeInput) -> Result<ValidHomeTheme, FieldErrors> {
        let placed = groupAndPeriod(group: input.group, firstDay: input.firstDay, lastDay: input.lastDay)
        var errors = placed.errors
        func required(_ field: String, _ text: String, _ max: Int) {
            if let problem = TextRules.problem(inRequired: text, maxLength: max) { errors[field] = problem }
        }
        func optional(_ field: String, _ text: String, _ max: Int) {
            if !text.isEmpty, let problem = TextRules.problem(inRequired: text, maxLength: max) {
                errors[field] = problem
            }
        }
        let group = placed.group, first = placed.first, last = placed.last
        let title = TextRules.singleLine(input.title)
        let intro = TextRules.multiLine(input.intro), rhyme = TextRules.multiLine(input.rhyme)
        required("title", title, 80)
        optional("intro", intro, 600)
        optional("rhyme", rhyme, 1000)
        var activities: [ValidHomeTheme.Activity] = []
        let filled = input.activities.filter {
            !($0.title + $0.steps + $0.materials).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        if !activityCount.contains(filled.count) { errors["activities"] = "theme.error.activities" }
        for (index, activity) in filled.enumerated() {
            let field = "activity\(index + 1)"
            let title = TextRules.singleLine(activity.title), steps = TextRules.multiLine(activity.steps)
            let materials = TextRules.singleLine(activity.materials)
            required("\(field).title", title, 80)
            required("\(field).steps", steps, 800)
            optional("\(field).materials", materials, 200)
            let pictogram = activity.pictogram.isEmpty ? "play" : activity.pictogram
            if !pictograms.contains(where: { $0.key == pictogram }) {
                errors["\(field).pictogram"] = "theme.error.pictogram"
            }
            activities.append(.init(title: title, steps: steps, materials: materials, pictogram: pictogram))
        }
        var words: [[String: String]] = []
        if !wordCount.contains(input.words.count) { errors["words"] = "theme.error.words" }
        for word in input.words {
            var clean: [String: String] = [:]
            for language in Language.allCases {
                let text = TextRules.singleLine(word[language.rawValue] ?? "")
                if !text.isEmpty { clean[language.rawValue] = text }
                if text.count > 40 || !TextRules.isSafe(text) { errors["words"] = "theme.error.word" }
            }
            if (clean["nl"] ?? "").isEmpty { errors["words"] = "theme.error.word" }
            words.append(clean)
        }
        guard errors.isEmpty, let first, let last else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidHomeTheme(
                group: group, title: title, firstDay: first, lastDay: last, intro: intro, rhyme: rhyme,
                activities: activities, words: words))
    }
}
