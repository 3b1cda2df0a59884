import Foundation
import Plot
import Vapor

enum QuestionPages {
    static func ask(_ ctx: PageContext, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("question.title"), status: status) {
            Tag("h1") { Txt(t("question.title")) }
            Tag("p") { Txt(t("question.intro")) }.cls("lead")
            PrivacyNote(
                t,
                [
                    t("question.no_consequences"), t("question.who_reads"), t("privacy.no_file"),
                    t("question.deleted", ["days": "\(QuestionService.retentionDays)"]),
                ])
            Tag("p") { Txt(t("question.expected", ["days": "\(ResponsePromise.workingDays)"])) }.cls("notice")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                VoidTag("input", [("type", "hidden"), ("name", "location"), ("value", form["location"])])
                TextAreaField(
                    name: "text", label: t("question.text"), hint: t("question.text_hint"),
                    maxLength: QuestionService.maxLength
                ).render(form, t)
                // Filled while typing by /js/suggest.js from the library API; without JavaScript the link below does the same job.
                Tag("div") {
                    Tag("p") { A(Paths.library) { Txt(t("library.look_first")) } }.cls("hint")
                }.attr("id", "suggestions").attr("aria-live", "polite").attr("data-heading", t("library.others_asked"))
                RadioGroup(
                    name: "topic", legend: t("book.topics"),
                    options: ChoiceOptions.topics(t).map { ($0.value, $0.label) }
                ).render(form, t)
                SelectField(
                    name: "age", label: t("filter.age"),
                    options: [ChoiceOptions.any(t)] + ChoiceOptions.ageGroups(t)
                ).render(form, t)
                SelectField(
                    name: "language", label: t("question.language"),
                    options: BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
                ).render(form, t)
                FirstContactQuestion(form, t)
                FormField(
                    name: "contact", label: t("book.contact"), hint: t("question.contact_hint"), autocomplete: "email"
                ).render(form, t)
                ConsentBox(t, checked: form["consent"] == "yes")
                Tag("button") { Txt(t("question.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.ask).cls("stack")
            Tag("script") {}.attr("src", "/js/suggest.js").attr("defer", "defer")
        }
    }

    private static func ConsentBox(_ t: Localizer, checked: Bool) -> Component {
        Tag("div") {
            Tag("label") {
                VoidTag(
                    "input",
                    [("type", "checkbox"), ("name", "consent"), ("value", "yes")]
                        + (checked ? [("checked", "checked")] : []))
                Txt(" " + t("question.consent"))
            }
            Tag("p") { Txt(t("question.consent_hint")) }.cls("hint")
        }.cls("field check")
    }

    struct Thread {
        let question: Question
        let messages: [QuestionMessage]
        let pointers: [UUID: [AnswerPointer]]
        let token: String
        let code: PersonalCode
        let feedbackGiven: Bool
        var feedbackForm = FormState()
    }

    static func thread(_ ctx: PageContext, _ thread: Thread, notice: String?, form: FormState, status: HTTPStatus = .ok)
        -> Response
    {
        let t = ctx.t
        let question = thread.question
        let base = Paths.question(thread.token)
        return PageLayout.render(ctx, title: t("question.yours"), status: status) {
            if let notice { Tag("p") { Txt(t(notice)) }.attr("role", "status").cls("flash") }
            Tag("h1") { Txt(t("question.yours")) }
            Tag("p") {
                Txt(t("question.status.\(question.status.rawValue)"))
                if [.open, .claimed].contains(question.status), let due = question.dueAt {
                    Txt(" " + t("question.expected_by", ["day": t.dayTitle(LocalDate(containing: due))]))
                }
            }.cls("notice status")
            Tag("article") { Tag("p") { Txt(question.text) }.cls("about").attr("dir", "auto") }.cls("booking")
            for message in thread.messages {
                Tag("article") {
                    Tag("h2") { Txt(t(message.fromAdvisor ? "question.answer_from_advisor" : "question.you_added")) }
                    if message.fromAdvisor {
                        FormattedText(message.text)
                    } else {
                        Tag("p") { Txt(message.text) }.cls("about").attr("dir", "auto")
                    }
                    for pointer in thread.pointers[message.id!] ?? [] {
                        Tag("p") { A(pointer.href) { Txt(pointer.label) }.cls("button") }
                    }
                }.cls(message.fromAdvisor ? "booking answer" : "booking")
            }
            if question.firstAnsweredAt != nil {
                if thread.feedbackGiven {
                    Tag("p") { Txt(t("feedback.thanks")) }.cls("notice")
                } else {
                    FeedbackForm(
                        ctx, action: "\(base)/feedback", heading: t("feedback.heading_answer"),
                        form: thread.feedbackForm)
                }
            }
            Tag("div") {
                Tag("p") { Txt(t("booking.code_label")) }
                Tag("p") { Txt(thread.code.display) }.cls("code").attr("dir", "ltr").attr("translate", "no")
                Tag("p") { Txt(t("question.code_hint")) }.cls("hint")
            }.cls("codebox")
            Tag("h2") { Txt(t("question.follow_up")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(name: "text", label: t("question.follow_up_label"), maxLength: QuestionService.maxLength)
                    .render(form, t)
                Tag("button") { Txt(t("question.follow_up_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "\(base)/reply").cls("stack")
            Tag("h2") { Txt(t("question.library_heading")) }
            Tag("p") { Txt(t(question.consentPublish ? "question.consent_given" : "question.consent_not_given")) }
            InlineAction(
                ctx, action: "\(base)/consent",
                label: t(question.consentPublish ? "question.consent_withdraw" : "question.consent_give"),
                hidden: [("consent", question.consentPublish ? "no" : "yes")])
        }
    }
}
