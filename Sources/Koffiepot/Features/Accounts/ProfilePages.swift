import Foundation
import Plot
import Vapor

enum ProfilePages {
    /// The tokens section: the person's tokens, the form to make one, and a new token shown this once.
    struct Tokens {
        var tokens: [APIToken]
        var form: FormState
        var newToken: String?
    }

    static func edit(
        _ ctx: PageContext, user: StaffUser, form: FormState, topics: Set<Topic>, tokens: Tokens,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("profile.title"), status: status) {
            Tag("h1") { Txt(t("profile.title")) }
            Confirmation(ctx, allowed: ["profile.saved", "tokens.revoked"])
            if user.role == .advisor {
                ErrorSummary(form, t)
                Tag("form") {
                    CSRFField(ctx)
                    TextAreaField(
                        name: "intro", label: t("profile.intro"), hint: t("profile.intro_hint"),
                        maxLength: ProfileController.maxIntro
                    ).render(form, t)
                    Tag("fieldset") {
                        Tag("legend") { Txt(t("profile.topics")) }
                        for topic in Topic.allCases {
                            Tag("label") {
                                VoidTag(
                                    "input",
                                    [("type", "checkbox"), ("name", "topics[]"), ("value", topic.rawValue)]
                                        + (topics.contains(topic) ? [("checked", "checked")] : []))
                                PictogramIcon("topic-\(topic.rawValue)")
                                Txt(" " + topic.label(t))
                            }.cls("check")
                        }
                    }
                    Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.Staff.page(.profile)).cls("stack")
            }
            tokenSection(ctx, tokens)
        }
    }

    static func tokenSection(_ ctx: PageContext, _ section: Tokens) -> Component {
        let t = ctx.t
        return Tag("section") {
            Tag("h2") { Txt(t("tokens.title")) }
            Tag("p") { Txt(t("tokens.intro")) }
            if let plain = section.newToken {
                Tag("div") {
                    Tag("p") { Txt(t("tokens.created")) }.attr("role", "status")
                    Tag("p") { Txt(plain) }.cls("code token").attr("id", "new-token").attr("dir", "ltr")
                }.cls("codebox")
            }
            if section.tokens.isEmpty {
                Tag("p") { Txt(t("tokens.none")) }
            } else {
                Tag("ul") {
                    for token in section.tokens {
                        Tag("li") {
                            Tag("strong") { Txt(token.name) }
                            Txt(" · " + t("tokens.made", ["date": t.moment(token.createdAt)]) + " · ")
                            Txt(
                                token.lastUsedAt.map { t("tokens.last_used", ["date": t.moment($0)]) }
                                    ?? t("tokens.never_used"))
                            InlineAction(
                                ctx, action: Paths.Staff.page(.profile, "/tokens/\(token.id?.uuidString ?? "")/revoke"),
                                label: t("tokens.revoke"), accessibleName: t("tokens.revoke") + ": " + token.name)
                        }
                    }
                }.cls("tokens")
            }
            ErrorSummary(section.form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "name", label: t("tokens.name"), required: true, hint: t("tokens.name_hint")).render(
                    section.form, t)
                Tag("button") { Txt(t("tokens.create")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.profile, "/tokens")).cls("stack")
        }.attr("id", "tokens")
    }
}
