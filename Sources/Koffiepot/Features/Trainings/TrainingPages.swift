import Foundation
import Plot
import Vapor

/// Joint trainings: the list with places and one's own status, the coordinator's plan form and "who met whom",
/// and one training with its participants, waiting list and attendance.
enum TrainingPages {
    static func when(_ training: JointTraining, _ t: Localizer) -> String {
        "\(t.dayTitle(LocalDate(containing: training.startsAt))) \(ClockTime.format(Calendar.amsterdamMinute(of: training.startsAt)))–"
            + ClockTime.format(Calendar.amsterdamMinute(of: training.endsAt))
    }

    static func places(_ training: JointTraining, _ t: Localizer) -> String {
        training.taken >= training.capacity
            ? t("training.full") : t("training.places_left", ["n": "\(training.capacity - training.taken)"])
    }

    static func list(
        _ ctx: PageContext, user: StaffUser, upcoming: [JointTraining], past: [JointTraining],
        mine: [UUID: TrainingSignup.Status],
        organisations: [Organisation], matrix: MeetingMatrix?, form: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("training.title"), status: status) {
            Tag("h1") { Txt(t("training.title")) }
            Tag("p") { Txt(t("training.intro")) }.cls("lead")
            if upcoming.isEmpty { Tag("p") { Txt(t("training.none")) }.cls("notice") }
            Tag("ul") {
                for training in upcoming {
                    Tag("li") {
                        A(Paths.Staff.training(training.id!)) { Txt(training.title) }
                        Tag("span") { Txt("\(when(training, t)) · \(training.place) · \(places(training, t))") }.cls(
                            "when")
                        if let mine = mine[training.id!], mine != .cancelled {
                            Tag("span") { Txt(t(mine == .confirmed ? "training.you_are_in" : "training.you_wait")) }
                                .cls("kind")
                        }
                    }
                }
            }.cls("admin-list")
            if let matrix { MatrixTable(matrix, t) }
            if TrainingService.mayPlan(user) { planForm(ctx, organisations: organisations, form: form) }
            if !past.isEmpty {
                Tag("h2") { Txt(t("training.past")) }
                Tag("ul") {
                    for training in past {
                        Tag("li") {
                            A(Paths.Staff.training(training.id!)) { Txt(training.title) }
                            Tag("span") { Txt(when(training, t)) }.cls("when")
                        }
                    }
                }.cls("admin-list")
            }
        }
    }

    private static func planForm(_ ctx: PageContext, organisations: [Organisation], form: FormState) -> Component {
        let t = ctx.t
        return ComponentGroup {
            Tag("h2") { Txt(t("training.plan")) }.attr("id", "plannen")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(
                    name: "title", label: t("training.title_field"), required: true, hint: t("training.title_hint")
                ).render(form, t)
                TextAreaField(name: "about", label: t("training.about"), maxLength: 1000).render(form, t)
                FormField(name: "place", label: t("training.place"), required: true).render(form, t)
                FormField(name: "date", label: t("round.date"), type: "date", required: true).render(form, t)
                FormField(name: "from", label: t("training.from"), type: "time", required: true).render(form, t)
                FormField(name: "to", label: t("training.to"), type: "time", required: true).render(form, t)
                FormField(name: "capacity", label: t("training.capacity"), type: "number", required: true).render(
                    form, t)
                Tag("fieldset") {
                    Tag("legend") { Txt(t("training.for")) }
                    if let error = form.errors["organisations"] { Tag("p") { Txt(t(error)) }.cls("error") }
                    for organisation in organisations {
                        CheckBox(name: "organisations[]", label: organisation.name, value: organisation.id!.uuidString)
                            .render(
                                FormState(values: [
                                    "organisations[]": form["organisation:\(organisation.id!.uuidString)"] == "yes"
                                        ? organisation.id!.uuidString : ""
                                ]))
                    }
                }
                Tag("button") { Txt(t("training.plan")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.trainings)).cls("stack")
        }
    }

    /// *Wie ontmoette wie*: locations down, parties across; a number says how many people of it attended.
    static func MatrixTable(_ matrix: MeetingMatrix, _ t: Localizer) -> Component {
        Tag("section") {
            Tag("h2") { Txt(t("training.matrix")) }.attr("id", "wie-ontmoette-wie")
            Tag("p") { Txt(t("training.matrix_hint")) }
            Tag("div") {
                Tag("table") {
                    Tag("caption") { Txt(t("training.matrix_caption")) }
                    Tag("thead") {
                        Tag("tr") {
                            Tag("th") { Txt(t("training.location")) }.attr("scope", "col")
                            for party in matrix.parties { Tag("th") { Txt(party.label) }.attr("scope", "col") }
                        }
                    }
                    Tag("tbody") {
                        TableRows(
                            matrix.rows.map { row in
                                (
                                    row.location,
                                    row.cells.map { cell in
                                        switch cell {
                                        case .absent: TableCell(text: "")
                                        case .notYet: TableCell(text: t("training.not_yet"), cls: "muted")
                                        case .met(let n): TableCell(text: t("training.met", ["n": "\(n)"]))
                                        }
                                    }
                                )
                            })
                    }
                }.cls("data")
            }.cls("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-label", t("training.matrix"))
        }
    }

    static func detail(
        _ ctx: PageContext, training: JointTraining, user: StaffUser, signups: [TrainingSignup],
        professionals: [Professional],
        organisations: [Organisation], now: Date
    ) -> Response {
        let t = ctx.t
        let id = training.id!
        let confirmed = signups.filter { $0.status == .confirmed },
            waiting = signups.filter { $0.status == .waitlisted }
        let mine = signups.first { $0.$staffUser.id == user.id }
        let audience = organisations.filter { training.audience.contains($0.id!) }.map(\.name)
        let coordinator = TrainingService.mayPlan(user)
        return PageLayout.render(ctx, title: training.title) {
            Confirmation(
                ctx,
                allowed: [
                    "training.planned", "training.signed_up", "training.waitlisted", "training.closed",
                    "training.cancelled",
                    "training.added", "training.waitlisted_other", "training.cancelled_other",
                    "training.attendance_saved",
                ])
            Tag("p") { Txt(t("training.title")) }.cls("eyebrow")
            Tag("h1") { Txt(training.title) }
            Tag("p") { Txt("\(when(training, t)) · \(training.place)") }
            if !training.about.isEmpty { Tag("p") { Txt(training.about) }.attr("lang", "nl").attr("dir", "auto") }
            if !audience.isEmpty {
                Tag("p") {
                    Txt(t("training.for_list", ["list": (["CJG", "School"] + audience).joined(separator: ", ")]))
                }
            }
            Tag("p") { Txt(places(training, t)) }.cls("kind")
            if training.startsAt > now {
                if let mine {
                    Tag("p") { Txt(t(mine.status == .confirmed ? "training.you_are_in" : "training.you_wait")) }
                    InlineAction(ctx, action: Paths.Staff.training(id, "/cancel"), label: t("training.cancel_mine"))
                } else {
                    InlineAction(ctx, action: Paths.Staff.training(id, "/signup"), label: t("training.sign_up"))
                }
            }
            Tag("h2") { Txt(t("training.participants", ["n": "\(confirmed.count)"])) }
            if coordinator && training.startsAt <= now {
                attendanceForm(ctx, id: id, confirmed: confirmed)
            } else {
                Tag("ul") {
                    for signup in confirmed {
                        Tag("li") { participant(signup, t, ctx: ctx, trainingID: id, coordinator: coordinator) }
                    }
                }
                .cls("admin-list")
            }
            if !waiting.isEmpty {
                Tag("h2") { Txt(t("training.waiting", ["n": "\(waiting.count)"])) }
                Tag("ol") {
                    for signup in waiting {
                        Tag("li") { participant(signup, t, ctx: ctx, trainingID: id, coordinator: coordinator) }
                    }
                }
                .cls("admin-list")
            }
            if coordinator && training.startsAt > now && !professionals.isEmpty {
                Tag("h2") { Txt(t("training.add_professional")) }
                Tag("form") {
                    CSRFField(ctx)
                    SelectField(
                        name: "professional", label: t("training.professional"),
                        options: professionals.map {
                            (
                                value: $0.id!.uuidString,
                                label: "\($0.name) · \($0.organisation.name) · \($0.location.name)"
                            )
                        }
                    ).render(FormState(), t)
                    Tag("button") { Txt(t("training.add")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.training(id, "/professionals")).cls("stack")
            }
            Tag("p") { A(Paths.Staff.page(.trainings)) { Txt(t("training.back")) } }
        }
    }

    private static func who(_ signup: TrainingSignup, _ t: Localizer) -> String {
        if let professional = signup.professional { return "\(professional.name) · \(professional.organisation.name)" }
        guard let staff = signup.staffUser else { return "" }
        return "\(staff.name) · \(t("role.\(staff.role.rawValue)"))"
    }

    private static func participant(
        _ signup: TrainingSignup, _ t: Localizer, ctx: PageContext, trainingID: UUID, coordinator: Bool
    ) -> Component {
        ComponentGroup {
            Txt(who(signup, t))
            if coordinator {
                InlineAction(
                    ctx, action: Paths.Staff.training(trainingID, "/signups/\(signup.id!.uuidString)/cancel"),
                    label: t("training.remove"),
                    accessibleName: t("training.remove_named", ["name": signup.name]))
            }
        }
    }

    private static func attendanceForm(_ ctx: PageContext, id: UUID, confirmed: [TrainingSignup]) -> Component {
        let t = ctx.t
        return Tag("form") {
            CSRFField(ctx)
            Tag("fieldset") {
                Tag("legend") { Txt(t("training.who_was_there")) }
                for signup in confirmed {
                    CheckBox(name: "present[]", label: who(signup, t), value: signup.id!.uuidString)
                        .render(FormState(values: ["present[]": signup.attended ? signup.id!.uuidString : ""]))
                }
            }
            Tag("button") { Txt(t("training.save_attendance")) }.attr("type", "submit")
        }.attr("method", "post").attr("action", Paths.Staff.training(id, "/attendance")).cls("stack")
    }
}
