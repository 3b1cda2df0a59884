import Foundation
import Vapor

/// The access-log page: a filter form that works without JavaScript (GET), the rows, and the CSV of the same selection.
enum AccessLogPages {
    static func page(
        _ ctx: PageContext, filter: AccessLogFilter, rows: [AccessLogEntry], more: Bool, staff: [UUID: StaffUser]
    ) -> Response {
        let t = ctx.t
        let people = staff.values.sorted { $0.name < $1.name }
        let form = FormState(values: [
            "staff": filter.staffID?.uuidString ?? "", "role": filter.role?.rawValue ?? "",
            "kind": filter.kind ?? "", "from": filter.from.description, "to": filter.to.description,
        ])
        return PageLayout.render(ctx, title: t("accesslog.title")) {
            Tag("h1") { Txt(t("accesslog.title")) }
            Tag("p") { Txt(t("accesslog.intro", ["days": "\(RetentionJobs.accessLogDays)"])) }.cls("lead")
            Tag("form") {
                SelectField(
                    name: "staff", label: t("accesslog.staff"),
                    options: [("", t("accesslog.everyone"))]
                        + people.map { ($0.id?.uuidString ?? "", "\($0.name) (\(t("role.\($0.role.rawValue)")))") }
                )
                .render(form, t)
                SelectField(
                    name: "role", label: t("accesslog.role"),
                    options: [("", t("accesslog.every_role"))]
                        + Role.allCases.map { ($0.rawValue, t("role.\($0.rawValue)")) }
                ).render(form, t)
                SelectField(
                    name: "kind", label: t("accesslog.kind"),
                    options: [("", t("accesslog.every_kind"))] + AccessLogFilter.kinds.map { ($0, $0) }
                ).render(form, t)
                FormField(name: "from", label: t("accesslog.from"), type: "date").render(form, t)
                FormField(name: "to", label: t("accesslog.to"), type: "date").render(form, t)
                Tag("button") { Txt(t("accesslog.show")) }.attr("type", "submit")
            }.attr("method", "get").attr("action", Paths.Staff.page(.accessLog)).cls("stack filters")
            Tag("p") { A(Paths.Staff.page(.accessLogCSV, "?\(filter.query)")) { Txt(t("accesslog.csv")) } }
            if rows.isEmpty {
                Tag("p") { Txt(t("accesslog.empty")) }
            } else {
                Tag("div") {
                    Tag("table") {
                        Tag("caption") { Txt(t("accesslog.caption", ["count": "\(rows.count)"])) }
                        Tag("thead") {
                            Tag("tr") {
                                for key in ["accesslog.when", "accesslog.staff", "accesslog.role", "accesslog.subject"]
                                {
                                    Tag("th") { Txt(t(key)) }.attr("scope", "col")
                                }
                            }
                        }
                        Tag("tbody") {
                            for entry in rows {
                                Tag("tr") {
                                    Tag("td") { Txt(t.moment(entry.at)) }
                                    Tag("td") { Txt(staff[entry.staffUserID]?.name ?? "?") }
                                    Tag("td") { Txt(t("role.\(entry.role)")) }
                                    Tag("td") { Tag("code") { Txt(entry.subject) } }
                                }
                            }
                        }
                    }.cls("data")
                }.cls("table-scroll").attr("tabindex", "0").attr("role", "region").attr(
                    "aria-label", t("accesslog.title"))
                if more {
                    Tag("p") { Txt(t("accesslog.more", ["count": "\(AccessLogController.pageRows)"])) }.cls("hint")
                }
            }
        }
    }
}
