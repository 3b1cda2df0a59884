import Foundation
import Plot
import Vapor

/// Public pages: find your school, and "Wanneer is wie waar" per location.
enum LocationPages {
    static func home(_ ctx: PageContext, query: String, results: [Location]) -> Response {
        let t = ctx.t
        let byNeighbourhood = Dictionary(grouping: results, by: \.neighbourhood).sorted { $0.key < $1.key }
        return PageLayout.render(ctx, title: t("home.title")) {
            Tag("h1") { Txt(t("home.title")) }
            Tag("p") { Txt(t("home.intro")) }.cls("lead")
            Tag("form") {
                Tag("label") { Txt(t("home.search_label")) }.attr("for", "q")
                Tag("div") {
                    VoidTag(
                        "input",
                        [("type", "search"), ("id", "q"), ("name", "q"), ("value", query), ("autocomplete", "off")])
                    Tag("button") { Txt(t("home.search")) }.attr("type", "submit")
                }.cls("searchrow")
            }.attr("method", "get").attr("action", Paths.home).attr("role", "search")
            if results.isEmpty {
                Tag("p") { Txt(t("home.none", ["query": query])) }.attr("role", "status")
            }
            for (neighbourhood, locations) in byNeighbourhood {
                Tag("section") {
                    Tag("h2") { Txt(neighbourhood) }
                    Tag("ul") {
                        for location in locations {
                            Tag("li") {
                                A(Paths.location(location.id!)) { Txt(location.name) }
                                Tag("span") { Txt(t(location.kind.labelKey)) }.cls("kind")
                            }
                        }
                    }.cls("locations")
                }
            }
        }
    }

    static func location(
        _ ctx: PageContext, board: LocationPresence, weeks: [LocalDate], slots: [SlotView],
        gatherings: [Gathering], network: [Professional], now: Date
    ) -> Response {
        let t = ctx.t
        let location = board.location
        let id = location.id?.uuidString ?? ""
        return PageLayout.render(ctx, title: location.name) {
            Tag("p") { Txt(t(location.kind.labelKey) + " · " + location.neighbourhood) }.cls("eyebrow")
            Tag("h1") { Txt(location.name) }
            Tag("p") { Txt(location.address) }
            Tag("h2") { Txt(t("location.who")) }
            Tag("div") {
                for advisor in board.advisors { AdvisorCard(advisor: advisor, t: t) }
            }.cls("cards")
            if board.advisors.isEmpty { Tag("p") { Txt(t("location.no_advisor")) } }
            if !network.isEmpty {
                Tag("h2") { Txt(t("location.network")) }
                Tag("div") { for person in network { ProfessionalCard(person: person, t: t, forStaff: false) } }.cls(
                    "cards")
            }
            Tag("h2") { Txt(t("location.when")) }.attr("id", "when")
            for holiday in PresenceCalendar.holidays(
                board.holidays, touching: weeks[0], through: weeks[0].adding(days: 13))
            {
                Tag("p") { Txt(t("location.holiday", ["name": holiday.name])) }.cls("notice")
            }
            for (index, monday) in weeks.enumerated() {
                WeekSchedule(
                    title: t(index == 0 ? "location.this_week" : "location.next_week"), monday: monday,
                    board: board, now: now, t: t)
            }
            SlotList(ctx, slots: slots)
            Tag("p") {
                A(Paths.ask + "?location=\(id)") { Txt(t("question.title")) }
                Txt(" · ")
                A(Paths.location(location.id!, "/wensen")) { Txt(t("wish.title")) }
                Txt(" · ")
                A(Paths.location(location.id!, "/thuis")) { Txt(t("location.home_theme")) }
            }.cls("links")
            if !gatherings.isEmpty {
                Tag("h2") { Txt(t("gatherings.here")) }.attr("id", "bijeenkomsten")
                GatheringList(ctx, gatherings: gatherings, showLocation: false)
            }
            Tag("p") {
                A(Paths.location(location.id!, "/calendar.ics")) { Txt(t("location.calendar")) }
                Txt(" · ")
                A(Paths.embed("/locations/\(id)")) { Txt(t("location.embed")) }
            }.cls("links")
        }
    }

    /// The minimal widget for a school website: only this week and next, no header, no forms.
    static func embed(_ ctx: PageContext, board: LocationPresence, weeks: [LocalDate], publicURL: String, now: Date)
        -> Response
    {
        let t = ctx.t
        return PageLayout.render(ctx, title: board.location.name, bare: true) {
            Tag("h1") { Txt(t("location.when") + " · " + board.location.name) }.cls("embed-title")
            for (index, monday) in weeks.enumerated() {
                WeekSchedule(
                    title: t(index == 0 ? "location.this_week" : "location.next_week"), monday: monday,
                    board: board, now: now, t: t)
            }
            Tag("p") {
                A(Paths.absolute(Paths.location(board.location.id!), publicURL)) { Txt(t("embed.more")) }.attr(
                    "target", "_blank"
                ).attr(
                    "rel", "noopener")
            }
        }
    }
}

/// The colour of an advisor's initials avatar: always the same for the same name.
enum AdvisorHue {
    static func of(_ advisor: StaffUser) -> Int { PersonName.hue(advisor.name) }
}

/// An advisor's face: initials avatar, name, personal intro, what they help with.
func AdvisorCard(advisor: StaffUser, t: Localizer) -> Component {
    let hue = AdvisorHue.of(advisor)
    return Tag("article") {
        Tag("div") { Txt(advisor.initials) }.cls("avatar c\(hue)").attr("aria-hidden", "true")
        Tag("div") {
            Tag("h3") { Txt(advisor.name) }
            // Advisors write their intro themselves, usually in Dutch: mark it so screen readers and bidi get it right.
            if !advisor.intro.isEmpty { Tag("p") { Txt(advisor.intro) }.attr("lang", "nl").attr("dir", "auto") }
            if !advisor.topics.isEmpty {
                Tag("p") { Txt(t("location.helps_with")) }.cls("label")
                Tag("ul") {
                    for topic in advisor.topics {
                        Tag("li") {
                            PictogramIcon("topic-\(topic.rawValue)")
                            Txt(" " + t(topic.labelKey))
                        }
                    }
                }.cls("topics")
            }
        }
    }.cls("card")
}

/// One week, day by day: when, who, where, and whether an appointment is needed. Days before today are left
/// out (on a Saturday "this week" is the weekend only), today is named as today, and today's hours that are
/// over are greyed and said to be over.
func WeekSchedule(title: String, monday: LocalDate, board: LocationPresence, now: Date, t: Localizer) -> Component {
    let today = LocalDate(containing: now)
    let days = (0..<7).map { monday.adding(days: $0) }.filter { $0 >= today }
    let byDay = Dictionary(grouping: board.occurrences, by: \.date)
    return Tag("section") {
        Tag("h3") { Txt(title) }
        if days.allSatisfy({ byDay[$0] == nil }) {
            Tag("p") { Txt(t(monday < today ? "location.none_rest_of_week" : "location.none_this_week")) }
        }
        Tag("ul") {
            for day in days {
                if let moments = byDay[day] {
                    Tag("li") {
                        Tag("h4") {
                            Txt(day == today ? t("location.today", ["day": t.dayTitle(day)]) : t.dayTitle(day))
                        }
                        for moment in moments {
                            PresenceLine(moment: moment, board: board, past: moment.end <= now, t: t)
                        }
                    }
                }
            }
        }.cls("days")
    }.cls("week")
}

func PresenceLine(moment: PresenceOccurrence, board: LocationPresence, past: Bool = false, t: Localizer) -> Component {
    let who = board.advisor(moment.advisorID)?.name ?? ""
    let time = "\(ClockTime.format(moment.startMinute))–\(ClockTime.format(moment.endMinute))"
    let details = [who, moment.room, t(moment.mode.labelKey)].filter { !$0.isEmpty }.joined(separator: " · ")
    return Tag("p") {
        if moment.status == .cancelled {
            Tag("del") {
                Tag("bdi") { Txt(time) }.attr("dir", "ltr")
                Txt(" ")
                Tag("bdi") { Txt(details) }
            }
            Tag("strong") { Txt(" " + t("presence.cancelled")) }.cls("badge cancelled")
        } else {
            Tag("time") { Txt(time) }.attr("datetime", LocalTimestamp.format(moment.start)).attr("dir", "ltr")
            Txt(" ")
            Tag("bdi") { Txt(details) }
            if moment.status == .extra { Tag("strong") { Txt(" " + t("presence.extra")) }.cls("badge extra") }
            if past { Tag("span") { Txt(" " + t("presence.past")) }.cls("badge past") }
        }
    }.cls("moment \(moment.status.rawValue)\(past ? " past" : "")")
}
