import Plot
import Vapor

enum GatheringAdminPages {
    static func list(
        _ ctx: PageContext, location: Location, gatherings: [Gathering], programmes: [Programme], form: FormState,
        status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("gadmin.title", ["location": location.name]), status: status) {
            Tag("h1") { Txt(t("gadmin.title", ["location": location.name])) }
            Tag("ul") {
                for gathering in gatherings {
                    Tag("li") {
                        A(Paths.Staff.gathering(gathering.id!)) { Txt(gathering.title) }
                        Txt(
                            " · \(t(gathering.kind.labelKey)) · \(GatheringText.when(gathering, t)) · \(GatheringText.places(gathering, t))"
                        )
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("gadmin.new")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                if !form["wish"].isEmpty {
                    VoidTag("input", [("type", "hidden"), ("name", "wish"), ("value", form["wish"])])
                    Tag("p") { Txt(t("wish.from_wish")) }.cls("notice")
                }
                SelectField(
                    name: "kind", label: t("filter.kind"),
                    options: GatheringKind.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
                ).render(form, t)
                FormField(name: "title", label: t("gadmin.what"), required: true).render(form, t)
                TextAreaField(
                    name: "description", label: t("gadmin.description"), hint: t("gadmin.description_hint"),
                    maxLength: 1000
                ).render(form, t)
                SelectField(
                    name: "programme", label: t("gathering.programme"),
                    options: [(value: "", label: t("gadmin.no_programme"))]
                        + programmes.map {
                            (value: $0.id!.uuidString, label: "\($0.name) · \(t($0.evidence.labelKey))")
                        }
                ).render(form, t)
                FormField(name: "room", label: t("presence.room")).render(form, t)
                FormField(name: "date", label: t("gadmin.first_date"), type: "date", required: true).render(form, t)
                FormField(name: "start", label: t("presence.start"), type: "time", required: true).render(form, t)
                FormField(name: "end", label: t("presence.end"), type: "time", required: true).render(form, t)
                FormField(
                    name: "sessions", label: t("gadmin.sessions"), type: "number", required: true,
                    hint: t("gadmin.sessions_hint")
                ).render(form, t)
                FormField(
                    name: "capacity", label: t("gadmin.capacity"), type: "number", required: true,
                    hint: t("gadmin.capacity_hint")
                ).render(form, t)
                FormField(
                    name: "languages", label: t("gadmin.languages"), required: true, hint: t("gadmin.languages_hint")
                ).render(form, t)
                SelectField(name: "age", label: t("filter.age"), options: ChoiceOptions.ageGroups(t)).render(form, t)
                TopicChoice(form: form, t: t)
                CheckBox(name: "childcare", label: t("gadmin.childcare")).render(form)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.location(location.id!, "/gatherings")).cls(
                "stack")
        }
    }

    static func detail(
        _ ctx: PageContext, gathering: Gathering, registrations: [Registration], tallies: [AttendanceTally]
    ) -> Response {
        let t = ctx.t
        let confirmed = registrations.filter { $0.status == .confirmed },
            waiting = registrations.filter { $0.status == .waitlisted }
        let byIndex = Dictionary(tallies.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        return PageLayout.render(ctx, title: gathering.title) {
            Confirmation(ctx, allowed: ["agenda.saved", "gadmin.cancelled"])
            Tag("h1") { Txt(gathering.title) }
            if gathering.cancelled { Tag("p") { Txt(t("gathering.cancelled_notice")) }.cls("notice status") }
            Tag("p") {
                Txt(
                    "\(t(gathering.kind.labelKey)) · \(GatheringText.when(gathering, t)) · \(GatheringText.places(gathering, t))"
                )
            }
            Tag("p") {
                A(Paths.gathering(gathering.id!)) { Txt(t("presence.public_page")) }
                Txt(" · ")
                A(Paths.Staff.gathering(gathering.id!, "/invitations")) { Txt(t("invite.title")) }
            }
            if gathering.kind.needsRegistration {
                Tag("h2") { Txt(t("gadmin.registered", ["count": "\(confirmed.reduce(0) { $0 + $1.adults })"])) }
                registrationList(confirmed, t)
                Tag("h2") { Txt(t("gadmin.waiting", ["count": "\(waiting.count)"])) }
                registrationList(waiting, t)
            }
            Tag("h2") { Txt(t("gadmin.attendance")) }
            Tag("p") { Txt(t("gadmin.attendance_hint")) }.cls("hint")
            for (index, start) in gathering.sessionStarts.enumerated() {
                Tag("form") {
                    CSRFField(ctx)
                    VoidTag("input", [("type", "hidden"), ("name", "session"), ("value", "\(index)")])
                    Tag("fieldset") {
                        Tag("legend") { Txt(t.dayTitle(LocalDate(containing: start))) }
                        tallyField("adults", index, t("gadmin.adults"), byIndex[index].map { "\($0.adults)" } ?? "")
                        tallyField(
                            "children", index, t("gadmin.children"), byIndex[index].map { "\($0.children)" } ?? "")
                        tallyField("languages", index, t("gadmin.languages_heard"), byIndex[index]?.languages ?? "")
                        Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
                    }
                }.attr("method", "post").attr("action", Paths.Staff.gathering(gathering.id!, "/attendance")).cls(
                    "stack tally")
            }
            if !gathering.cancelled && gathering.lastEnd > Date() {
                Tag("h2") { Txt(t("gadmin.cancel_title")) }
                Tag("form") {
                    CSRFField(ctx)
                    TextAreaField(
                        name: "message", label: t("gadmin.cancel_message"), hint: t("gadmin.cancel_hint"),
                        maxLength: 300
                    ).render(FormState(), t)
                    Tag("button") { Txt(t("gadmin.cancel")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.gathering(gathering.id!, "/cancel")).cls(
                    "stack")
            }
        }
    }

    private static func registrationList(_ registrations: [Registration], _ t: Localizer) -> Component {
        Tag("ol") {
            for r in registrations {
                Tag("li") {
                    Txt(
                        "\(r.name) · \(t("gadmin.adults_count", ["count": "\(r.adults)"])) · \(t("lang.\(r.language)"))"
                    )
                    if r.childcare { Txt(" · " + t("gathering.childcare")) }
                    if r.interpreter { Txt(" · " + t("agenda.interpreter")) }
                }
            }
        }.cls("admin-list")
    }

    private static func tallyField(_ name: String, _ index: Int, _ label: String, _ value: String) -> Component {
        Tag("div") {
            Tag("label") { Txt(label) }.attr("for", "\(name)-\(index)")
            VoidTag(
                "input",
                [("id", "\(name)-\(index)"), ("name", name), ("value", value)]
                    + (name == "languages" ? [("type", "text")] : [("type", "number"), ("min", "0"), ("max", "500")]))
        }.cls("field")
    }
}
