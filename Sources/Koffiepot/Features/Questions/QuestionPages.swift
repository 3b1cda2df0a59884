import Plot
import Vapor

enum QuestionPages {
    static func ask(_ ctx: PageContext, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("question.title"), status: status) {
            Tag("h1") { Txt(t("question.title")) }
            Tag("p") { Txt(t("question.intro")) }.cls("lead")
            PrivacyNote(t, [t("question.no_consequences"), t("question.who_reads"), t("privacy.no_file"),
                            t("question.deleted", ["days": "\(QuestionService.retentionDays)"])])
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                VoidTag("input", [("type", "hidden"), ("name", "location"), ("value", form["location"])])
                TextAreaField(name: "text", label: t("question.text"), hint: t("question.text_hint"), maxLength: QuestionService.maxLength).render(form, t)
                RadioGroup(name: "topic", legend: t("book.topics"),
                           options: Topic.allCases.map { ($0.rawValue, "\($0.pictogram) \(t($0.labelKey))") }).render(form, t)
                SelectField(name: "age", label: t("filter.age"),
                            options: [(value: "", label: t("filter.any"))] + AgeGroup.allCases.map { (value: $0.rawValue, label: t($0.labelKey)) }).render(form, t)
                SelectField(name: "language", label: t("question.language"),
                            options: BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }).render(form, t)
                FormField(name: "contact", label: t("book.contact"), hint: t("question.contact_hint"), autocomplete: "email").render(form, t)
                Tag("button") { Txt(t("question.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "/vraag").cls("stack")
        }
    }

    static func thread(_ ctx: PageContext, question: Question, thread: [QuestionMessage], token: String, code: PersonalCode,
                       notice: String?, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("question.yours"), status: status) {
            if let notice { Tag("p") { Txt(t(notice)) }.attr("role", "status").cls("flash") }
            Tag("h1") { Txt(t("question.yours")) }
            Tag("p") { Txt(t("question.status.\(question.status.rawValue)")) }.cls("notice status")
            Tag("article") { Tag("p") { Txt(question.text) }.cls("about").attr("dir", "auto") }.cls("booking")
            for message in thread {
                Tag("article") {
                    Tag("h2") { Txt(t(message.fromAdvisor ? "question.answer_from_advisor" : "question.you_added")) }
                    Tag("p") { Txt(message.text) }.cls("about").attr("dir", "auto")
                }.cls(message.fromAdvisor ? "booking answer" : "booking")
            }
            Tag("div") {
                Tag("p") { Txt(t("booking.code_label")) }
                Tag("p") { Txt(code.display) }.cls("code").attr("dir", "ltr").attr("translate", "no")
                Tag("p") { Txt(t("question.code_hint")) }.cls("hint")
            }.cls("codebox")
            Tag("h2") { Txt(t("question.follow_up")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(name: "text", label: t("question.follow_up_label"), maxLength: QuestionService.maxLength).render(form, t)
                Tag("button") { Txt(t("question.follow_up_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "/v/\(token)/reply").cls("stack")
        }
    }
}
