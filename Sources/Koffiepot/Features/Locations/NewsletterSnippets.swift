import Foundation

/// Texts a school pastes into its newsletter (issue 13 pt 5): who the advisor is and when she is there, each
/// coming gathering, and the free consultation times of the coming weeks — in one language, plain text and
/// HTML, each with a link marked `?via=newsletter`. A pure builder; the controller fetches what it needs.
enum NewsletterSnippets {
    struct Snippet: Sendable, Equatable {
        let kind: String
        let title: String
        let text: String
        let link: String

        /// The same as HTML for newsletter tools: escaped, one paragraph, the link written out.
        var html: String {
            "<p><strong>\(title.attributeEscaped)</strong><br>\(text.attributeEscaped.replacingOccurrences(of: "\n", with: "<br>"))<br>"
                + "<a href=\"\(link.attributeEscaped)\">\(link.attributeEscaped)</a></p>"
        }
    }

    static func build(
        location: Location, advisors: [StaffUser], rules: [PresenceRule], gatherings: [Gathering], freeSlots: Int,
        publicURL: String, t: Localizer
    ) -> [Snippet] {
        let id = location.id!.uuidString
        let page = Paths.absolute(Paths.location(location.id!, "?via=newsletter"), publicURL)
        let names = advisors.map(\.name).joined(separator: " & ")
        let moments = rules.sorted { ($0.weekday, $0.startMinute) < ($1.weekday, $1.startMinute) }.map { rule in
            t(
                "snippet.moment",
                [
                    "day": t("weekday.\(rule.weekday)"), "from": ClockTime.format(rule.startMinute),
                    "to": ClockTime.format(rule.endMinute), "room": rule.room, "how": t(rule.mode.labelKey),
                ])
        }
        var snippets = [
            Snippet(
                kind: "location", title: t("snippet.location_title", ["location": location.name]),
                text: ([t("snippet.location_text", ["names": names.isEmpty ? t("snippet.an_advisor") : names])]
                    + moments).joined(separator: "\n"),
                link: page)
        ]
        if freeSlots > 0 {
            snippets.append(
                Snippet(
                    kind: "consultation", title: t("snippet.slots_title"),
                    text: t("snippet.slots_text", ["n": "\(freeSlots)", "names": names]), link: page + "#spreekuur"))
        }
        for gathering in gatherings {
            let day = LocalDate(containing: gathering.startsAt)
            let time = ClockTime.format(Calendar.amsterdamMinute(of: gathering.startsAt))
            let text = [
                t("snippet.gathering_when", ["day": t.dayTitle(day), "time": time, "room": gathering.room]),
                gathering.description,
            ]
            .filter { !$0.isEmpty }.joined(separator: "\n")
            snippets.append(
                Snippet(
                    kind: "gathering", title: gathering.title, text: text,
                    link: Paths.absolute(Paths.gathering(gathering.id!) + "?via=newsletter", publicURL)))
        }
        return snippets
    }
}
