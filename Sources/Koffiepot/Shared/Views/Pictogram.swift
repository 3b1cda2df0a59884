import Plot

/// One of Koffiepot's own pictograms from the sprite `/img/pictograms.svg` (one style, no emoji font needed).
/// Always shown with its word beside it, which is its accessible name; the drawing itself is hidden from
/// screen readers so the word is not read twice.
func PictogramIcon(_ id: String) -> Component {
    Node<Any>.raw(
        "<svg class=\"picto\" aria-hidden=\"true\" focusable=\"false\"><use href=\"/img/pictograms.svg#\(id)\"></use></svg>"
    )
}

/// Topics with their pictograms and words, e.g. what an advisor helps with or what a parent wants to talk about.
func TopicLabels(_ topics: [Topic], _ t: Localizer) -> Component {
    ComponentGroup {
        for (index, topic) in topics.enumerated() {
            if index > 0 { Txt(" · ") }
            Tag("span") {
                PictogramIcon("topic-\(topic.rawValue)")
                Txt(" " + t(topic.labelKey))
            }.cls("topic-label")
        }
    }
}
