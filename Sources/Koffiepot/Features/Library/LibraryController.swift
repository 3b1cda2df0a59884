import Fluent
import Plot
import Vapor

/// The public library (*vragenbank*): questions other parents asked, answered and anonymised, by topic and age.
struct LibraryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.route(Paths.library), use: list)
        routes.grouped(RequireRole(.advisor, .coordinator, .admin)).post(
            Paths.Staff.route(.libraryEntries, ":entryID", "delete"), use: delete)
    }

    /// Staff can take an entry out again (a detail that still points to someone, a parent who asks for it).
    func delete(req: Request) async throws -> Response {
        guard let id = req.parameters.get("entryID").flatMap(UUID.init(uuidString:)),
            let entry = try await LibraryEntry.find(id, on: req.db)
        else { throw Abort(.notFound) }
        try await entry.delete(on: req.db)
        return req.redirect(to: Paths.library + "?done=library.removed", redirectType: .normal)
    }

    func list(req: Request) async throws -> Response {
        let q = TextRules.singleLine(req.query[String.self, at: "q"] ?? "")
        let filter = LibrarySearch.Filter(
            text: String(q.prefix(200)), topic: req.query[String.self, at: "topic"].flatMap(Topic.init(rawValue:)),
            ageGroup: req.query[String.self, at: "age"].flatMap(AgeGroup.init(rawValue:)))
        let entries = try await LibrarySearch.find(filter, on: req.db)
        return LibraryPages.list(req.page, entries: entries, filter: filter)
    }
}

enum LibraryPages {
    static func list(_ ctx: PageContext, entries: [LibraryEntry], filter: LibrarySearch.Filter) -> Response {
        let t = ctx.t
        let form = FormState(values: [
            "q": filter.text, "topic": filter.topic?.rawValue ?? "", "age": filter.ageGroup?.rawValue ?? "",
        ])
        let mayRemove = ctx.staff.map { [.advisor, .coordinator, .admin].contains($0.role) } ?? false
        return PageLayout.render(ctx, title: t("library.title")) {
            Confirmation(ctx, allowed: ["library.removed"])
            Tag("h1") { Txt(t("library.title")) }
            Tag("p") { Txt(t("library.intro")) }.cls("lead")
            Tag("form") {
                FormField(name: "q", label: t("library.search"), type: "search").render(form, t)
                SelectField(
                    name: "topic", label: t("book.topics"), options: [ChoiceOptions.any(t)] + ChoiceOptions.topics(t)
                ).render(form, t)
                SelectField(
                    name: "age", label: t("filter.age"), options: [ChoiceOptions.any(t)] + ChoiceOptions.ageGroups(t)
                ).render(form, t)
                Tag("button") { Txt(t("library.search_button")) }.attr("type", "submit")
            }.attr("method", "get").attr("action", Paths.library).attr("role", "search").cls("filters")
            Tag("p") { Txt(t("library.count", ["count": "\(entries.count)"])) }.attr("role", "status")
            for entry in entries {
                Tag("article") {
                    Tag("h2") { Txt(entry.questionText) }.attr("dir", "auto")
                    Tag("p") {
                        Txt(
                            [entry.topic.map { $0.label(t) }, entry.ageGroup.map { t($0.labelKey) }]
                                .compactMap { $0 }.joined(separator: " · "))
                    }.cls("hint")
                    FormattedText(entry.answerText)
                    if mayRemove {
                        InlineAction(
                            ctx, action: Paths.Staff.libraryEntry(entry.id!, "/delete"), label: t("library.remove"),
                            accessibleName: t(
                                "library.remove_named", ["question": String(entry.questionText.prefix(60))]))
                    }
                }.cls("booking").attr("id", "entry-\(entry.id!.uuidString)")
            }
            Tag("p") { A(Paths.ask) { Txt(t("library.ask_yourself")) }.cls("button") }
        }
    }
}
