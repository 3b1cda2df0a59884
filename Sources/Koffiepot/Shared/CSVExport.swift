/// CSV that a spreadsheet cannot mistake for formulas: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading apostrophe, and every cell is quoted.
import Vapor

enum CSVExport {
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A download: UTF-8 CSV under `filename`, never kept in a shared cache.
    static func response(_ rows: [[String]], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: render(rows)))
    }
}
