import Plot
import Vapor

enum LocationAdminPages {
    static func form(
        _ ctx: PageContext, form: FormState, advisors: [StaffUser], teachers: [StaffUser], action: String,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        let title = t(action == Paths.Staff.page(.locations) ? "locations.new" : "locations.edit")
        return PageLayout.render(ctx, title: title, status: status) {
            Tag("h1") { Txt(title) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "name", label: t("locations.name"), required: true).render(form, t)
                SelectField(
                    name: "kind", label: t("locations.kind"),
                    options: LocationKind.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
                ).render(form, t)
                FormField(name: "address", label: t("locations.address"), required: true).render(form, t)
                FormField(name: "neighbourhood", label: t("locations.neighbourhood"), required: true).render(form, t)
                FormField(name: "wijkcode", label: t("locations.wijkcode"), hint: t("locations.cbs_hint")).render(
                    form, t)
                FormField(name: "buurtcode", label: t("locations.buurtcode")).render(form, t)
                FormField(name: "municipality", label: t("locations.municipality"), required: true).render(form, t)
                SelectField(
                    name: "region", label: t("locations.region"),
                    options: HolidayRegion.allCases.map { (value: $0.rawValue, label: t("region.\($0.rawValue)")) }
                ).render(form, t)
                SelectField(
                    name: "advisor", label: t("locations.advisor"),
                    options: [(value: "", label: t("locations.none"))]
                        + advisors.map { (value: $0.id?.uuidString ?? "", label: $0.name) }
                )
                .render(form, t)
                if !teachers.isEmpty {
                    let chosen = Set(form["teachers"].split(separator: ",").map(String.init))
                    Tag("fieldset") {
                        Tag("legend") { Txt(t("locations.teachers")) }
                        for teacher in teachers {
                            let id = teacher.id?.uuidString ?? ""
                            Tag("label") {
                                VoidTag(
                                    "input",
                                    [("type", "checkbox"), ("name", "teachers[]"), ("value", id)]
                                        + (chosen.contains(id) ? [("checked", "checked")] : []))
                                Txt(" " + teacher.name)
                            }.cls("check")
                        }
                    }.cls("radios")
                }
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", action).cls("stack")
        }
    }

    static func holidays(_ ctx: PageContext, holidays: [SchoolHoliday], form: FormState, status: HTTPStatus) -> Response
    {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("holidays.title"), status: status) {
            Tag("h1") { Txt(t("holidays.title")) }
            if let cancelled = ctx.query["slots_cancelled"].flatMap(Int.init) {
                Tag("p") { Txt(t("holidays.saved", ["count": "\(cancelled)"])) }.attr("role", "status").cls("flash")
            }
            Tag("ul") {
                for holiday in holidays {
                    Tag("li") {
                        Txt(
                            "\(holiday.name) · \(t("region.\(holiday.region.rawValue)")) · \(holiday.firstDay) – \(holiday.lastDay)"
                        )
                        InlineAction(
                            ctx, action: Paths.Staff.holiday(holiday.id!, "/delete"),
                            label: t("presence.delete_rule"),
                            accessibleName: t("presence.delete_rule") + ": " + holiday.name)
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("holidays.add")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "name", label: t("holidays.name"), required: true).render(form, t)
                SelectField(
                    name: "region", label: t("locations.region"),
                    options: HolidayRegion.allCases.map { (value: $0.rawValue, label: t("region.\($0.rawValue)")) }
                ).render(form, t)
                FormField(name: "first", label: t("holidays.first"), type: "date", required: true).render(form, t)
                FormField(name: "last", label: t("holidays.last"), type: "date", required: true).render(form, t)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.holidays)).cls("stack")
        }
    }
}
