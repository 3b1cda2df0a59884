import Foundation
import Plot
import Vapor

enum WishPages {
    static let notices: Set<String> = [
        "wish.proposed", "wish.supported", "wish.already", "wish.contact_saved", "wish.contact_missing",
    ]

    static func list(
        _ ctx: PageContext, location: Location, wishes: [Wish], planned: [Wish], supported: UUID?, form: FormState,
        status: HTTPStatus = .ok
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("wish.title"), status: status) {
            Confirmation(ctx, allowed: notices)
            Tag("h1") { Txt(t("wish.title")) }
            Tag("p") { Txt(t("wish.intro", ["location": location.name])) }.cls("lead")
            if let supported, ctx.query["done"] == "wish.supported" {
                Tag("form") {
                    CSRFField(ctx)
                    FormField(
                        name: "later", label: t("wish.contact_later"), hint: t("wish.contact_hint"),
                        autocomplete: "email"
                    ).render(FormState(), t)
                    Tag("button") { Txt(t("wish.contact_submit")) }.attr("type", "submit")
                }.attr("method", "post").attr("action", Paths.wish(supported, "/contact")).cls("stack notice")
            }
            if wishes.isEmpty { Tag("p") { Txt(t("wish.none")) } }
            Tag("ul") {
                for wish in wishes {
                    Tag("li") {
                        Tag("p") { Txt(label(wish, t)) }.attr("dir", "auto").cls("wish-text")
                        Tag("form") {
                            CSRFField(ctx)
                            Tag("button") { Txt(t("wish.support", ["count": wish.supportsShown])) }.attr(
                                "type", "submit"
                            )
                            .attr(
                                "aria-label",
                                t("wish.support_named", ["count": wish.supportsShown, "wish": label(wish, t)]))
                        }.attr("method", "post").attr("action", Paths.wish(wish.id!, "/support")).cls("inline")
                    }.attr("id", "wish-\(wish.id!.uuidString)")
                }
            }.cls("wishes")
            if !planned.isEmpty {
                Tag("h2") { Txt(t("wish.planned")) }
                Tag("ul") {
                    for wish in planned {
                        Tag("li") {
                            if let id = wish.gatheringID {
                                A(Paths.gathering(id)) { Txt(label(wish, t)) }
                            } else {
                                Txt(label(wish, t))
                            }
                        }
                    }
                }
            }
            Tag("h2") { Txt(t("wish.propose")) }.attr("id", "propose")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                RadioGroup(
                    name: "topic", legend: t("wish.topic"),
                    options: ChoiceOptions.topics(t).map { ($0.value, $0.label) }
                ).render(form, t)
                FormField(name: "text", label: t("wish.text"), hint: t("wish.text_hint")).render(form, t)
                FormField(
                    name: "contact", label: t("wish.contact_later"), hint: t("wish.contact_hint"), autocomplete: "email"
                ).render(form, t)
                Tag("button") { Txt(t("wish.propose_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.location(location.id!, "/wensen")).cls("stack")
        }
    }

    static func label(_ wish: Wish, _ t: Localizer) -> String { label(topic: wish.topic, text: wish.text, t) }

    /// "🛏️ Slapen: met een baby in huis" — the pictogram, the word and the parents' own words when there are any.
    static func label(topic: Topic?, text: String, _ t: Localizer) -> String {
        [topic.map { $0.label(t) }, text.isEmpty ? nil : text].compactMap { $0 }.joined(separator: ": ")
    }
}
