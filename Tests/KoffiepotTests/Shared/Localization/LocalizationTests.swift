import Fluent
import Foundation
import Testing
@testable import Koffiepot

@Suite struct LocalizationTests {
    /// The package folder: the nearest folder above this file that holds `Package.swift`.
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    func catalogue(_ language: Language) throws -> [String: String] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Resources/Locales/\(language.rawValue).json"))
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test(arguments: Language.allCases)
    func everyCatalogueHasEveryDutchKey(_ language: Language) throws {
        let dutch = try catalogue(.nl), other = try catalogue(language)
        #expect(
            Set(dutch.keys).subtracting(other.keys).isEmpty,
            "missing in \(language): \(Set(dutch.keys).subtracting(other.keys).sorted())")
        #expect(
            Set(other.keys).subtracting(dutch.keys).isEmpty,
            "unknown in \(language): \(Set(other.keys).subtracting(dutch.keys).sorted())")
        #expect(other.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        // Every {placeholder} of the Dutch text is in the translation, and no other: a lost {link} would send a
        // message without its link.
        let placeholders = { (text: String) in text.matches(of: /\{[a-z_]+\}/).map { String($0.output) }.sorted() }
        let broken = dutch.keys.filter { key in
            other[key].map { placeholders($0) != placeholders(dutch[key]!) } ?? false
        }
        #expect(broken.isEmpty, "placeholders differ in \(language): \(broken.sorted())")
    }

    /// Keys written literally in the code (`t("…")`) and keys built from enums must exist in Dutch.
    @Test func everyKeyTheCodeUsesExists() throws {
        let dutch = try catalogue(.nl)
        var used: Set<String> = []
        let sources = Self.root.appendingPathComponent("Sources/Koffiepot")
        let regex = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_])t\("([a-z_]+\.[a-z_.0-9]+)""#)
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        used.formUnion(Topic.allCases.map(\.labelKey))
        used.formUnion(LocationKind.allCases.map(\.labelKey))
        used.formUnion(PresenceMode.allCases.map(\.labelKey))
        used.formUnion(Role.allCases.map { "role.\($0.rawValue)" })
        used.formUnion((1...7).map { "weekday.\($0)" } + (1...12).map { "month.\($0)" })
        used.formUnion(PresenceAdminPages.confirmations.union(UserPages.confirmations))
        used.formUnion(
            SlotMode.allCases.map(\.labelKey) + Participants.allCases.map(\.labelKey) + Booker.allCases.map(\.labelKey))
        used.formUnion(["booked", "cancelled", "held", "no_show"].map { "status.\($0)" })
        used.formUnion(BookingRules.conversationLanguages.map { "lang.\($0)" })
        used.formUnion(["pending", "sending", "sent", "dead"].map { "outbox.\($0)" })
        used.formUnion(
            MessageTemplate.allCases.flatMap {
                ["mail.\($0.rawValue).subject", "mail.\($0.rawValue).body", "mail.\($0.rawValue).sms"]
            } + ["mail.footer"])
        used.formUnion(
            GatheringKind.allCases.map(\.labelKey) + AgeGroup.allCases.map(\.labelKey)
                + EvidenceStatus.allCases.map(\.labelKey))
        used.formUnion(["registration.done_confirmed", "registration.done_waitlisted", "gadmin.cancelled"])
        used.formUnion(["booking.booked", "booking.moved", "agenda.saved", "agenda.cancelled", "profile.saved"])
        used.formUnion(FeedbackKind.allCases.map(\.labelKey) + (1...5).map { "feedback.score.\($0)" })
        used.formUnion(
            [FeedbackError.score, .tooLong, .badText, .alreadyGiven, .unknownCode, .notYet].map(\.messageKey))
        used.formUnion(StandardReply.allCases.flatMap { [$0.textKey, $0.labelKey] })
        used.formUnion(DeskFilter.Waiting.allCases.map { "desk.waiting_filter.\($0 == .any ? "any" : $0.rawValue)" })
        used.formUnion(
            FeedbackKind.allCases.map { "feedback.heading.\($0.rawValue)" } + WishPages.notices + ["wish.merged"])
        used.formUnion(
            InsightReport.contactRows.map(\.label)
                + ["direct", "advisor", "teacher", "ambassador", "coordinator", "admin"].map { "insight.channel.\($0)" }
        )
        used.formUnion(
            QuestionsController.notices + ["desk.answered", "desk.closed", "library.published", "library.removed"])
        for kind in ["bad_request", "forbidden", "not_found", "too_large", "too_many", "server"] {
            used.formUnion(["error.\(kind).title", "error.\(kind).text"])
        }
        used.formUnion(APIErrorCode.allCases.map { "api.error.\($0.rawValue)" })
        #expect(used.count > 100)
        #expect(used.subtracting(dutch.keys).isEmpty, "used but missing: \(used.subtracting(dutch.keys).sorted())")
    }

    @Test func acceptLanguageNegotiation() {
        #expect(Language.negotiate(acceptLanguage: "ar-MA,ar;q=0.9,en;q=0.5") == .ar)
        #expect(Language.negotiate(acceptLanguage: "de;q=1, en-GB;q=0.7") == .en)
        #expect(Language.negotiate(acceptLanguage: "en;q=0, nl;q=0.1") == .nl)
        #expect(Language.negotiate(acceptLanguage: "fr") == nil)
    }
}
