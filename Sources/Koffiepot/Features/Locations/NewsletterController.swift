import Fluent
import Vapor

/// The outreach kit's newsletter texts: a staff page with copy buttons (one or two languages side by side for
/// a bilingual newsletter) and the same texts in the API for a school's own newsletter tool.
struct NewsletterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(Paths.Staff.route(.locations, ":id", "nieuwsbrief")).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher)
        )
        .get(use: page)
    }

    /// What the snippets of one location are made of: the next three weeks' free times, six weeks of gatherings.
    static func snippets(for location: Location, t: Localizer, on db: any Database, now: Date, publicURL: String)
        async throws
        -> [NewsletterSnippets.Snippet]
    {
        let id = try location.requireID()
        let today = LocalDate(containing: now)
        let board = try await LocationQueries.presence(
            at: location, from: today, through: today.adding(days: 20), on: db)
        let free = try await SlotQueries.free(
            at: id, from: today, through: today.adding(days: 20), now: now, board: board, on: db)
        var filter = GatheringFilter()
        filter.locationID = id
        let gatherings = try await GatheringQueries.upcoming(
            filter, from: now, to: now.addingTimeInterval(42 * 86400), on: db)
        let rules = try await PresenceRule.query(on: db).filter(\.$location.$id == id).all()
        return NewsletterSnippets.build(
            location: location, advisors: board.advisors, rules: rules, gatherings: gatherings,
            freeSlots: free.count, publicURL: publicURL, t: t)
    }

    func page(req: Request) async throws -> Response {
        guard let location = try await LocationQueries.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        let second = req.query[String.self, at: "second"].flatMap(Language.init(rawValue:)).flatMap {
            $0 == req.language ? nil : $0
        }
        var columns: [(Localizer, [NewsletterSnippets.Snippet])] = []
        for language in [req.language] + (second.map { [$0] } ?? []) {
            let t = Localizer(language: language, catalogues: req.application.catalogues)
            columns.append(
                (
                    t,
                    try await Self.snippets(
                        for: location, t: t, on: req.db, now: req.now, publicURL: req.application.settings.publicURL)
                ))
        }
        return NewsletterPages.page(req.page, location: location, columns: columns)
    }
}

enum NewsletterPages {
    static func page(_ ctx: PageContext, location: Location, columns: [(Localizer, [NewsletterSnippets.Snippet])])
        -> Response
    {
        let t = ctx.t
        let id = location.id!
        return PageLayout.render(ctx, title: t("snippet.page_title")) {
            Tag("p") { Txt(location.name) }.cls("eyebrow")
            Tag("h1") { Txt(t("snippet.page_title")) }
            Tag("p") { Txt(t("snippet.page_intro")) }.cls("lead")
            Tag("form") {
                VoidTag("input", [("type", "hidden"), ("name", "lang"), ("value", ctx.language.rawValue)])
                SelectField(
                    name: "second", label: t("snippet.second"),
                    options: [(value: "", label: "—")]
                        + Language.allCases.filter { $0 != ctx.language }.map {
                            (value: $0.rawValue, label: $0.nativeName)
                        }
                )
                .render(FormState(values: ["second": columns.dropFirst().first?.0.language.rawValue ?? ""]), t)
                Tag("button") { Txt(t("snippet.show")) }.attr("type", "submit")
            }.attr("method", "get").attr("action", Paths.Staff.location(id, "/nieuwsbrief")).cls("filters")
            Tag("div") {
                for (column, snippets) in columns {
                    Tag("div") {
                        for (index, snippet) in snippets.enumerated() {
                            let box = "s-\(column.language.rawValue)-\(index)"
                            Tag("section") {
                                Tag("h2") { Txt(snippet.title) }
                                Tag("label") { Txt(t("snippet.text")) }.attr("for", box)
                                Tag("textarea") { Txt("\(snippet.title)\n\(snippet.text)\n\(snippet.link)") }
                                    .attr("id", box).attr("readonly", "readonly").attr("rows", "6")
                                Tag("textarea") { Txt(snippet.html) }.attr("id", "\(box)-html").attr("hidden", "hidden")
                                    .attr("aria-label", t("snippet.html"))
                                Tag("p") {
                                    Tag("button") { Txt(t("snippet.copy")) }.attr("type", "button").attr(
                                        "data-copy", box
                                    ).attr("hidden", "hidden").attr("data-copied", t("snippet.copied"))
                                    Txt(" ")
                                    Tag("button") { Txt(t("snippet.copy_html")) }.attr("type", "button").attr(
                                        "data-copy", "\(box)-html"
                                    ).attr("hidden", "hidden").attr("data-copied", t("snippet.copied"))
                                    Tag("span") {}.attr("role", "status").cls("copied")
                                }
                            }.cls("card stacked snippet")
                        }
                    }.cls("cardcolumn").attr("lang", column.language.rawValue).attr(
                        "dir", column.language.isRightToLeft ? "rtl" : "ltr")
                }
            }.cls(columns.count > 1 ? "cardcolumns two" : "cardcolumns")
            Tag("script") {}.attr("src", "/js/copy.js").attr("defer", "defer")
        }
    }
}
