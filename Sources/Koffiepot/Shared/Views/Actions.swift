import Plot

/// A one-button form (cancel, delete, deactivate …): POST with CSRF token and optional hidden fields.
/// `accessibleName` tells screen-reader users *what* the button acts on when many stand in a list.
func InlineAction(
    _ ctx: PageContext, action: String, label: String, accessibleName: String? = nil,
    hidden: [(String, String)] = []
) -> Component {
    Tag("form") {
        CSRFField(ctx)
        for field in hidden { VoidTag("input", [("type", "hidden"), ("name", field.0), ("value", field.1)]) }
        Tag("button") { Txt(label) }.attr("type", "submit").attr("aria-label", accessibleName ?? label)
    }.attr("method", "post").attr("action", action).cls("inline")
}

/// "What happens with what you fill in?" — said in plain words before a person sends anything.
func PrivacyNote(_ t: Localizer, _ points: [String]) -> Component {
    Tag("aside") {
        Tag("h2") { Txt(t("privacy.title")) }
        Tag("ul") { for point in points { Tag("li") { Txt(point) } } }
    }.cls("privacy")
}

/// The confirmation after a post/redirect/get, from `?done=<message key>`; only known keys are shown.
func Confirmation(_ ctx: PageContext, allowed: Set<String>) -> Component {
    Tag("div") {
        if let done = ctx.query["done"], allowed.contains(done) {
            Tag("p") { Txt(ctx.t(done)) }.attr("role", "status").cls("flash")
        }
    }
}
