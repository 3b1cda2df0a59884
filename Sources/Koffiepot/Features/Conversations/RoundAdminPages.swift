import Foundation
import Plot
import Vapor

/// The teacher's pages: plan a round in a minute, share its link, see who comes when.
enum RoundAdminPages {
    static func list(
        _ ctx: PageContext, rounds: [ConversationRound], locations: [Location], form: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("round.title"), status: status) {
            Tag("h1") { Txt(t("round.title")) }
            if !rounds.isEmpty {
                Tag("ul") {
                    for round in rounds {
                        Tag("li") {
                            A(Paths.Staff.round(round.id!)) { Txt("\(round.title) · \(round.group)") }
                            Txt(" · \(round.location.name)")
                        }
                    }
                }.cls("admin-list")
            }
            Tag("h2") { Txt(t("round.new")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                SelectField(
                    name: "location", label: t("round.location"),
                    options: locations.map { (value: $0.id!.uuidString, label: $0.name) }
                ).render(form, t)
                FormField(name: "title", label: t("round.name"), required: true, hint: t("round.name_hint")).render(
                    form, t)
                FormField(name: "group", label: t("round.group"), required: true).render(form, t)
                FormField(name: "slotMinutes", label: t("round.slot_minutes"), type: "number", required: true).render(
                    form, t)
                FormField(name: "breakMinutes", label: t("round.break_minutes"), type: "number").render(form, t)
                for row in 1...RoundAdminController.formDays {
                    Tag("fieldset") {
                        Tag("legend") { Txt(t(row == 1 ? "round.day_first" : "round.day_more", ["n": "\(row)"])) }
                        FormField(name: "date\(row)", label: t("round.date"), type: "date", required: row == 1).render(
                            form, t)
                        FormField(name: "from\(row)", label: t("round.from"), type: "time").render(form, t)
                        FormField(name: "to\(row)", label: t("round.to"), type: "time").render(form, t)
                    }.cls("day-row")
                }
                Tag("button") { Txt(t("round.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.rounds)).cls("stack")
        }
    }

    /// Who comes when, names only: a booking with the support box ticked looks exactly like one without.
    static func overview(
        _ ctx: PageContext, round: ConversationRound, slots: [(slot: ConversationSlot, booking: ConversationBooking?)],
        link: String
    ) -> Response {
        let t = ctx.t
        let booked = slots.filter { $0.booking != nil }.count
        return PageLayout.render(ctx, title: round.title) {
            Confirmation(ctx, allowed: ["round.planned"])
            Tag("h1") { Txt(round.title) }
            Tag("p") { Txt(t("conv.group_at", ["group": round.group, "location": round.location.name])) }.cls("lead")
            Tag("p") { Txt(t("round.booked_count", ["booked": "\(booked)", "total": "\(slots.count)"])) }
            Tag("div") {
                Tag("p") { Txt(t("round.share")) }
                Tag("p") { A(link) { Txt(link) } }.attr("dir", "ltr").cls("share-link")
                Node<Any>.raw(QRCode.svg(link, label: t("round.qr_label")) ?? "")
            }.cls("share")
            Tag("table") {
                Tag("thead") {
                    Tag("tr") {
                        Tag("th") { Txt(t("round.time")) }.attr("scope", "col")
                        Tag("th") { Txt(t("round.parent")) }.attr("scope", "col")
                        Tag("th") { Txt(t("round.child")) }.attr("scope", "col")
                        Tag("th") { Txt(t("round.language")) }.attr("scope", "col")
                    }
                }
                Tag("tbody") {
                    for (slot, booking) in slots {
                        Tag("tr") {
                            Tag("td") {
                                Txt(t.dayTitle(LocalDate(containing: slot.startsAt)) + " ")
                                Tag("time") { Txt(ConversationPages.time(slot)) }.attr("dir", "ltr")
                            }
                            Tag("td") { Txt(booking?.parentName ?? t("round.free")) }
                            Tag("td") { Txt(booking?.childName ?? "") }
                            Tag("td") { Txt(booking.map { t("lang.\($0.language)") } ?? "") }
                        }
                    }
                }
            }.cls("data")
            Tag("p") { A(Paths.Staff.page(.rounds)) { Txt(t("round.back")) } }
        }
    }
}
