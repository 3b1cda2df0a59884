import Plot
import Vapor

enum ParentRunPages {
    static func mine(
        _ ctx: PageContext, hosted: [Gathering], locations: [Location], form: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("parentrun.title"), status: status) {
            Tag("h1") { Txt(t("parentrun.title")) }
            Confirmation(ctx, allowed: ["agenda.saved"])
            Tag("p") { Txt(t("parentrun.intro")) }.cls("lead")
            Tag("ul") {
                for g in hosted {
                    Tag("li") {
                        A(Paths.gathering(g.id!)) { Txt(g.title) }
                        Txt(" · \(GatheringText.when(g, t)) · \(g.location.name) · " + professionalStatus(g, t) + " · ")
                        A(Paths.Staff.gathering(g.id!, "/invitations")) { Txt(t("invite.title")) }
                            .attr("aria-label", t("invite.title") + ": " + g.title)
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("parentrun.new")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                SelectField(
                    name: "location", label: t("parentrun.where"),
                    options: locations.map { (value: $0.id!.uuidString, label: $0.name) }
                ).render(form, t)
                FormField(name: "title", label: t("gadmin.what"), required: true, hint: t("parentrun.title_hint"))
                    .render(form, t)
                TextAreaField(
                    name: "description", label: t("gadmin.description"), hint: t("gadmin.description_hint"),
                    maxLength: 1000
                ).render(form, t)
                FormField(name: "room", label: t("presence.room")).render(form, t)
                FormField(name: "date", label: t("presence.date"), type: "date", required: true).render(form, t)
                FormField(name: "start", label: t("presence.start"), type: "time", required: true).render(form, t)
                FormField(name: "end", label: t("presence.end"), type: "time", required: true).render(form, t)
                FormField(name: "capacity", label: t("gadmin.capacity"), type: "number", required: true).render(form, t)
                FormField(
                    name: "languages", label: t("gadmin.languages"), required: true, hint: t("gadmin.languages_hint")
                ).render(form, t)
                SelectField(name: "age", label: t("filter.age"), options: ChoiceOptions.ageGroups(t)).render(form, t)
                CheckBox(name: "professional", label: t("parentrun.want_professional")).render(form)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.parentGatherings)).cls("stack")
        }
    }

    static func requests(_ ctx: PageContext, gatherings: [Gathering], me: StaffUser) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("parentrun.requests")) {
            Tag("h1") { Txt(t("parentrun.requests")) }
            Confirmation(ctx, allowed: ["agenda.saved"])
            if gatherings.isEmpty { Tag("p") { Txt(t("parentrun.no_requests")) } }
            Tag("ul") {
                for g in gatherings {
                    Tag("li") {
                        A(Paths.gathering(g.id!)) { Txt(g.title) }
                        Txt(" · \(GatheringText.when(g, t)) · \(g.location.name) · " + professionalStatus(g, t))
                        if g.$professional.id == nil {
                            InlineAction(
                                ctx, action: Paths.Staff.parentRequest(g.id!, "/accept"), label: t("parentrun.accept"),
                                accessibleName: t("parentrun.accept") + ": " + g.title)
                        }
                    }
                }
            }.cls("admin-list")
        }
    }

    static func professionalStatus(_ g: Gathering, _ t: Localizer) -> String {
        guard g.wantsProfessional else { return t("parentrun.parents_only") }
        if let professional = g.professional { return t("parentrun.joined", ["name": professional.name]) }
        return t("parentrun.asked")
    }
}
