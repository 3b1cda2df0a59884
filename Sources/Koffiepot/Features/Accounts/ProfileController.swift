import Fluent
import Plot
import Vapor

/// An advisor edits the face parents see: intro and topics.
struct ProfileController: RouteCollection {
    static let maxIntro = 600

    func boot(routes: any RoutesBuilder) throws {
        let profile = routes.grouped("staff", "profile").grouped(RequireRole(.advisor))
        profile.get(use: show)
        profile.post(use: save)
    }

    func show(req: Request) async throws -> Response {
        guard let user = req.staff?.user else { throw Abort(.unauthorized) }
        return ProfilePages.edit(req.page, form: FormState(values: ["intro": user.intro]), topics: Set(user.topics))
    }

    struct Input: Content { var intro: String?, topics: [String]? }

    func save(req: Request) async throws -> Response {
        guard let user = req.staff?.user else { throw Abort(.unauthorized) }
        let input = try req.content.decode(Input.self)
        let intro = (input.intro ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let topics = (input.topics ?? []).compactMap(Topic.init(rawValue:))
        var form = FormState(values: ["intro": intro])
        if intro.count > Self.maxIntro { form.errors["intro"] = "error.too_long" }
        if intro.unicodeScalars.contains(where: { $0.value == 0 }) { form.errors["intro"] = "error.bad_text" }
        guard form.isValid else {
            return ProfilePages.edit(req.page, form: form, topics: Set(topics), status: .unprocessableEntity)
        }
        user.intro = intro
        user.topicKeys = topics.map(\.rawValue).joined(separator: ",")
        try await user.save(on: req.db)
        return req.redirect(to: "/staff/profile?done=profile.saved", redirectType: .normal)
    }
}

enum ProfilePages {
    static func edit(_ ctx: PageContext, form: FormState, topics: Set<Topic>, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("profile.title"), status: status) {
            Tag("h1") { Txt(t("profile.title")) }
            Confirmation(ctx, allowed: ["profile.saved"])
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(name: "intro", label: t("profile.intro"), hint: t("profile.intro_hint"),
                              maxLength: ProfileController.maxIntro).render(form, t)
                Tag("fieldset") {
                    Tag("legend") { Txt(t("profile.topics")) }
                    for topic in Topic.allCases {
                        Tag("label") {
                            VoidTag("input", [("type", "checkbox"), ("name", "topics[]"), ("value", topic.rawValue)]
                                    + (topics.contains(topic) ? [("checked", "checked")] : []))
                            Txt(" " + topic.label(t))
                        }.cls("check")
                    }
                }
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "/staff/profile").cls("stack")
        }
    }
}
