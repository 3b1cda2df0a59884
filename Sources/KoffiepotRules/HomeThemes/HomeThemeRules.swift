import Foundation

package struct HomeActivityInput: Sendable {
    package var title = ""
    package var steps = ""
    package var materials = ""
    package var pictogram = ""

    package init(title: String = "", steps: String = "", materials: String = "", pictogram: String = "") {
        self.title = title
        self.steps = steps
        self.materials = materials
        self.pictogram = pictogram
    }
}

package struct HomeThemeInput: Sendable {
    package var group = ""
    package var title = ""
    package var firstDay = ""
    package var lastDay = ""
    package var intro = ""
    package var rhyme = ""
    package var activities: [HomeActivityInput] = []
    /// Per word: the Dutch word and its translations by language code.
    package var words: [[String: String]] = []

    package init(
        group: String = "", title: String = "", firstDay: String = "", lastDay: String = "", intro: String = "",
        rhyme: String = "", activities: [HomeActivityInput] = [], words: [[String: String]] = []
    ) {
        self.group = group
        self.title = title
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.intro = intro
        self.rhyme = rhyme
        self.activities = activities
        self.words = words
    }
}

package struct ValidHomeTheme: Sendable, Equatable {
    package struct Activity: Sendable, Equatable {
        package var title: String, steps: String, materials: String, pictogram: String

        package init(title: String, steps: String, materials: String, pictogram: String) {
            (self.title, self.steps, self.materials, self.pictogram) = (title, steps, materials, pictogram)
        }
    }
    package var group: String
    package var title: String
    package var firstDay: LocalDate
    package var lastDay: LocalDate
    package var intro: String
    package var rhyme: String
    package var activities: [Activity]
    /// Language code → word, `nl` always present.
    package var words: [[String: String]]

    package init(
        group: String, title: String, firstDay: LocalDate, lastDay: LocalDate, intro: String, rhyme: String,
        activities: [Activity], words: [[String: String]]
    ) {
        self.group = group
        self.title = title
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.intro = intro
        self.rhyme = rhyme
        self.activities = activities
        self.words = words
    }
}

/// Pure rules of home themes. Every text reaches parents, so all of it passes the unsafe-character rules.
package enum HomeThemeRules {
    package static let activityCount = 3...8
    package static let wordCount = 10...20
    package static let longestPeriodDays = 12 * 7

    /// The pictograms an activity can have, each drawn in the sprite as `activity-<key>` with a label
    /// `theme.picto.<key>`; the emoji is what the API's `picture` field gives apps that draw no sprite.
    package static let pictograms: [(key: String, emoji: String)] = [
        ("play", "🧸"), ("read", "📖"), ("sing", "🎵"), ("cook", "🍳"), ("outside", "🌳"), ("draw", "🖍️"), ("count", "🔢"),
        ("body", "🖐️"), ("water", "💧"), ("sun", "☀️"), ("flower", "🌷"), ("animal", "🐞"), ("build", "🧱"), ("dress", "👕"),
    ]

    package static func emoji(_ key: String) -> String { pictograms.first { $0.key == key }?.emoji ?? "🧸" }

    /// One word per line, the languages separated by `|` in the order of the language switcher
    /// (`nl | en | tr | ar | pl | uk`); later ones may be left out.
    package static func parseWords(_ text: String) -> [[String: String]] {
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

    /// The group and the period of a theme — when writing one and when copying one. Errors are keyed `group`,
    /// `firstDay`, `lastDay`.
    package static func groupAndPeriod(group: String, firstDay: String, lastDay: String)
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

    package static func validate(_ input: HomeThemeInput) -> Result<ValidHomeTheme, FieldErrors> {
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
