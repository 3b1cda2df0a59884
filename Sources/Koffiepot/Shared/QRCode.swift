import QRCodeEncoder
import Foundation

/// A QR code as an SVG drawing (the pure-Swift `QRCodeEncoder` target does the encoding). Inline SVG needs no script and no other
/// origin, so it prints on an invitation card as it shows on screen.
enum QRCode {
    /// The dark modules, row by row; nil when the text cannot be encoded.
    static func modules(_ text: String) -> [[Bool]]? {
        try? QRSymbol.encode(text, correction: .medium).rows
    }

    /// An SVG with a quiet zone of four modules; `label` becomes its accessible name.
    static func svg(_ text: String, label: String) -> String? {
        guard let rows = modules(text) else { return nil }
        let size = rows.count + 8
        var path = ""
        for (y, row) in rows.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" role="img" aria-label="\(label.attributeEscaped)" \
            class="qr" shape-rendering="crispEdges"><rect width="\(size)" height="\(size)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
