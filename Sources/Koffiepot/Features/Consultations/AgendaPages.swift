import Plot
import Vapor

enum AgendaPages {
    static func week(_ ctx: PageContext, monday: LocalDate, entries: [AgendaController.Entry]) -> Response {
        let t = ctx.t
        let byDay = Dictionary(grouping: entries) { LocalDate(containing: $0.slot.startsAt) }.sorted { $0.key < $1.key }
        return PageLayout.render(ctx, title: t("agenda.title")) {
            Tag("h1") { Txt(t("agenda.title")) }
            Confirmation(ctx, allowed: ["agenda.saved", "agenda.cancelled"])
            Tag("p") { Txt(t("agenda.not_a_file")) }.cls("notice")
            Tag("nav") {
                A(Paths.Staff.page(.agenda, "?week=\(monday.adding(days: -7))")) { Txt("← " + t("agenda.previous")) }
                Txt(" · \(t.dayTitle(monday)) – \(t.dayTitle(monday.adding(days: 6))) · ")
                A(Paths.Staff.page(.agenda, "?week=\(monday.adding(days: 7))")) { Txt(t("agenda.next") + " →") }
            }.attr("aria-label", t("agenda.weeks")).cls("weeknav")
            if entries.isEmpty { Tag("p") { Txt(t("agenda.empty")) } }
            for (day, slots) in byDay {
                Tag("h2") { Txt(t.dayTitle(day)) }
                Tag("ul") {
                    for entry in slots { slotItem(ctx, entry) }
                }.cls("admin-list")
            }
        }
    }

    private static func slotItem(_ ctx: PageContext, _ entry: AgendaController.Entry) -> Component {
        let t = ctx.t
        let slot = entry.slot
        return Tag("li") {
            Tag("p") {
                Tag("strong") { Tag("time") { Txt(SlotText.time(slot)) }.attr("dir", "ltr") }
                Txt(" · \(slot.location.name) · \(SlotText.how(slot, t))")
                if slot.cancelled {
                    Tag("strong") { Txt(" " + t("presence.cancelled")) }.cls("badge cancelled")
                } else if entry.bookings.isEmpty {
                    Txt(" · " + t("agenda.free"))
                }
            }
            for booking in entry.bookings { bookingCard(ctx, booking) }
        }.cls("slot-entry")
    }

    private static func bookingCard(_ ctx: PageContext, _ booking: Booking) -> Component {
        let t = ctx.t
        let base = Paths.Staff.booking(booking.id!)
        var who = "\(booking.name) (\(t(booking.booker.labelKey)))"
        if booking.participants != .alone {
            who +=
                " · " + t(booking.participants.labelKey)
                + (booking.teacherName.isEmpty ? "" : ": " + booking.teacherName)
        }
        let language = t("lang.\(booking.language)") + (booking.interpreter ? " · " + t("agenda.interpreter") : "")
        return Tag("article") {
            Tag("h3") { Txt(who) }
            if !booking.topics.isEmpty {
                Tag("p") { TopicLabels(booking.topics, t) }
            }
            if !booking.about.isEmpty { Tag("p") { Txt(booking.about) }.cls("about").attr("dir", "auto") }
            Tag("p") { Txt(t("book.language") + ": " + language) }
            Tag("p") { Txt(t("agenda.status") + ": " + t("status.\(booking.status.rawValue)")) }.cls("status")
            if booking.status == .booked {
                InlineAction(
                    ctx, action: base + "/held", label: t("agenda.held"),
                    accessibleName: t("agenda.held") + ": " + booking.name)
                InlineAction(
                    ctx, action: base + "/no-show", label: t("agenda.no_show"),
                    accessibleName: t("agenda.no_show") + ": " + booking.name)
                Tag("details") {
                    Tag("summary") { Txt(t("agenda.cancel")) }
                    Tag("form") {
                        CSRFField(ctx)
                        Tag("label") { Txt(t("agenda.cancel_message")) }.attr("for", "msg-\(booking.id!.uuidString)")
                        Tag("textarea") { Txt("") }.attr("id", "msg-\(booking.id!.uuidString)").attr("name", "message")
                            .attr("maxlength", "300").attr("rows", "3")
                        Tag("button") { Txt(t("agenda.cancel_send")) }.attr("type", "submit")
                    }.attr("method", "post").attr("action", base + "/cancel").cls("stack")
                }
            }
            Tag("form") {
                CSRFField(ctx)
                Tag("label") { Txt(t("agenda.note")) }.attr("for", "note-\(booking.id!.uuidString)")
                Tag("div") {
                    VoidTag(
                        "input",
                        [
                            ("id", "note-\(booking.id!.uuidString)"), ("name", "note"), ("value", booking.advisorNote),
                            ("maxlength", "200"),
                        ])
                    Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
                }.cls("searchrow")
            }.attr("method", "post").attr("action", base + "/note").cls("note")
        }.cls("booking")
    }
}
