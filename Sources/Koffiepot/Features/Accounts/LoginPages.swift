import Plot
import Vapor

enum LoginPages {
    static func login(_ ctx: PageContext, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("login.title"), status: status) {
            Tag("h1") { Txt(t("login.title")) }
            Tag("p") { Txt(t("login.intro")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                VoidTag("input", [("type", "hidden"), ("name", "next"), ("value", form["next"])])
                FormField(
                    name: "email", label: t("login.email"), type: "email", required: true, autocomplete: "username"
                ).render(form, t)
                FormField(
                    name: "password", label: t("login.password"), type: "password", required: true,
                    autocomplete: "current-password"
                ).render(form, t)
                Tag("button") { Txt(t("login.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.login).cls("stack")
        }
    }
}
