/// Everyday parenting topics, shown with a pictogram (`/img/pictograms.svg#topic-…`) and a word in the parent's language.
/// "Opvoedingsvragen zijn geen problemen": sleep, eating, screens, boredom, puberty …
public enum Topic: String, CaseIterable, Codable, Sendable {
    case sleep, eating, screens, play, behaviour, puberty, language, school, feelings, siblings, divorce

    package var labelKey: String { "topic.\(rawValue)" }
}
