/// The option lists several forms and filters share, so a topic or an age group reads the same everywhere.
enum ChoiceOptions {
    typealias Option = (value: String, label: String)

    /// "Any" first, for filters where leaving the choice open means "all".
    static func any(_ t: Localizer) -> Option { (value: "", label: t("filter.any")) }

    /// Topics with their pictogram.
    static func topics(_ t: Localizer) -> [Option] {
        Topic.allCases.map { (value: $0.rawValue, label: $0.label(t)) }
    }

    static func ageGroups(_ t: Localizer) -> [Option] {
        AgeGroup.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
    }
}

extension Topic {
    /// The word, for text and select options; pages show it with its pictogram `topic-<rawValue>` (`TopicLabels`).
    func label(_ t: Localizer) -> String { t(labelKey) }
}
