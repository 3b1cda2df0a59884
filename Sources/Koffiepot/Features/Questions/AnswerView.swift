import Plot

/// An answer as formatted text (see `AnswerFormat`): paragraphs, lists and emphasis, every piece escaped.
func FormattedText(_ text: String) -> Component {
    Tag("div") {
        for block in AnswerFormat.blocks(text) {
            switch block {
            case .paragraph(let lines):
                Tag("p") {
                    for (index, line) in lines.enumerated() {
                        if index > 0 { VoidTag("br", []) }
                        Spans(line)
                    }
                }
            case .list(let items):
                Tag("ul") { for item in items { Tag("li") { Spans(item) } } }
            }
        }
    }.cls("about formatted").attr("dir", "auto")
}

private func Spans(_ spans: [AnswerFormat.Span]) -> Component {
    ComponentGroup(
        members: spans.map { span -> Component in
            switch span {
            case .text(let text): Txt(text)
            case .strong(let text): Tag("strong") { Txt(text) }
            }
        })
}

/// Text with the anonymiser's findings marked, for the desk.
func HighlightedText(_ text: String) -> Component {
    Tag("p") {
        for segment in Anonymiser.segments(text) {
            if segment.flagged { Tag("mark") { Txt(segment.text) } } else { Txt(segment.text) }
        }
    }.cls("about").attr("dir", "auto")
}
