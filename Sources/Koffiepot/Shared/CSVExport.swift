/// CSV that a spreadsheet cannot mistake for formulas: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading apostrophe, and every cell is quoted.
enum CSVExport {
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
