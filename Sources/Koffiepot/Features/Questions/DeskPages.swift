import Foundation
import Plot
import Vapor

enum DeskPages {
    struct Queue {
        let questions: [Question]
        let ready: [Question]
        let times: ResponseTimes.Summary
        let locations: [Location]
        let filter: DeskFilter
    }

    static func queue(_ ctx: PageContext, _ queue: Queue, now: Date) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("desk.title")) {
            Tag("h1") { Txt(t("desk.title")) }
            Confirmation(ctx, allowed: ["desk.answered", "desk.closed", "library.published"])
            Tag("p") { Txt(t("desk.no_automation")) }.cls("notice")
            Tag("p") {
                Txt(
                    queue.times.medianHours.map {
                        t(
                            "desk.response_times",
                            [
                                "count": "\(queue.times.answered)", "hours": "\($0)",
                                "percent": "\(queue.times.withinPromisePercent ?? 0)",
                                "days": "\(ResponsePromise.workingDays)",
                            ])
                    }
                        ?? t("desk.response_times_none"))
            }.cls("hint")
            filters(ctx, queue)
            if queue.questions.isEmpty { Tag("p") { Txt(t("desk.empty")) } }
            Tag("ul") {
                for q in queue.questions {
                    Tag("li") {
                        A(Paths.Staff.question(q.id!)) {
                            Txt(String(q.text.prefix(80)) + (q.text.count > 80 ? "…" : ""))
                        }.attr("dir", "auto")
                        Tag("p") {
                            Txt((q.$location.value??.name ?? t("desk.municipality")) + " · " + meta(q, t, now: now))
                        }.cls("hint")
                        if let due = q.dueAt, due < now { Tag("p") { Txt(t("desk.overdue")) }.cls("error") }
                    }
                }
            }.cls("admin-list")
            if !queue.ready.isEmpty {
                Tag("h2") { Txt(t("desk.ready_for_library")) }
                Tag("ul") {
                    for q in queue.ready {
                        Tag("li") {
                            A(Paths.Staff.question(q.id!, "/publish")) { Txt(String(q.text.prefix(80))) }.attr(
                                "dir", "auto")
                        }
                    }
                }.cls("admin-list")
            }
        }
    }

    static func meta(_ q: Question, _ t: Localizer, now: Date) -> String {
        [
            q.topic.map { $0.label(t) }, q.ageGroup.map { t($0.labelKey) }, t("lang.\(q.language)"),
            t("desk.waiting", ["hours": "\(Int(now.timeIntervalSince(q.createdAt) / 3600))"]),
        ].compactMap { $0 }.joined(separator: " · ")
    }

    private static func filters(_ ctx: PageContext, _ queue: Queue) -> Component {
        let t = ctx.t
        let f = queue.filter
        let form = FormState(values: [
            "location": f.location ?? "", "topic": f.topic?.rawValue ?? "", "language": f.language ?? "",
            "age": f.ageGroup?.rawValue ?? "", "waiting": f.waiting.rawValue,
        ])
        let any = ChoiceOptions.any(t)
        return Tag("form") {
            SelectField(
                name: "location", label: t("desk.filter_location"),
                options: [any, (value: "municipality", label: t("desk.municipality"))]
                    + queue.locations.map { (value: $0.id!.uuidString, label: $0.name) }
            ).render(form, t)
            SelectField(name: "topic", label: t("desk.filter_topic"), options: [any] + ChoiceOptions.topics(t)).render(
                form, t)
            SelectField(
                name: "language", label: t("question.language"),
                options: [any] + BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
            ).render(form, t)
            SelectField(name: "age", label: t("filter.age"), options: [any] + ChoiceOptions.ageGroups(t)).render(
                form, t)
            SelectField(
                name: "waiting", label: t("desk.filter_waiting"),
                options: DeskFilter.Waiting.allCases.map {
                    (value: $0.rawValue, label: t("desk.waiting_filter.\($0 == .any ? "any" : $0.rawValue)"))
                }
            ).render(form, t)
            Tag("button") { Txt(t("filter.apply")) }.attr("type", "submit")
        }.attr("method", "get").attr("action", Paths.Staff.page(.questions)).cls("filters")
    }

    struct Answer {
        let question: Question
        let thread: [QuestionMessage]
        let slots: [(value: String, label: String)]
        let gatherings: [(value: String, label: String)]
    }

    static func answer(_ ctx: PageContext, _ page: Answer, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        let question = page.question
        let base = Paths.Staff.question(question.id!)
        return PageLayout.render(ctx, title: t("desk.answer"), status: status) {
            Tag("h1") { Txt(t("desk.answer")) }
            Tag("p") { Txt(meta(question, t, now: Date())) }.cls("hint")
            Tag("article") { Tag("p") { Txt(question.text) }.cls("about").attr("dir", "auto") }.cls("booking")
            for message in page.thread {
                Tag("article") {
                    Tag("h2") { Txt(t(message.fromAdvisor ? "question.answer_from_advisor" : "desk.parent_added")) }
                    if message.fromAdvisor {
                        FormattedText(message.text)
                    } else {
                        Tag("p") { Txt(message.text) }.cls("about").attr("dir", "auto")
                    }
                }.cls("booking")
            }
            Tag("p") { Txt(t("desk.safety")) }.cls("notice")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                TextAreaField(
                    name: "text", label: t("desk.your_answer"), hint: t("desk.answer_hint"),
                    maxLength: DeskRules.maxAnswer
                ).render(form, t)
                Tag("fieldset") {
                    Tag("legend") { Txt(t("desk.standard_replies")) }
                    for reply in StandardReply.allCases {
                        Tag("button") { Txt(t(reply.labelKey)) }.attr("type", "submit").attr(
                            "formaction", "\(base)/standard"
                        )
                        .attr("name", "reply").attr("value", reply.rawValue).cls("secondary")
                    }
                }
                SelectField(
                    name: "slot", label: t("desk.point_slot"),
                    options: [(value: "", label: t("desk.point_none"))] + page.slots
                ).render(form, t)
                SelectField(
                    name: "gathering", label: t("desk.point_gathering"),
                    options: [(value: "", label: t("desk.point_none"))] + page.gatherings
                ).render(form, t)
                Tag("button") { Txt(t("desk.send")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", "\(base)/answer").cls("stack")
            InlineAction(ctx, action: "\(base)/close", label: t("desk.close"))
            if question.consentPublish && question.firstAnsweredAt != nil && !question.published {
                Tag("p") { A("\(base)/publish") { Txt(t("desk.prepare_library")) } }
            }
        }
    }
}
