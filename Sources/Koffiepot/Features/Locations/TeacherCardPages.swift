import Foundation
import Plot
import Vapor

enum TeacherCardPages {
    /// Four identical A6 cards on one A4 sheet, to cut; the print button is the only thing not printed.
    static func sheet(_ ctx: PageContext, card: TeacherCard) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("card.title")) {
            Tag("div") {
                Tag("h1") { Txt(t("card.title")) }
                Tag("p") { Txt(t("card.print_hint")) }.cls("hint")
                Tag("p") { A(phoneLink(card)) { Txt(t("card.phone_link")) } }
            }.cls("noprint")
            Tag("div") {
                for _ in 0..<4 {
                    Tag("section") { face(card) }.cls("teachercard").attr("aria-label", card.location.name)
                }
            }.cls("cardsheet")
        }
    }

    static func phone(_ ctx: PageContext, card: TeacherCard) -> Response {
        PageLayout.render(ctx, title: ctx.t("card.title")) {
            Tag("section") { face(card) }.cls("teachercard phone")
        }
    }

    private static func phoneLink(_ card: TeacherCard) -> String {
        let second = card.localizers.dropFirst().first.map { "&second=\($0.language.rawValue)" } ?? ""
        return Paths.location(card.location.id!, "/card/phone?lang=\(card.localizers[0].language.rawValue)\(second)")
    }

    /// The card itself: one column per language, the QR code below both.
    private static func face(_ card: TeacherCard) -> Component {
        ComponentGroup {
            Tag("div") {
                for t in card.localizers {
                    Tag("div") { column(card, t) }.cls("cardcolumn")
                        .attr("lang", t.language.rawValue).attr("dir", t.language.isRightToLeft ? "rtl" : "ltr")
                }
            }.cls(card.localizers.count > 1 ? "cardcolumns two" : "cardcolumns")
            Node<Any>.raw(
                QRCode.svg(card.url, label: card.localizers[0]("card.qr_label", ["location": card.location.name])) ?? ""
            )
            Tag("p") { Txt(card.url) }.cls("cardlink").attr("dir", "ltr")
        }
    }

    private static func column(_ card: TeacherCard, _ t: Localizer) -> Component {
        ComponentGroup {
            Tag("p") { Txt(t("card.eyebrow")) }.cls("eyebrow")
            for advisor in card.advisors {
                Tag("div") {
                    Tag("div") { Txt(advisor.initials) }.cls("avatar c\(AdvisorHue.of(advisor))").attr(
                        "aria-hidden", "true")
                    Tag("p") { Tag("strong") { Txt(advisor.name) } }
                }.cls("cardface")
                Tag("p") {
                    Txt(
                        t(
                            "card.helps",
                            ["name": advisor.name.split(separator: " ").first.map(String.init) ?? advisor.name]))
                }
                if !advisor.topics.isEmpty {
                    Tag("p") {
                        TopicLabels(advisor.topics, t)
                    }.cls("cardtopics")
                }
            }
            if card.advisors.isEmpty { Tag("p") { Txt(t("card.no_advisor")) } }
            Tag("ul") {
                for rule in card.rules {
                    Tag("li") {
                        Txt(t("card.every", ["day": t("weekday.\(rule.weekday)"), "room": rule.room]) + " ")
                        Tag("span") {
                            Txt("\(ClockTime.format(rule.startMinute))–\(ClockTime.format(rule.endMinute))")
                        }.attr("dir", "ltr")
                        Txt(" · " + t(rule.mode.labelKey))
                    }
                }
            }.cls("cardpresence")
            Tag("p") { Txt(t("card.reach", ["location": card.location.name])) }
        }
    }
}
