import Plot
import Vapor

/// The *spreekuur* section of a location page: free times, a tap away from booking.
func SlotList(_ ctx: PageContext, slots: [SlotView]) -> Component {
    let t = ctx.t
    let byDay = Dictionary(grouping: slots) { LocalDate(containing: $0.slot.startsAt) }.sorted { $0.key < $1.key }
    return Tag("section") {
        Tag("h2") { Txt(t("slots.title")) }.attr("id", "spreekuur")
        Tag("p") { Txt(t("slots.intro")) }
        if slots.isEmpty { Tag("p") { Txt(t("slots.none")) }.cls("notice") }
        for (day, views) in byDay {
            Tag("h3") { Txt(t.dayTitle(day)) }.cls("day")
            Tag("ul") {
                for view in views {
                    Tag("li") {
                        A(Paths.bookSlot(view.id)) {
                            Tag("time") { Txt(SlotText.time(view.slot)) }.attr("dir", "ltr")
                            Tag("span") { Txt(" · \(view.advisorName) · \(t(view.slot.mode.labelKey))") }
                        }.attr(
                            "aria-label",
                            t(
                                "slots.book_at",
                                ["time": "\(t.dayTitle(day)) \(SlotText.time(view.slot))", "advisor": view.advisorName])
                        )
                    }
                }
            }.cls("slots")
        }
        Tag("p") { A(Paths.myAppointment) { Txt(t("lookup.link")) } }
    }.cls("spreekuur")
}

/// A radio choice of slots (used when moving a booking and after "just taken").
func SlotChoice(_ ctx: PageContext, slots: [SlotView], legend: String, selected: UUID?) -> Component {
    let t = ctx.t
    return Tag("fieldset") {
        Tag("legend") { Txt(legend) }
        for view in slots {
            Tag("label") {
                VoidTag(
                    "input",
                    [("type", "radio"), ("name", "slot"), ("value", view.id.uuidString), ("required", "required")]
                        + (view.id == selected ? [("checked", "checked")] : []))
                Txt(
                    " \(SlotText.day(view.slot, t)) \(SlotText.time(view.slot)) · \(view.advisorName) · \(t(view.slot.mode.labelKey))"
                )
            }.cls("check")
        }
    }
}
