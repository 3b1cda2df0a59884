import Plot
import Vapor

enum SlotAdminPages {
    static func page(
        _ ctx: PageContext, location: Location, slots: [ConsultationSlot], generateForm: FormState,
        singleForm: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        let base = Paths.Staff.location(location.id!, "/slots")
        let modes = SlotMode.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
        return PageLayout.render(ctx, title: t("slotadmin.title", ["location": location.name]), status: status) {
            Tag("h1") { Txt(t("slotadmin.title", ["location": location.name])) }
            if let created = ctx.query["created"].flatMap(Int.init) {
                Tag("p") { Txt(t("slotadmin.created", ["count": "\(created)"])) }.attr("role", "status").cls("flash")
            }
            Tag("p") { A(Paths.Staff.page(.agenda)) { Txt(t("agenda.title")) } }
            Tag("h2") { Txt(t("slotadmin.upcoming")) }
            if slots.isEmpty { Tag("p") { Txt(t("slots.none")) } }
            Tag("ul") {
                for slot in slots {
                    Tag("li") {
                        Txt("\(SlotText.day(slot, t)) ")
                        Tag("time") { Txt(SlotText.time(slot)) }.attr("dir", "ltr")
                        Txt(
                            " · \(SlotText.how(slot, t)) · \(t("slotadmin.taken", ["taken": "\(slot.taken)", "capacity": "\(slot.capacity)"]))"
                        )
                        if slot.cancelled {
                            Tag("strong") { Txt(" " + t("presence.cancelled")) }.cls("badge cancelled")
                        } else {
                            InlineAction(
                                ctx, action: "\(base)/\(slot.id!.uuidString)/cancel", label: t("slotadmin.cancel"),
                                accessibleName: t("slotadmin.cancel") + " " + SlotText.day(slot, t) + " "
                                    + SlotText.time(slot))
                        }
                    }
                }
            }.cls("admin-list")

            Tag("h2") { Txt(t("slotadmin.generate")) }
            Tag("p") { Txt(t("slotadmin.generate_hint")) }.cls("hint")
            ErrorSummary(generateForm, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "from", label: t("slotadmin.from"), type: "date", required: true).render(
                    generateForm, t)
                FormField(name: "through", label: t("slotadmin.through"), type: "date", required: true).render(
                    generateForm, t)
                FormField(name: "length", label: t("slotadmin.length"), type: "number", required: true).render(
                    generateForm, t)
                FormField(name: "gap", label: t("slotadmin.gap"), type: "number", required: true).render(
                    generateForm, t)
                SelectField(name: "mode", label: t("presence.mode"), options: modes).render(generateForm, t)
                FormField(name: "capacity", label: t("slotadmin.capacity"), type: "number", required: true).render(
                    generateForm, t)
                FormField(name: "video", label: t("slotadmin.video"), type: "url").render(generateForm, t)
                Tag("button") { Txt(t("slotadmin.generate_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", base + "/generate").cls("stack")

            Tag("h2") { Txt(t("slotadmin.single")) }
            ErrorSummary(singleForm, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "date", label: t("presence.date"), type: "date", required: true).render(singleForm, t)
                FormField(name: "start", label: t("presence.start"), type: "time", required: true).render(singleForm, t)
                FormField(name: "end", label: t("presence.end"), type: "time", required: true).render(singleForm, t)
                FormField(name: "room", label: t("presence.room")).render(singleForm, t)
                SelectField(name: "mode", label: t("presence.mode"), options: modes).render(singleForm, t)
                FormField(name: "capacity", label: t("slotadmin.capacity"), type: "number", required: true).render(
                    singleForm, t)
                FormField(name: "video", label: t("slotadmin.video"), type: "url").render(singleForm, t)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", base + "/single").cls("stack")
        }
    }
}
