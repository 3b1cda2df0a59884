import Foundation
import Plot
import Vapor

enum PosterPages {
    enum Size: String { case a4, a6 }

    struct Poster {
        let kind: String
        let location: Location
        let advisors: [StaffUser]
        let rules: [PresenceRule]
        let gathering: Gathering?
        let url: String
    }

    static func page(_ ctx: PageContext, poster: Poster, localizers: [Localizer], size: Size) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("poster.title")) {
            Tag("div") {
                Tag("p") { Txt(t("poster.print_hint")) }.cls("hint")
                Tag("p") {
                    A("?size=a4&lang=\(ctx.language.rawValue)\(second(localizers))") { Txt(t("poster.a4")) }
                    Txt(" · ")
                    A("?size=a6&lang=\(ctx.language.rawValue)\(second(localizers))") { Txt(t("poster.a6")) }
                }
                if poster.gathering == nil {
                    Tag("p") {
                        for kind in PosterController.Kind.allCases {
                            A(Paths.Staff.location(poster.location.id!, "/posters/\(kind.rawValue)")) {
                                Txt(t("poster.\(kind.rawValue)_title"))
                            }
                            Txt(" ")
                        }
                    }
                }
            }.cls("noprint")
            Tag("article") {
                Tag("div") {
                    for l in localizers {
                        Tag("div") { column(poster, l) }.cls("cardcolumn")
                            .attr("lang", l.language.rawValue).attr("dir", l.language.isRightToLeft ? "rtl" : "ltr")
                    }
                }.cls(localizers.count > 1 ? "cardcolumns two" : "cardcolumns")
                Node<Any>.raw(QRCode.svg(poster.url, label: t("poster.qr_label")) ?? "")
                Tag("p") { Txt(poster.url) }.cls("cardlink").attr("dir", "ltr")
            }.cls("poster \(size.rawValue)")
        }
    }

    private static func second(_ localizers: [Localizer]) -> String {
        localizers.dropFirst().first.map { "&second=\($0.language.rawValue)" } ?? ""
    }

    private static func column(_ poster: Poster, _ t: Localizer) -> Component {
        ComponentGroup {
            Tag("p") { Txt(poster.location.name) }.cls("eyebrow")
            if let gathering = poster.gathering {
                Tag("h1") { Txt(gathering.title) }.attr("lang", "nl").attr("dir", "auto")
                Tag("p") {
                    Txt(
                        t(
                            "snippet.gathering_when",
                            [
                                "day": t.dayTitle(LocalDate(containing: gathering.startsAt)),
                                "time": ClockTime.format(Calendar.amsterdamMinute(of: gathering.startsAt)),
                                "room": gathering.room,
                            ]))
                }.cls("poster-when")
                Tag("p") { Txt(t("poster.gathering_text")) }
            } else {
                Tag("h1") { Txt(t("poster.\(poster.kind)_title")) }
                Tag("p") { Txt(t("poster.\(poster.kind)_text")) }
            }
            for advisor in poster.advisors {
                Tag("div") {
                    Tag("div") { Txt(advisor.initials) }.cls("avatar c\(AdvisorHue.of(advisor))").attr(
                        "aria-hidden", "true")
                    Tag("p") { Tag("strong") { Txt(advisor.name) } }
                }.cls("cardface")
                if poster.kind == "location", !advisor.topics.isEmpty {
                    Tag("p") { TopicLabels(advisor.topics, t) }.cls("cardtopics")
                }
            }
            if !poster.rules.isEmpty {
                Tag("ul") {
                    for rule in poster.rules where poster.kind == "location" || rule.mode == .appointment {
                        Tag("li") {
                            Txt(t("card.every", ["day": t("weekday.\(rule.weekday)"), "room": rule.room]) + " ")
                            Tag("span") {
                                Txt("\(ClockTime.format(rule.startMinute))–\(ClockTime.format(rule.endMinute))")
                            }.attr("dir", "ltr")
                        }
                    }
                }.cls("cardpresence")
            }
            Tag("p") { Tag("strong") { Txt(t("poster.scan")) } }
        }
    }
}
