import Plot
import Vapor

/// A list of gatherings: what, when, where, and whether there is room.
func GatheringList(_ ctx: PageContext, gatherings: [Gathering], showLocation: Bool) -> Component {
    let t = ctx.t
    return Tag("ul") {
        for gathering in gatherings {
            Tag("li") {
                A(Paths.gathering(gathering.id!)) { Txt(gathering.title) }
                Tag("p") {
                    PictogramIcon("gkind-\(gathering.kind.rawValue)");
                    Txt(" " + t(gathering.kind.labelKey) + " · " + GatheringText.when(gathering, t))
                }
                if showLocation { Tag("p") { Txt(gathering.location.name) }.cls("kind") }
                Tag("p") { Txt(GatheringText.places(gathering, t)) }.cls(
                    gathering.kind.needsRegistration && gathering.placesLeft == 0 ? "badge cancelled" : "kind")
            }
        }
    }.cls("gatherings")
}

enum GatheringPages {
    static func list(_ ctx: PageContext, gatherings: [Gathering], neighbourhoods: [String], form: FormState) -> Response
    {
        let t = ctx.t
        let any = ChoiceOptions.any(t)
        return PageLayout.render(ctx, title: t("gatherings.title")) {
            Tag("h1") { Txt(t("gatherings.title")) }
            Tag("p") { Txt(t("gatherings.intro")) }.cls("lead")
            Tag("form") {
                SelectField(
                    name: "neighbourhood", label: t("locations.neighbourhood"),
                    options: [any] + neighbourhoods.map { (value: $0, label: $0) }
                ).render(form, t)
                SelectField(
                    name: "kind", label: t("filter.kind"),
                    options: [any] + GatheringKind.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }
                ).render(form, t)
                SelectField(name: "topic", label: t("filter.topic"), options: [any] + ChoiceOptions.topics(t)).render(
                    form, t)
                SelectField(name: "age", label: t("filter.age"), options: [any] + ChoiceOptions.ageGroups(t)).render(
                    form, t)
                SelectField(
                    name: "language", label: t("filter.language"),
                    options: [any] + BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
                ).render(form, t)
                Tag("button") { Txt(t("filter.apply")) }.attr("type", "submit")
            }.attr("method", "get").attr("action", Paths.gatherings).cls("filters")
            if gatherings.isEmpty { Tag("p") { Txt(t("gatherings.none")) }.attr("role", "status") }
            GatheringList(ctx, gatherings: gatherings, showLocation: true)
            Tag("p") {
                A(Paths.gatherings + "/calendar.ics?" + filterQuery(form)) { Txt(t("location.calendar")) }
                Txt(" · ")
                A(Paths.embed("/gatherings?" + filterQuery(form))) { Txt(t("location.embed")) }
            }.cls("links")
        }
    }

    /// The chosen filters as a query string, so the feed and the widget show what the list shows.
    static func filterQuery(_ form: FormState) -> String {
        form.values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
                separator: "&")
    }

    static func embed(_ ctx: PageContext, gatherings: [Gathering], publicURL: String) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("gatherings.title"), bare: true) {
            Tag("h1") { Txt(t("gatherings.title")) }.cls("embed-title")
            Tag("ul") {
                for g in gatherings {
                    Tag("li") {
                        A(Paths.absolute(Paths.gathering(g.id!), publicURL)) { Txt(g.title) }.attr("target", "_blank")
                            .attr(
                                "rel", "noopener")
                        Tag("p") { Txt(GatheringText.when(g, t) + " · " + g.location.name) }
                        Tag("p") { Txt(GatheringText.places(g, t)) }.cls("kind")
                    }
                }
            }.cls("gatherings")
            if gatherings.isEmpty { Tag("p") { Txt(t("gatherings.none")) } }
        }
    }

    static func detail(
        _ ctx: PageContext, gathering: Gathering, form: FormState, retentionDays: Int,
        status: HTTPStatus = .ok, message: String? = nil
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: gathering.title, status: status) {
            Tag("p") {
                PictogramIcon("gkind-\(gathering.kind.rawValue)"); Txt(" " + t(gathering.kind.labelKey))
            }.cls("eyebrow")
            Tag("h1") { Txt(gathering.title) }
            if !gathering.description.isEmpty { Tag("p") { Txt(gathering.description) }.attr("dir", "auto") }
            Tag("dl") {
                Tag("dt") { Txt(t("booking.when")) }
                Tag("dd") { Txt(GatheringText.when(gathering, t)) }
                Tag("dt") { Txt(t("booking.where")) }
                Tag("dd") {
                    A(Paths.location(gathering.$location.id)) { Txt(gathering.location.name) };
                    Txt(gathering.room.isEmpty ? "" : " · " + gathering.room)
                }
                Tag("dt") { Txt(t("filter.language")) }
                Tag("dd") { Txt(gathering.languageCodes.map { t("lang.\($0)") }.joined(separator: ", ")) }
                Tag("dt") { Txt(t("filter.age")) }
                Tag("dd") { Txt(t(gathering.ageGroup.labelKey)) }
                Tag("dt") { Txt(t("gathering.childcare")) }
                Tag("dd") { Txt(t(gathering.childcare ? "gathering.yes" : "gathering.no")) }
                if let programme = gathering.programme {
                    Tag("dt") { Txt(t("gathering.programme")) }
                    Tag("dd") {
                        A(Paths.programmes) { Txt(programme.name) }; Txt(" · \(t(programme.evidence.labelKey))")
                    }
                }
            }.cls("facts")
            if let programme = gathering.programme { Tag("p") { Txt(programme.description) }.cls("hint") }
            if gathering.kind == .parentRun {
                Tag("p") { Txt(t("parentrun.by_parents") + " " + ParentRunPages.professionalStatus(gathering, t)) }
            }
            if gathering.cancelled {
                Tag("p") { Txt(t("gathering.cancelled_notice")) }.attr("role", "status").cls("notice status")
                Tag("p") { A(Paths.gatherings) { Txt(t("gatherings.title")) } }
            } else {
                Tag("p") { Txt(GatheringText.places(gathering, t)) }.cls("notice")
            }
            if gathering.kind.needsRegistration && !gathering.cancelled {
                if let message { Tag("p") { Txt(t(message)) }.attr("role", "alert").cls("summary") }
                Tag("h2") { Txt(t("gathering.register")) }.attr("id", "aanmelden")
                if gathering.placesLeft == 0 { Tag("p") { Txt(t("gathering.waitlist_note")) } }
                ErrorSummary(form, t)
                Tag("form") {
                    CSRFField(ctx)
                    VoidTag("input", [("type", "hidden"), ("name", "via"), ("value", form["via"])])
                    FormField(
                        name: "name", label: t("book.name"), required: true, hint: t("book.name_hint"),
                        autocomplete: "given-name"
                    ).render(form, t)
                    FormField(name: "adults", label: t("gathering.adults"), type: "number", required: true).render(
                        form, t)
                    SelectField(
                        name: "language", label: t("book.language"),
                        options: BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
                    ).render(form, t)
                    CheckBox(name: "childcare", label: t("gathering.childcare_needed")).render(form)
                    CheckBox(name: "interpreter", label: t("book.interpreter")).render(form)
                    FirstContactQuestion(form, t)
                    FormField(
                        name: "contact", label: t("book.contact"), hint: t("gathering.contact_hint"),
                        autocomplete: "email"
                    ).render(form, t)
                    PrivacyNote(
                        t,
                        [
                            t("privacy.no_file"), t("privacy.deleted_gathering", ["days": "\(retentionDays)"]),
                            t("privacy.messages"),
                        ])
                    Tag("button") { Txt(t("gathering.register_submit")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.gathering(gathering.id!) + "/register").cls("stack")
            }
        }
    }

    static func registration(_ ctx: PageContext, found: RegistrationAccess.Found, position: Int?, notice: String?)
        -> Response
    {
        let t = ctx.t
        let base = Paths.registration(found.token)
        return PageLayout.render(ctx, title: t("registration.title")) {
            if let notice { Tag("p") { Txt(t(notice)) }.attr("role", "status").cls("flash") }
            Tag("h1") { Txt(found.gathering.title) }
            Tag("p") { Txt(GatheringText.when(found.gathering, t) + " · " + found.gathering.location.name) }
            if found.registration.status == .confirmed {
                Tag("p") { Txt(t("registration.confirmed", ["adults": "\(found.registration.adults)"])) }.cls(
                    "notice status")
            } else {
                Tag("p") { Txt(t("registration.waitlisted", ["position": "\(position ?? 0)"])) }.cls("notice status")
            }
            Tag("div") {
                Tag("p") { Txt(t("booking.code_label")) }
                Tag("p") { Txt(found.code.display) }.cls("code").attr("dir", "ltr").attr("translate", "no")
                Tag("p") { Txt(t("booking.code_hint")) }.cls("hint")
            }.cls("codebox")
            Tag("p") { A("\(base)/calendar.ics") { Txt(t("booking.ics")) } }
            InlineAction(ctx, action: "\(base)/cancel", label: t("registration.cancel"))
        }
    }

    static func cancelled(_ ctx: PageContext, gatheringID: UUID) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("registration.cancelled_title")) {
            Tag("h1") { Txt(t("registration.cancelled_title")) }
            Tag("p") { Txt(t("registration.cancelled_text")) }.attr("role", "status")
            Tag("p") { A(Paths.gathering(gatheringID)) { Txt(t("booking.book_again")) } }
        }
    }
}
