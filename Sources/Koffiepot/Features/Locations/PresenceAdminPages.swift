import Plot
import Vapor

/// The presence board for staff: upcoming moments (cancel or restore one), weekly rules, extra moments.
enum PresenceAdminPages {
    static let confirmations: Set<String> = [
        "presence.saved", "presence.deleted", "presence.cancel_done", "presence.restored",
    ]

    static func page(
        _ ctx: PageContext, board: LocationPresence, rules: [PresenceRule], editable: [StaffUser],
        ruleForm: FormState, extraForm: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        let location = board.location
        let base = Paths.Staff.location(location.id!, "/presence")
        let editableIDs = Set(editable.compactMap(\.id))
        let advisorOptions = editable.map { (value: $0.id?.uuidString ?? "", label: $0.name) }
        let modeOptions = PresenceMode.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
        return PageLayout.render(ctx, title: t("presence.title", ["location": location.name]), status: status) {
            Tag("h1") { Txt(t("presence.title", ["location": location.name])) }
            Confirmation(ctx, allowed: confirmations)
            Tag("p") { A(Paths.location(location.id!)) { Txt(t("presence.public_page")) } }

            Tag("h2") { Txt(t("presence.upcoming")) }
            Tag("ul") {
                for moment in board.occurrences {
                    Tag("li") {
                        PresenceLine(moment: moment, board: board, t: t)
                        Tag("span") { Txt(t.dayTitle(moment.date)) }.cls("when")
                        if let ruleID = moment.ruleID, editableIDs.contains(moment.advisorID) {
                            let label = t(moment.status == .cancelled ? "presence.restore" : "presence.cancel")
                            InlineAction(
                                ctx, action: base + (moment.status == .cancelled ? "/restore" : "/cancel"),
                                label: label,
                                accessibleName: label + " " + t.dayTitle(moment.date) + " "
                                    + ClockTime.format(moment.startMinute),
                                hidden: [("rule", ruleID.uuidString), ("date", moment.date.description)])
                        }
                    }.cls("occurrence").attr("data-date", moment.date.description)
                }
            }.cls("admin-list")

            Tag("h2") { Txt(t("presence.rules")) }
            Tag("ul") {
                for rule in rules {
                    Tag("li") {
                        Txt(
                            "\(t.weekday(rule.weekday)) \(ClockTime.format(rule.startMinute))–\(ClockTime.format(rule.endMinute)) · "
                                + "\(board.advisor(rule.$advisor.id)?.name ?? "") · \(rule.room) · \(t(rule.mode.labelKey))"
                        )
                        if editableIDs.contains(rule.$advisor.id) {
                            InlineAction(
                                ctx, action: "\(base)/rules/\(rule.id?.uuidString ?? "")/delete",
                                label: t("presence.delete_rule"),
                                accessibleName: t("presence.delete_rule") + ": " + t.weekday(rule.weekday) + " "
                                    + ClockTime.format(rule.startMinute))
                        }
                    }
                }
            }.cls("admin-list")

            Tag("h2") { Txt(t("presence.add_rule")) }.attr("id", "add-rule")
            ErrorSummary(ruleForm, t)
            Tag("form") {
                CSRFField(ctx)
                SelectField(name: "advisor", label: t("presence.advisor"), options: advisorOptions).render(ruleForm, t)
                SelectField(
                    name: "weekday", label: t("presence.weekday"),
                    options: (1...7).map { (value: "\($0)", label: t.weekday($0)) }
                ).render(ruleForm, t)
                FormField(name: "start", label: t("presence.start"), type: "time", required: true).render(ruleForm, t)
                FormField(name: "end", label: t("presence.end"), type: "time", required: true).render(ruleForm, t)
                FormField(name: "room", label: t("presence.room")).render(ruleForm, t)
                SelectField(name: "mode", label: t("presence.mode"), options: modeOptions).render(ruleForm, t)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", base + "/rules").cls("stack")

            Tag("h2") { Txt(t("presence.add_extra")) }.attr("id", "add-extra")
            ErrorSummary(extraForm, t)
            Tag("form") {
                CSRFField(ctx)
                SelectField(name: "advisor", label: t("presence.advisor"), options: advisorOptions).render(extraForm, t)
                FormField(name: "date", label: t("presence.date"), type: "date", required: true).render(extraForm, t)
                FormField(name: "start", label: t("presence.start"), type: "time", required: true).render(extraForm, t)
                FormField(name: "end", label: t("presence.end"), type: "time", required: true).render(extraForm, t)
                FormField(name: "room", label: t("presence.room")).render(extraForm, t)
                SelectField(name: "mode", label: t("presence.mode"), options: modeOptions).render(extraForm, t)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", base + "/extra").cls("stack")
        }
    }
}
