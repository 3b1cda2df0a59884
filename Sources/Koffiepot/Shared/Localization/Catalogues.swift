import Foundation
import Vapor

/// All user-facing text, loaded once from `Resources/Locales/<lang>.json`.
public struct Catalogues: Sendable {
    let texts: [Language: [String: String]]

    static func load(from directory: String) throws -> Catalogues {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = directory + language.rawValue + ".json"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Abort(.internalServerError, reason: "missing locale file \(path)")
            }
            texts[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogues(texts: texts)
    }

    /// Text for `key`, with `{name}` placeholders filled. Falls back to Dutch, then to the key,
    /// so a missing translation is visible instead of crashing (and a test catches it first).
    func text(_ key: String, _ language: Language, _ args: [String: String] = [:]) -> String {
        var value = texts[language]?[key] ?? texts[.nl]?[key] ?? key
        for (name, replacement) in args { value = value.replacingOccurrences(of: "{\(name)}", with: replacement) }
        return value
    }
}

/// The text function a page gets: `t("home.title")`.
public struct Localizer: Sendable {
    public let language: Language
    let catalogues: Catalogues

    public func callAsFunction(_ key: String, _ args: [String: String] = [:]) -> String {
        catalogues.text(key, language, args)
    }

    /// A left-to-right value ("2026-2027") set inside a right-to-left sentence: isolated, so an Arabic sentence
    /// does not show the school year as "2027-2026". Unchanged in left-to-right languages.
    func leftToRight(_ value: String) -> String {
        language.isRightToLeft ? "\u{2066}\(value)\u{2069}" : value
    }

    /// Weekday name, 1 = Monday.
    func weekday(_ iso: Int) -> String { self("weekday.\(iso)") }

    /// "dinsdag 24 november" in the page language.
    func dayTitle(_ date: LocalDate) -> String {
        "\(weekday(date.weekday)) \(date.day) \(self("month.\(date.month)"))"
    }

    /// "dinsdag 24 november 10:00": a moment in the page language and Dutch time.
    func moment(_ date: Date) -> String {
        "\(dayTitle(LocalDate(containing: date))) \(ClockTime.format(Calendar.amsterdamMinute(of: date)))"
    }
}

extension Application {
    private struct CataloguesKey: StorageKey { typealias Value = Catalogues }
    var catalogues: Catalogues {
        get { storage[CataloguesKey.self] ?? Catalogues(texts: [:]) }
        set { storage[CataloguesKey.self] = newValue }
    }
}
