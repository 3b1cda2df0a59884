import Plot

/// The one-tap five-face scale with an optional "what could be better?". Each face is its own submit button,
/// so one tap sends it; the words are there for screen readers and for parents who read faces differently.
/// At a walk-in (`askFirstContact`) it also asks the optional "first contact this school year?" — the only
/// moment a walk-in visitor tells us anything.
func FeedbackForm(
    _ ctx: PageContext, action: String, heading: String, form: FormState = FormState(), askFirstContact: Bool = false
) -> Component {
    let t = ctx.t
    return Tag("section") {
        Tag("h2") { Txt(heading) }.attr("id", "feedback-title")
        Tag("form") {
            CSRFField(ctx)
            TextAreaField(
                name: "better", label: t("feedback.better"), hint: t("feedback.better_hint"),
                maxLength: FeedbackRules.maxText
            )
            .render(form, t)
            if askFirstContact { FirstContactQuestion(form, t) }
            Tag("fieldset") {
                Tag("legend") { Txt(t("feedback.question")) }
                Tag("div") {
                    for score in FeedbackRules.scores {
                        Tag("button") {
                            PictogramIcon("score-\(score)")
                            Tag("span") { Txt(t("feedback.score.\(score)")) }.cls("face-label")
                        }.attr("type", "submit").attr("name", "score").attr("value", "\(score)")
                    }
                }.cls("faces")
            }
        }.attr("method", "post").attr("action", action).cls("stack")
    }.cls("feedback").attr("aria-labelledby", "feedback-title")
}
