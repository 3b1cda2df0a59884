import Foundation

/// The desk's queue filters and response-time figures, kept apart from the database so they can be tested alone.
package struct DeskFilter: Sendable, Equatable {
    /// A location id, `municipality` (asked without a location) or nil for everything the advisor may see.
    package var location: String?
    package var topic: Topic?
    package var language: String?
    package var ageGroup: AgeGroup?
    package var waiting: Waiting = .any

    package enum Waiting: String, CaseIterable, Sendable {
        case any = ""
        /// Waiting longer than a day.
        case day
        /// Past the promised time (`ResponsePromise`).
        case overdue
    }

    package init(
        location: String? = nil, topic: Topic? = nil, language: String? = nil, ageGroup: AgeGroup? = nil,
        waiting: Waiting = .any
    ) {
        self.location = location; self.topic = topic; self.language = language; self.ageGroup = ageGroup;
        self.waiting = waiting
    }

    package init(query: [String: String]) {
        self.init(
            location: query["location"].flatMap { $0.isEmpty ? nil : $0 },
            topic: query["topic"].flatMap(Topic.init(rawValue:)),
            language: query["language"].flatMap { BookingRules.conversationLanguages.contains($0) ? $0 : nil },
            ageGroup: query["age"].flatMap(AgeGroup.init(rawValue:)),
            waiting: query["waiting"].flatMap(Waiting.init(rawValue:)) ?? .any)
    }
}

package enum ResponseTimes {
    package struct Summary: Sendable, Equatable {
        package let answered: Int
        package let medianHours: Int?
        /// Share answered within the promised time, 0…100.
        package let withinPromisePercent: Int?

        package init(answered: Int, medianHours: Int? = nil, withinPromisePercent: Int? = nil) {
            self.answered = answered
            self.medianHours = medianHours
            self.withinPromisePercent = withinPromisePercent
        }
    }

    package static func summary(_ questions: [(asked: Date, firstAnswer: Date, due: Date?)]) -> Summary {
        guard !questions.isEmpty else { return Summary(answered: 0, medianHours: nil, withinPromisePercent: nil) }
        let hours = questions.map { ResponsePromise.responseHours(asked: $0.asked, answered: $0.firstAnswer) }.sorted()
        let median =
            hours.count % 2 == 1 ? hours[hours.count / 2] : (hours[hours.count / 2 - 1] + hours[hours.count / 2]) / 2
        let kept = questions.filter { $0.firstAnswer <= ($0.due ?? ResponsePromise.due(askedAt: $0.asked)) }.count
        return Summary(
            answered: questions.count, medianHours: median, withinPromisePercent: kept * 100 / questions.count)
    }
}

/// Ready-made replies for when a question shows danger. The advisor chooses to use them; nothing is detected.
package enum StandardReply: String, CaseIterable, Sendable {
    case veiligThuis = "veilig_thuis"
    case acute
    case consultation

    package var textKey: String { "desk.standard.\(rawValue)" }
    package var labelKey: String { "desk.standard_label.\(rawValue)" }
}

/// The advisor's answer to a parent's question.
package enum DeskRules {
    package static let maxAnswer = 4000

    package static func validateAnswer(_ raw: String) -> Result<String, FieldErrors> {
        let text = TextRules.multiLine(raw)
        if let problem = TextRules.problem(inRequired: text, maxLength: maxAnswer) {
            return .failure(FieldErrors(["text": problem]))
        }
        return .success(text)
    }
}
