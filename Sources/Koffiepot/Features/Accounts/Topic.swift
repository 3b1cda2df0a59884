/// Everyday parenting topics, shown with a pictogram (`/img/pictograms.svg#topic-…`) and a word in the parent's language.
/// "Opvoedingsvragen zijn geen problemen": sleep, eating, screens, boredom, puberty …
public enum Topic: String, CaseIterable, Codable, Sendable {
    case sleep, eating, screens, play, behaviour, puberty, language, school, feelings, siblings, divorce

    var labelKey: String { "topic.\(rawValue)" }

    /// The word, for text and select options; pages show it with its pictogram `topic-<rawValue>` (`TopicLabels`).
    func label(_ t: Localizer) -> String { t(labelKey) }
}
