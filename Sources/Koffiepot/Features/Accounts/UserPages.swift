import Plot
import Vapor

enum UserPages {
    static let confirmations: Set<String> = ["users.created", "users.deactivated"]

    static func list(_ ctx: PageContext, users: [StaffUser], form: FormState, status: HTTPStatus) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("users.title"), status: status) {
            Tag("h1") { Txt(t("users.title")) }
            Confirmation(ctx, allowed: confirmations)
            Tag("ul") {
                for user in users {
                    Tag("li") {
                        Tag("strong") { Txt(user.name) }
                        Txt(" · \(user.email) · \(t("role.\(user.role.rawValue)"))")
                        if !user.active { Txt(" · " + t("users.inactive")) }
                        if user.active, user.id != ctx.staff?.id {
                            InlineAction(
                                ctx, action: Paths.Staff.user(user.id!, "/deactivate"),
                                label: t("users.deactivate"), accessibleName: t("users.deactivate") + ": " + user.name)
                        }
                    }
                }
            }.cls("admin-list")
            Tag("h2") { Txt(t("users.add")) }.attr("id", "add")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "name", label: t("users.name"), required: true).render(form, t)
                FormField(name: "email", label: t("login.email"), type: "email", required: true).render(form, t)
                SelectField(
                    name: "role", label: t("users.role"),
                    options: Role.assignable.map { (value: $0.rawValue, label: t("role.\($0.rawValue)")) }
                ).render(form, t)
                FormField(
                    name: "password", label: t("login.password"), type: "password", required: true,
                    hint: t("users.password_hint"), autocomplete: "new-password"
                ).render(form, t)
                Tag("button") { Txt(t("presence.save")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.page(.users)).cls("stack")
        }
    }
}
