/// The "simple safe formatting" advisors may use in an answer: blank lines make paragraphs, lines that start
/// with "- " or "• " make a list, and `**words**` are emphasised. Everything else is text, shown escaped —
/// no links, no HTML, so an answer can never carry markup or a script.
enum AnswerFormat {
    enum Span: Equatable, Sendable { case text(String), strong(String) }
    enum Block: Equatable, Sendable { case paragraph([[Span]]), list([[Span]]) }

    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        var items: [String] = []
        func flush() {
            if !lines.isEmpty { blocks.append(.paragraph(lines.map(spans))); lines = [] }
            if !items.isEmpty { blocks.append(.list(items.map(spans))); items = [] }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if let item = listItem(line) {
                if !lines.isEmpty { blocks.append(.paragraph(lines.map(spans))); lines = [] }
                items.append(item)
            } else {
                if !items.isEmpty { blocks.append(.list(items.map(spans))); items = [] }
                lines.append(line)
            }
        }
        flush()
        return blocks
    }

    private static func listItem(_ line: String) -> String? {
        for marker in ["- ", "• ", "* "] where line.hasPrefix(marker) {
            let rest = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    /// Splits on `**`: odd pieces are emphasised. An unpaired `**` stays as typed.
    static func spans(_ line: String) -> [Span] {
        let pieces = line.components(separatedBy: "**")
        guard pieces.count >= 3 else { return [.text(line)] }
        var spans: [Span] = []
        let paired = pieces.count % 2 == 1 ? pieces.count : pieces.count - 1
        for (index, piece) in pieces.prefix(paired).enumerated() where !piece.isEmpty {
            spans.append(index % 2 == 1 ? .strong(piece) : .text(piece))
        }
        if paired < pieces.count { spans.append(.text("**" + pieces[paired])) }
        return spans
    }
}
