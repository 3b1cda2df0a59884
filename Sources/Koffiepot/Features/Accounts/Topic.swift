/// Everyday parenting topics, shown with a pictogram and a word in the parent's language.
/// "Opvoedingsvragen zijn geen problemen": sleep, eating, screens, boredom, puberty …
public enum Topic: String, CaseIterable, Codable, Sendable {
    case sleep, eating, screens, play, behaviour, puberty, language, school, feelings, siblings, divorce

    /// A pictogram that needs no reading.
    var pictogram: String {
        switch self {
        case .sleep: "🛏️"
        case .eating: "🍎"
        case .screens: "📱"
        case .play: "🧸"
        case .behaviour: "⚡"
        case .puberty: "🧑"
        case .language: "💬"
        case .school: "🎒"
        case .feelings: "❤️"
        case .siblings: "👫"
        case .divorce: "🏠"
        }
    }

    var labelKey: String { "topic.\(rawValue)" }

    /// Pictogram and word, as every page shows a topic.
    func label(_ t: Localizer) -> String { "\(pictogram) \(t(labelKey))" }
}
