/// The languages Koffiepot speaks. Dutch is the source; every catalogue must have every key.
public enum Language: String, CaseIterable, Codable, Sendable {
    /// In the order of the switcher: Dutch first, then the languages most parents in Dutch schools speak at home.
    case nl, en, tr, ar, pl, uk

    package var isRightToLeft: Bool { self == .ar }

    /// The language's own name, so a parent recognises it in the switcher.
    package var nativeName: String {
        switch self {
        case .nl: "Nederlands"
        case .en: "English"
        case .tr: "Türkçe"
        case .ar: "العربية"
        case .pl: "Polski"
        case .uk: "Українська"
        }
    }

    /// Picks the best supported language from an `Accept-Language` header value.
    package static func negotiate(acceptLanguage header: String) -> Language? {
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), q)
        }.sorted { $0.1 > $1.1 }
        for (tag, q) in ranked where q > 0 {
            let primary = String(tag.split(separator: "-").first ?? "")
            if let language = Language(rawValue: primary) { return language }
        }
        return nil
    }
}
