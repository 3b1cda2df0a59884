import Plot
import Vapor

enum SchoolFamiliesPages {
    static func form(
        _ ctx: PageContext, location: Location, years: [SchoolYear], form: FormState, saved: Bool,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        let title = t("families.title", ["location": location.name])
        let total = ReachReport.languages.compactMap { Int(form["share_\($0)"]) }.reduce(0, +)
        return PageLayout.render(ctx, title: title, status: status) {
            Tag("h1") { Txt(title) }
            Tag("p") { Txt(t("families.intro")) }.cls("lead")
            if saved {
                Tag("p") { Txt(t("families.saved", ["year": t.leftToRight(form["year"])])) }.cls("notice").attr(
                    "role", "status")
            }
            // One year at a time: switching reloads that year's figures, so nothing is saved under the wrong year.
            Tag("nav") {
                Txt(t("families.year") + ": ")
                for (index, year) in years.enumerated() {
                    if index > 0 { Txt(" · ") }
                    if year.description == form["year"] {
                        Tag("strong") { Txt(year.description) }.attr("aria-current", "page")
                    } else {
                        A(Paths.Staff.location(location.id!, "/families?year=\(year)")) { Txt(year.description) }
                    }
                }
            }.attr("aria-label", t("families.year"))
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                VoidTag("input", [("type", "hidden"), ("name", "year"), ("value", form["year"])])
                FormField(name: "families", label: t("families.count"), type: "number", required: true).render(form, t)
                Tag("fieldset") {
                    Tag("legend") { Txt(t("families.shares")) }
                    Tag("p") { Txt(t("families.shares_hint")) }.cls("hint")
                    if let error = form.errors["shares"] {
                        Tag("p") { Txt(t(error)) }.cls("error").attr("id", "f-shares-error")
                    }
                    for language in ReachReport.languages {
                        FormField(name: "share_\(language)", label: t("lang.\(language)") + " (%)", type: "number")
                            .render(form, t)
                    }
                    if total <= 100 {
                        Tag("p") { Txt(t("families.other", ["percent": "\(100 - total)"])) }.cls("hint")
                    }
                }.attr("id", "f-shares").cls("percentages")
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.location(location.id!, "/families")).cls("stack")
            Tag("p") { A(Paths.Staff.page(.insight, "#gap")) { Txt(t("families.to_insight")) } }
        }
    }
}
