import Plot
import Vapor

enum InvitationPages {
    static func link(_ invitation: Invitation, _ publicURL: String) -> String {
        Paths.absolute(Paths.invitation(invitation.token), publicURL)
    }

    static func list(
        _ ctx: PageContext, gathering: Gathering, invitations: [Invitation], counts: [UUID: Int], publicURL: String
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("invite.title")) {
            Tag("h1") { Txt(t("invite.title")) }
            Tag("p") { Txt(gathering.title + " · " + GatheringText.when(gathering, t)) }
            Tag("p") { Txt(t("invite.intro")) }.cls("hint")
            Tag("ul") {
                for invitation in invitations {
                    Tag("li") {
                        Tag("strong") { Txt(invitation.label.isEmpty ? t("invite.unlabelled") : invitation.label) }
                        Txt(" · ")
                        Tag("code") { Txt(link(invitation, publicURL)) }.attr("dir", "ltr")
                        Txt(" · " + t("invite.count", ["count": "\(counts[invitation.id!] ?? 0)"]) + " · ")
                        A(Paths.Staff.invitation(invitation.id!, "/card")) { Txt(t("invite.card")) }
                    }
                }
            }.cls("admin-list")
            Tag("form") {
                CSRFField(ctx)
                FormField(name: "label", label: t("invite.label"), hint: t("invite.label_hint")).render(FormState(), t)
                Tag("button") { Txt(t("invite.make")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.Staff.gathering(gathering.id!, "/invitations")).cls(
                "stack")
        }
    }

    /// A card to print and hand over: what, when, where, and a QR code that opens the registration.
    static func card(_ ctx: PageContext, gathering: Gathering, invitation: Invitation, publicURL: String) -> Response {
        let t = ctx.t
        let url = link(invitation, publicURL)
        return PageLayout.render(ctx, title: t("invite.card")) {
            Tag("div") {
                Tag("p") { Txt(t("invite.card_greeting")) }.cls("eyebrow")
                Tag("h1") { Txt(gathering.title) }
                Tag("p") { Txt(GatheringText.when(gathering, t)) }
                Tag("p") { Txt(gathering.location.name + (gathering.room.isEmpty ? "" : " · " + gathering.room)) }
                Node<Any>.raw(QRCode.svg(url, label: t("invite.qr_label")) ?? "")
                Tag("p") { Txt(url) }.cls("cardlink").attr("dir", "ltr")
                Tag("p") { Txt(t("invite.card_footer")) }.cls("hint")
            }.cls("invitecard")
            Tag("p") { Txt(t("invite.print_hint")) }.cls("noprint hint")
        }
    }
}
