import Plot
import Vapor

// The one glue file between Plot and the app. Plot escapes text but not attribute values, so every
// attribute goes through `attr`, which escapes; pages never call Plot's attribute APIs directly.

extension String {
    var attributeEscaped: String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text content escaped fully (Plot's own escaping keeps existing entities, which would let
    /// `&lt;` typed by a person show up as `<`).
    var textEscaped: String {
        var out = ""
        for ch in self {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// Any element with children: `Tag("main") { … }`.
func Tag(_ name: String, @ComponentBuilder _ content: @escaping () -> ComponentGroup) -> Component {
    Element(name: name, content: content)
}

/// An element without children (`input`, `meta`, `img`, `link`).
func VoidTag(_ name: String, _ attributes: [(String, String)]) -> Component {
    Node<Any>.selfClosedElement(
        named: name,
        attributes: attributes.map {
            Attribute<Any>(name: $0.0, value: $0.1.attributeEscaped, ignoreIfValueIsEmpty: false)
        })
}

/// Plain text, fully escaped.
func Txt(_ text: String) -> Component { Node<Any>.raw(text.textEscaped) }

/// One cell of `TableRows`: its text and, when it should look set apart (a muted "not yet"), a class.
struct TableCell {
    let text: String
    var cls: String? = nil
}

/// The body rows of a data table (a row header, then cells), written as one piece of HTML: the dashboard's
/// tables run to hundreds of rows, and Plot builds and walks a component per element and per text; this writes
/// the same markup, every text escaped like `Txt`, in a small part of the time.
func TableRows(_ rows: [(header: String, cells: [TableCell])]) -> Component {
    var html = ""
    for row in rows {
        html += "<tr><th scope=\"row\">\(row.header.textEscaped)</th>"
        for cell in row.cells {
            html += cell.cls.map { "<td class=\"\($0.attributeEscaped)\">" } ?? "<td>"
            html += cell.text.textEscaped + "</td>"
        }
        html += "</tr>"
    }
    return Node<Any>.raw(html)
}

/// A link; `href` is escaped like every attribute.
func A(_ href: String, @ComponentBuilder _ content: @escaping () -> ComponentGroup) -> Component {
    Tag("a", content).attr("href", href)
}

extension Component {
    /// Sets an attribute with an escaped value.
    func attr(_ name: String, _ value: String) -> Component {
        attribute(named: name, value: value.attributeEscaped, replaceExisting: true, ignoreValueIfEmpty: false)
    }

    /// Sets a boolean attribute (`selected`, `checked`, `required`) when `on`.
    func flag(_ name: String, _ on: Bool = true) -> Component {
        on ? attribute(named: name, value: name, replaceExisting: true, ignoreValueIfEmpty: false) : self
    }

    func cls(_ names: String) -> Component { attr("class", names) }
}

/// A rendered document as an HTTP response.
struct HTMLDocument {
    let html: String

    func response(status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
