import Foundation
import Plot
import Vapor

/// *Thuis*: the theme of the group for parents (in their language, staff texts as written), the printable home
/// letter, and the staff pages.
enum HomeThemePages {
    static func period(_ theme: HomeTheme, _ t: Localizer) -> String {
        guard let first = LocalDate(theme.firstDay), let last = LocalDate(theme.lastDay) else { return "" }
        return t("theme.period", ["from": t.dayTitle(first), "to": t.dayTitle(last)])
    }

    static func picture(_ activity: HomeActivity) -> Component {
        if let picture = activity.pictureID {
            return VoidTag("img", [("src", Paths.picture(picture)), ("alt", ""), ("loading", "lazy")]).cls(
                "activity-picture")
        }
        return Tag("span") { PictogramIcon("activity-\(activity.pictogram)") }.cls("activity-picto")
    }

    static func page(_ ctx: PageContext, location: Location, themes: [HomeTheme], publicURL: String) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("theme.title")) {
            Confirmation(ctx, allowed: ["theme.thanks", "theme.thanks_again"])
            Tag("p") { A(Paths.location(location.id!)) { Txt(location.name) } }.cls("eyebrow")
            Tag("h1") { Txt(t("theme.title")) }
            Tag("p") { Txt(t("theme.intro")) }.cls("lead")
            if themes.isEmpty { Tag("p") { Txt(t("theme.none")) }.cls("notice") }
            for theme in themes {
                Tag("section") {
                    Tag("h2") { Txt(theme.title) }.attr("lang", "nl")
                    Tag("p") { Txt("\(theme.group) · \(period(theme, t))") }.cls("eyebrow")
                    if !theme.intro.isEmpty { Tag("p") { Txt(theme.intro) }.attr("lang", "nl").attr("dir", "auto") }
                    Tag("p") {
                        A(Paths.location(location.id!, "/thuis/brief?lang=\(ctx.language.rawValue)")) {
                            Txt(t("theme.letter_link"))
                        }
                    }
                    Tag("h3") { Txt(t("theme.activities")) }
                    Tag("div") {
                        for activity in theme.activities.sorted(by: { $0.position < $1.position }) {
                            activityCard(ctx, activity, locationID: location.id!)
                        }
                    }.cls("cards")
                    if !theme.rhyme.isEmpty {
                        Tag("h3") { Txt(t("theme.rhyme")) }
                        Tag("blockquote") { Txt(theme.rhyme) }.cls("rhyme").attr("lang", "nl").attr("dir", "auto")
                    }
                    wordTable(theme, t, languages: ctx.language == .nl ? [.nl] : [.nl, ctx.language])
                }.cls("home-theme")
            }
        }
    }

    private static func activityCard(_ ctx: PageContext, _ activity: HomeActivity, locationID: UUID) -> Component {
        let t = ctx.t
        let id = activity.id!.uuidString
        return Tag("article") {
            picture(activity)
            Tag("div") {
                Tag("h4") { Txt(activity.title) }.attr("lang", "nl").attr("dir", "auto")
                if !activity.materials.isEmpty {
                    Tag("p") {
                        Tag("strong") { Txt(t("theme.materials") + " ") };
                        Tag("bdi") { Txt(activity.materials) }.attr("lang", "nl")
                    }
                }
                Tag("ol") { for step in activity.stepList { Tag("li") { Txt(step) } } }.attr("lang", "nl").attr(
                    "dir", "auto")
                InlineAction(
                    ctx, action: Paths.location(locationID, "/thuis/activities/\(id)/done"), label: t("theme.did_this"),
                    accessibleName: t("theme.did_this_named", ["title": activity.title]))
            }
        }.cls("card activity").attr("id", "a-\(id)")
    }

    static func wordTable(_ theme: HomeTheme, _ t: Localizer, languages: [KoffiepotRules.Language]) -> Component {
        Tag("section") {
            Tag("h3") { Txt(t("theme.words")) }
            Tag("table") {
                Tag("caption") { Txt(t("theme.words_caption", ["title": theme.title])) }
                Tag("thead") {
                    Tag("tr") {
                        for language in languages {
                            Tag("th") { Txt(language.nativeName) }.attr("scope", "col").attr("lang", language.rawValue)
                        }
                    }
                }
                Tag("tbody") {
                    for word in theme.words.sorted(by: { $0.position < $1.position }) {
                        Tag("tr") {
                            for language in languages {
                                Tag("td") { Txt(word.word(in: language)) }.attr("lang", language.rawValue).attr(
                                    "dir", language.isRightToLeft ? "rtl" : "ltr")
                            }
                        }
                    }
                }
            }.cls("data words")
        }
    }

    /// The home letter: Dutch and the parent's language side by side, the activities, the words, a QR code.
    static func letter(
        _ ctx: PageContext, location: Location, themes: [HomeTheme], localizers: [Localizer], url: String
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("theme.letter")) {
            Tag("p") { Txt(t("theme.letter_print")) }.cls("noprint hint")
            for theme in themes {
                Tag("article") {
                    Tag("div") {
                        for l in localizers {
                            Tag("div") {
                                Tag("h1") { Txt(l("theme.letter_title", ["title": theme.title])) }
                                Tag("p") {
                                    Txt(l("theme.letter_body", ["group": theme.group, "location": location.name]))
                                }
                                Tag("p") { Txt(period(theme, l)) }.cls("eyebrow")
                            }.cls("cardcolumn").attr("lang", l.language.rawValue).attr(
                                "dir", l.language.isRightToLeft ? "rtl" : "ltr")
                        }
                    }.cls(localizers.count > 1 ? "cardcolumns two" : "cardcolumns")
                    if !theme.intro.isEmpty { Tag("p") { Txt(theme.intro) }.attr("lang", "nl") }
                    Tag("ol") {
                        for activity in theme.activities.sorted(by: { $0.position < $1.position }) {
                            Tag("li") {
                                PictogramIcon("activity-\(activity.pictogram)")
                                Tag("strong") { Txt(" \(activity.title)") }
                                Txt(": " + activity.stepList.joined(separator: " "))
                            }.attr("lang", "nl")
                        }
                    }.cls("letter-activities")
                    wordTable(theme, t, languages: localizers.map(\.language))
                    Node<Any>.raw(QRCode.svg(url, label: t("theme.qr_label")) ?? "")
                    Tag("p") { Txt(url) }.cls("cardlink").attr("dir", "ltr")
                }.cls("home-letter")
            }
            if themes.isEmpty { Tag("p") { Txt(t("theme.none")) } }
        }
    }

    // MARK: staff

    static func staffList(
        _ ctx: PageContext, themes: [HomeTheme], families: [UUID: Int], copyable: [HomeTheme], locations: [Location],
        form: FormState, copyForm: FormState, status: HTTPStatus
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("theme.staff_title"), status: status) {
            Tag("h1") { Txt(t("theme.staff_title")) }
            Tag("p") { Txt(t("theme.staff_intro")) }.cls("lead")
            Tag("ul") {
                for theme in themes {
                    Tag("li") {
                        A(Paths.Staff.homeTheme(theme.id!)) {
                            Txt("\(theme.title) · \(theme.location.name) · \(theme.group)")
                        }
                        Tag("span") {
                            Txt(
                                "\(period(theme, t)) · "
                                    + t("theme.families", ["n": SmallCells.shown(families[theme.id!] ?? 0)]))
                        }.cls("when")
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("theme.copy")) }.attr("id", "kopieren")
            ErrorSummary(copyForm, t)
            Tag("form") {
                CSRFField(ctx)
                SelectField(
                    name: "theme", label: t("theme.copy_from"),
                    options: copyable.map {
                        (value: $0.id!.uuidString, label: "\($0.title) · \($0.location.name) · \($0.firstDay)")
                    }
                ).render(copyForm, t)
                // Its own field names: the new-theme form below has the same fields, and ids must stay unique.
                locationAndPeriod(copyForm, locations: locations, t, prefix: "copy")
                Tag("button") { Txt(t("theme.copy")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.homeThemes, "/copy")).cls("stack")
            Tag("h2") { Txt(t("theme.new")) }.attr("id", "nieuw")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                locationAndPeriod(form, locations: locations, t)
                FormField(
                    name: "title", label: t("theme.theme_title"), required: true, hint: t("theme.theme_title_hint")
                ).render(form, t)
                TextAreaField(name: "intro", label: t("theme.theme_intro"), maxLength: 600).render(form, t)
                for n in 1...HomeThemeRules.activityCount.upperBound {
                    Tag("fieldset") {
                        Tag("legend") { Txt(t("theme.activity_n", ["n": "\(n)"])) }
                        FormField(name: "a\(n)title", label: t("theme.activity_title")).render(form, t)
                        TextAreaField(
                            name: "a\(n)steps", label: t("theme.activity_steps"), hint: t("theme.activity_steps_hint"),
                            maxLength: 800
                        ).render(form, t)
                        FormField(name: "a\(n)materials", label: t("theme.materials")).render(form, t)
                        SelectField(
                            name: "a\(n)pictogram", label: t("theme.pictogram"),
                            options: HomeThemeRules.pictograms.map {
                                (value: $0.key, label: t("theme.picto.\($0.key)"))
                            }
                        ).render(form, t)
                    }.cls(n > HomeThemeRules.activityCount.lowerBound ? "optional" : "")
                }
                TextAreaField(name: "rhyme", label: t("theme.rhyme"), maxLength: 1000).render(form, t)
                TextAreaField(name: "words", label: t("theme.words"), hint: t("theme.words_hint"), maxLength: 4000)
                    .render(form, t)
                Tag("button") { Txt(t("theme.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.homeThemes)).cls("stack")
        }
    }

    private static func locationAndPeriod(_ form: FormState, locations: [Location], _ t: Localizer, prefix: String = "")
        -> Component
    {
        let name = { (field: String) in
            prefix.isEmpty ? field : prefix + field.prefix(1).uppercased() + field.dropFirst()
        }
        return ComponentGroup {
            SelectField(
                name: name("location"), label: t("theme.location"),
                options: locations.map { (value: $0.id!.uuidString, label: $0.name) }
            )
            .render(form, t)
            FormField(name: name("group"), label: t("theme.group"), required: true, hint: t("theme.group_hint")).render(
                form, t)
            FormField(name: name("firstDay"), label: t("theme.first_day"), type: "date", required: true).render(form, t)
            FormField(name: name("lastDay"), label: t("theme.last_day"), type: "date", required: true).render(form, t)
        }
    }

    static func staffTheme(
        _ ctx: PageContext, theme: HomeTheme, families: Int, pictureError: (UUID, String)? = nil,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        let id = theme.id!
        return PageLayout.render(ctx, title: theme.title, status: status) {
            Confirmation(ctx, allowed: ["theme.saved", "theme.copied", "theme.picture_saved"])
            Tag("p") { Txt("\(theme.location.name) · \(theme.group) · \(period(theme, t))") }.cls("eyebrow")
            Tag("h1") { Txt(theme.title) }
            Tag("p") { Txt(t("theme.families", ["n": SmallCells.shown(families)])) }
            Tag("p") { A(Paths.location(theme.$location.id, "/thuis")) { Txt(t("theme.parent_page")) } }
            for activity in theme.activities.sorted(by: { $0.position < $1.position }) {
                let activityID = activity.id!
                Tag("section") {
                    Tag("h2") { Txt(activity.title) }
                    picture(activity)
                    if let pictureError, pictureError.0 == activityID {
                        Tag("p") { Txt(t(pictureError.1)) }.cls("error").attr("role", "alert")
                    }
                    Tag("form") {
                        CSRFField(ctx)
                        Tag("label") { Txt(t("theme.picture")) }.attr("for", "p-\(activityID.uuidString)")
                        Tag("p") { Txt(t("theme.picture_hint")) }.cls("hint")
                        VoidTag(
                            "input",
                            [
                                ("type", "file"), ("id", "p-\(activityID.uuidString)"), ("name", "picture"),
                                ("accept", "image/png,image/jpeg,image/webp"),
                            ])
                        Tag("button") { Txt(t("theme.picture_upload")) }.attr("type", "submit")
                    }.attr("method", "post").attr("enctype", "multipart/form-data")
                        .attr("action", Paths.Staff.homeTheme(id, "/activities/\(activityID.uuidString)/picture")).cls(
                            "stack")
                }.attr("id", "a-\(activityID.uuidString)")
            }
            Tag("p") { A(Paths.Staff.page(.homeThemes)) { Txt(t("theme.back")) } }
        }
    }
}
