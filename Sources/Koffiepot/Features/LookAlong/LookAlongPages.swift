import Foundation
import Plot
import Vapor

/// *Meekijken*: the teacher's form and list of her own requests; the advisor's list of her schools' requests.
enum LookAlongPages {
    static func list(
        _ ctx: PageContext, user: StaffUser, requests: [LookAlongRequest], locations: [Location], form: FormState,
        findings: [String], status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("lookalong.title"), status: status) {
            Confirmation(ctx, allowed: ["lookalong.sent", "lookalong.closed"])
            Tag("h1") { Txt(t("lookalong.title")) }
            Tag("p") { Txt(t(user.role == .teacher ? "lookalong.intro_teacher" : "lookalong.intro_advisor")) }.cls(
                "lead")
            if requests.isEmpty { Tag("p") { Txt(t("lookalong.none")) }.cls("notice") }
            Tag("ul") {
                for request in requests {
                    Tag("li") {
                        A(Paths.Staff.lookAlong(request.id!)) {
                            Txt("\(request.location.name) · \(t("round.group")) \(request.group)")
                        }
                        Tag("span") { Txt(statusText(request, t)) }.cls("when")
                    }
                }
            }.cls("admin-list")
            if user.role == .teacher { askForm(ctx, locations: locations, form: form, findings: findings) }
        }
    }

    static func statusText(_ request: LookAlongRequest, _ t: Localizer) -> String {
        switch request.status {
        case .open: t("lookalong.status_open")
        case .planned:
            t("lookalong.status_planned", ["when": request.plannedAt.map(t.moment) ?? ""])
        case .closed: t("lookalong.status_closed")
        }
    }

    private static func askForm(_ ctx: PageContext, locations: [Location], form: FormState, findings: [String])
        -> Component
    {
        let t = ctx.t
        return ComponentGroup {
            Tag("h2") { Txt(t("lookalong.new")) }
            ErrorSummary(form, t)
            if !findings.isEmpty {
                Tag("div") {
                    Tag("p") { Txt(t("lookalong.findings")) }
                    Tag("ul") { for found in findings { Tag("li") { Tag("mark") { Txt(found) } } } }
                    Tag("p") { Txt(t("lookalong.findings_hint")) }
                }.attr("role", "alert").cls("summary")
            }
            Tag("form") {
                CSRFField(ctx)
                if !findings.isEmpty {
                    VoidTag(
                        "input",
                        [("type", "hidden"), ("name", "confirmed"), ("value", findings.joined(separator: "\n"))])
                }
                SelectField(
                    name: "location", label: t("round.location"),
                    options: locations.map { (value: $0.id!.uuidString, label: $0.name) }
                ).render(form, t)
                FormField(name: "group", label: t("round.group"), required: true).render(form, t)
                FormField(name: "age", label: t("lookalong.age"), type: "number").render(form, t)
                TextAreaField(
                    name: "situation", label: t("lookalong.situation"), hint: t("lookalong.situation_hint"),
                    maxLength: LookAlongRules.maxSituation
                ).render(form, t)
                TextAreaField(name: "question", label: t("lookalong.question"), maxLength: LookAlongRules.maxQuestion)
                    .render(form, t)
                CheckBox(name: "agreed", label: t("lookalong.agreed")).render(form)
                FormField(
                    name: "childName", label: t("lookalong.child_name"), hint: t("lookalong.child_name_hint"),
                    autocomplete: "off"
                ).render(form, t)
                Tag("button") { Txt(t(findings.isEmpty ? "lookalong.send" : "lookalong.send_anyway")) }.attr(
                    "type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.lookAlong)).cls("stack")
        }
    }

    static func request(
        _ ctx: PageContext, _ request: LookAlongRequest, user: StaffUser, form: FormState, status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        let id = request.id!
        return PageLayout.render(ctx, title: t("lookalong.title"), status: status) {
            Confirmation(ctx, allowed: ["lookalong.planned"])
            Tag("h1") { Txt("\(request.location.name) · \(t("round.group")) \(request.group)") }
            Tag("p") { Txt(statusText(request, t)) }.cls("eyebrow")
            Tag("p") {
                Txt(
                    t(
                        "lookalong.asked_by",
                        ["name": request.teacher.name, "day": t.dayTitle(LocalDate(containing: request.createdAt))]))
            }
            if let age = request.ageYears { Tag("p") { Txt(t("lookalong.age_is", ["age": "\(age)"])) } }
            if let child = request.childName { Tag("p") { Txt(t("lookalong.child_is", ["name": child])) } }
            Tag("h2") { Txt(t("lookalong.situation")) }
            Tag("blockquote") { Txt(request.situation) }
            Tag("h2") { Txt(t("lookalong.question")) }
            Tag("blockquote") { Txt(request.question) }
            if let note = request.planNote { Tag("p") { Txt(t("lookalong.plan_note_is", ["note": note])) } }
            if user.role == .advisor, request.status != .closed {
                Tag("h2") { Txt(t("lookalong.plan")) }
                ErrorSummary(form, t)
                Tag("form") {
                    CSRFField(ctx)
                    FormField(name: "date", label: t("round.date"), type: "date", required: true).render(form, t)
                    FormField(name: "time", label: t("round.time"), type: "time", required: true).render(form, t)
                    TextAreaField(name: "note", label: t("lookalong.plan_note"), maxLength: LookAlongRules.maxNote)
                        .render(form, t)
                    Tag("button") { Txt(t("lookalong.plan_submit")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.lookAlong(id, "/plan")).cls("stack")
                InlineAction(ctx, action: Paths.Staff.lookAlong(id, "/close"), label: t("lookalong.close"))
            }
            Tag("p") { A(Paths.Staff.page(.lookAlong)) { Txt(t("lookalong.back")) } }
        }
    }
}
