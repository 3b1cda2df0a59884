import Plot
import Vapor

enum FeedbackPages {
    enum State {
        case form(FormState), thanks, notYet
    }

    static func page(
        _ ctx: PageContext, heading: String, action: String, state: State, status: HTTPStatus = .ok,
        askFirstContact: Bool = false
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("feedback.title"), status: status) {
            Tag("h1") { Txt(t("feedback.title")) }
            switch state {
            case .form(let form):
                ErrorSummary(form, t)
                FeedbackForm(ctx, action: action, heading: heading, form: form, askFirstContact: askFirstContact)
                Tag("p") { Txt(t("feedback.privacy")) }.cls("hint")
            case .thanks:
                Tag("p") { Txt(t("feedback.thanks")) }.attr("role", "status").cls("flash")
            case .notYet:
                Tag("p") { Txt(t("feedback.error.not_yet")) }.cls("notice")
            }
        }
    }

    static func poster(_ ctx: PageContext, location: Location, url: String) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("feedback.poster_title")) {
            Tag("section") {
                Tag("h1") { Txt(t("feedback.poster_heading")) }
                Tag("p") { Txt(location.name) }
                Node<Any>.raw(QRCode.svg(url, label: t("feedback.poster_qr_label")) ?? "")
                Tag("p") { Txt(url) }.cls("cardlink").attr("dir", "ltr")
                Tag("p") { for score in FeedbackRules.scores { PictogramIcon("score-\(score)") } }.cls("poster-faces")
            }.cls("invitecard")
            Tag("p") { Txt(t("invite.print_hint")) }.cls("noprint hint")
        }
    }
}
