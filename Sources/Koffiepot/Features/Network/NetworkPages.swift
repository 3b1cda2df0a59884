import Foundation
import Plot
import Vapor

/// *Wie is wie*: the professionals around each of a staff member's locations, and the forms to keep it current.
enum NetworkPages {
    static func list(
        _ ctx: PageContext, user: StaffUser, locations: [Location], people: [UUID: [Professional]],
        organisations: [Organisation], organisationForm: FormState, personForm: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        let manages = NetworkService.mayManage(user)
        return PageLayout.render(ctx, title: t("network.title"), status: status) {
            Confirmation(
                ctx,
                allowed: [
                    "network.organisation_added", "network.person_added", "network.person_saved",
                    "network.person_removed",
                ])
            Tag("h1") { Txt(t("network.title")) }
            Tag("p") { Txt(t("network.intro")) }.cls("lead")
            if locations.isEmpty { Tag("p") { Txt(t("network.no_locations")) }.cls("notice") }
            for location in locations {
                let id = location.id!
                Tag("section") {
                    Tag("h2") { Txt(location.name) }
                    let here = people[id] ?? []
                    if here.isEmpty { Tag("p") { Txt(t("network.nobody")) } }
                    Tag("div") {
                        for person in here {
                            ProfessionalCard(
                                person: person, t: t, forStaff: true,
                                editLink: manages ? Paths.Staff.page(.network, "/people/\(person.id!.uuidString)") : nil
                            )
                        }
                    }.cls("cards")
                }.attr("id", "l-\(id.uuidString)")
            }
            if manages {
                personFormSection(ctx, locations: locations, organisations: organisations, form: personForm)
                organisationSection(ctx, organisations: organisations, form: organisationForm)
            }
        }
    }

    private static func personFormSection(
        _ ctx: PageContext, locations: [Location], organisations: [Organisation], form: FormState
    ) -> Component {
        let t = ctx.t
        return ComponentGroup {
            Tag("h2") { Txt(t("network.add_person")) }.attr("id", "toevoegen")
            if organisations.isEmpty {
                Tag("p") { Txt(t("network.first_organisation")) }.cls("notice")
            } else {
                ErrorSummary(form, t)
                Tag("form") {
                    CSRFField(ctx)
                    SelectField(
                        name: "location", label: t("round.location"),
                        options: locations.map { (value: $0.id!.uuidString, label: $0.name) }
                    ).render(form, t)
                    personFields(form, organisations: organisations, t)
                    Tag("button") { Txt(t("network.add_person")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.page(.network, "/people")).cls("stack")
            }
        }
    }

    /// The fields of one person, the same when adding and when changing.
    private static func personFields(_ form: FormState, organisations: [Organisation], _ t: Localizer) -> Component {
        ComponentGroup {
            SelectField(
                name: "organisation", label: t("network.organisation"),
                options: organisations.map { (value: $0.id!.uuidString, label: $0.name) }
            ).render(form, t)
            FormField(name: "name", label: t("network.name"), required: true, autocomplete: "off").render(form, t)
            FormField(name: "role", label: t("network.role"), hint: t("network.role_hint")).render(form, t)
            TextAreaField(name: "helpsWith", label: t("network.helps_parents"), maxLength: NetworkRules.maxHelps)
                .render(form, t)
            TextAreaField(name: "helpsTeachers", label: t("network.helps_teachers"), maxLength: NetworkRules.maxHelps)
                .render(form, t)
            FormField(name: "presence", label: t("network.presence"), hint: t("network.presence_hint")).render(form, t)
            FormField(name: "reach", label: t("network.reach"), hint: t("network.reach_hint")).render(form, t)
            if let error = form.errors["public"] { Tag("p") { Txt(t(error)) }.cls("error") }
            CheckBox(name: "public", label: t("network.public")).render(form)
        }
    }

    private static func organisationSection(_ ctx: PageContext, organisations: [Organisation], form: FormState)
        -> Component
    {
        let t = ctx.t
        return ComponentGroup {
            Tag("h2") { Txt(t("network.organisations")) }.attr("id", "organisaties")
            Tag("ul") {
                for organisation in organisations {
                    Tag("li") {
                        Txt(organisation.name + " · ")
                        Tag("span") { Txt(t(organisation.kind.labelKey)) }.cls("kind")
                    }
                }
            }.cls("admin-list")
            Tag("h3") { Txt(t("network.add_organisation")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                // Its own field name: the person form above has a "name" too, and ids must stay unique.
                FormField(name: "organisationName", label: t("network.organisation_name"), required: true).render(
                    form, t)
                SelectField(
                    name: "kind", label: t("network.kind"),
                    options: Organisation.Kind.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
                ).render(form, t)
                TextAreaField(name: "about", label: t("network.about"), maxLength: NetworkRules.maxHelps).render(
                    form, t)
                FormField(name: "website", label: t("network.website"), type: "url").render(form, t)
                Tag("button") { Txt(t("network.add_organisation")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.network, "/organisations")).cls("stack")
        }
    }

    static func edit(
        _ ctx: PageContext, person: Professional, organisations: [Organisation], form: FormState,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        let id = person.id!.uuidString
        return PageLayout.render(ctx, title: t("network.edit"), status: status) {
            Tag("h1") { Txt(person.name) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                personFields(form, organisations: organisations, t)
                Tag("button") { Txt(t("network.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.network, "/people/\(id)")).cls("stack")
            InlineAction(
                ctx, action: Paths.Staff.page(.network, "/people/\(id)/remove"), label: t("network.remove"),
                accessibleName: t("network.remove_named", ["name": person.name]))
            Tag("p") { A(Paths.Staff.page(.network)) { Txt(t("network.back")) } }
        }
    }
}

/// One professional around a school: for parents what she does for them, when she is there and how to reach
/// her; for staff also what she does for teachers and whether parents see her.
func ProfessionalCard(person: Professional, t: Localizer, forStaff: Bool, editLink: String? = nil) -> Component {
    Tag("article") {
        Tag("div") { Txt(PersonName.initials(person.name)) }.cls("avatar c\(PersonName.hue(person.name))").attr(
            "aria-hidden", "true")
        Tag("div") {
            Tag("h3") { Txt(person.name) }
            Tag("p") { Txt([person.role, person.organisation.name].filter { !$0.isEmpty }.joined(separator: " · ")) }
                .cls("eyebrow")
            // Typed by staff, usually in Dutch: marked so screen readers and bidi get it right.
            if !person.helpsWith.isEmpty {
                Tag("p") { Txt(t("network.for_parents")) }.cls("label")
                Tag("p") { Txt(person.helpsWith) }.attr("lang", "nl").attr("dir", "auto")
            }
            if forStaff, !person.helpsTeachers.isEmpty {
                Tag("p") { Txt(t("network.for_teachers")) }.cls("label")
                Tag("p") { Txt(person.helpsTeachers) }.attr("lang", "nl").attr("dir", "auto")
            }
            // Typed in Dutch (a phone number, "dinsdagochtend"): isolated so it reads right inside Arabic.
            if !person.presence.isEmpty {
                Tag("p") {
                    Txt(t("network.there") + ": "); Tag("bdi") { Txt(person.presence) }.attr("lang", "nl")
                }
            }
            if !person.reach.isEmpty {
                Tag("p") {
                    Txt(t("network.reach_at") + ": "); Tag("bdi") { Txt(person.reach) }.attr("lang", "nl")
                }
            }
            if forStaff {
                Tag("p") { Txt(t(person.isPublic ? "network.shown" : "network.staff_only")) }.cls("kind")
            }
            if let editLink {
                Tag("p") {
                    A(editLink) { Txt(t("network.change")) }.attr(
                        "aria-label", t("network.change_named", ["name": person.name]))
                }
            }
        }
    }.cls("card")
}
