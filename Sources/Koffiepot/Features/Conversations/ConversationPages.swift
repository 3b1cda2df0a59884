import Foundation
import Plot
import Vapor

/// The parent's pages of a round of *tienminutengesprekken*, for a phone: pick a time, give two names, done.
enum ConversationPages {
    /// Field errors of the rules under the names the form uses.
    static func formFields(_ errors: FieldErrors) -> [String: String] {
        let names = [
            "supportRequest.topics": "topics", "supportRequest.note": "supportNote",
            "supportRequest.contact": "supportContact",
        ]
        return Dictionary(errors.fields.map { (names[$0.key] ?? $0.key, $0.value) }) { first, _ in first }
    }

    static func time(_ slot: ConversationSlot) -> String { SlotText.span(slot.startsAt, slot.endsAt) }

    static func when(_ slot: ConversationSlot, _ t: Localizer) -> String {
        "\(t.dayTitle(LocalDate(containing: slot.startsAt))) \(time(slot))"
    }

    static func round(
        _ ctx: PageContext, round: ConversationRound, free: [ConversationSlot], siblingToken: String?, form: FormState,
        status: HTTPStatus, message: String?
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: round.title, status: status) {
            Tag("h1") { Txt(round.title) }
            Tag("p") { Txt(t("conv.group_at", ["group": round.group, "location": round.location.name])) }.cls("lead")
            Tag("p") { Txt(t("conv.intro")) }
            if let message { Tag("p") { Txt(t(message)) }.attr("role", "alert").cls("summary") }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                if let siblingToken {
                    VoidTag("input", [("type", "hidden"), ("name", "met"), ("value", siblingToken)])
                    Tag("p") { Txt(t("conv.sibling_first")) }.cls("notice")
                }
                slotChoice(t, free: free, form: form)
                FormField(name: "parentName", label: t("conv.parent_name"), required: true, autocomplete: "given-name")
                    .render(form, t)
                FormField(name: "childName", label: t("conv.child_name"), required: true, autocomplete: "off").render(
                    form, t)
                SelectField(
                    name: "language", label: t("book.language"),
                    options: BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
                ).render(form, t)
                FormField(
                    name: "contact", label: t("book.contact"), hint: t("conv.contact_hint"), autocomplete: "email"
                ).render(form, t)
                supportBox(t, form: form)
                PrivacyNote(
                    t,
                    [
                        t("conv.privacy_teacher"), t("conv.privacy_support"),
                        t("privacy.deleted", ["days": "\(Int(ConversationService.retentionDays))"]),
                    ])
                Tag("button") { Txt(t("conv.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.round(round.id!)).cls("stack")
        }
    }

    /// Free times as radio buttons, in the order given (back-to-back first for a parent with a conversation already).
    private static func slotChoice(_ t: Localizer, free: [ConversationSlot], form: FormState) -> Component {
        let error = form.errors["slot"].map { t($0) }
        return Tag("fieldset") {
            Tag("legend") { Txt(t("conv.choose")) }
            if let error { Tag("p") { Txt(error) }.cls("error") }
            if free.isEmpty { Tag("p") { Txt(t("conv.none_free")) }.cls("notice") }
            for slot in free {
                Tag("label") {
                    VoidTag(
                        "input",
                        [("type", "radio"), ("name", "slot"), ("value", slot.id!.uuidString), ("required", "required")]
                            + (form["slot"] == slot.id!.uuidString ? [("checked", "checked")] : []))
                    Txt(" \(t.dayTitle(LocalDate(containing: slot.startsAt))) ")
                    Tag("time") { Txt(time(slot)) }.attr("dir", "ltr")
                }.cls("check")
            }
        }.cls(error == nil ? "radios slots" : "radios slots invalid")
    }

    /// The tick box. What comes with it goes to the school's parenting-support advisor and never to the teacher.
    private static func supportBox(_ t: Localizer, form: FormState) -> Component {
        Tag("fieldset") {
            Tag("legend") { Txt(t("conv.support_legend")) }
            CheckBox(name: "support", label: t("conv.support")).render(form)
            Tag("p") { Txt(t("conv.support_hint")) }.cls("hint")
            TopicChoice(form: form, t: t)
            TextAreaField(name: "supportNote", label: t("conv.support_note"), maxLength: ConversationRules.maxNote)
                .render(form, t)
            FormField(name: "supportContact", label: t("conv.support_contact"), hint: t("conv.support_contact_hint"))
                .render(form, t)
        }.cls("support")
    }

    /// Everything under the parent's code: her conversations, her request to parenting support, the other
    /// groups of the school she can book with the same code.
    static func mine(
        _ ctx: PageContext, token: String, code: PersonalCode, bookings: [ConversationBooking],
        requests: [SupportRequest],
        offered: [UUID: [SlotView]], otherRounds: [ConversationRound]
    ) -> Response {
        let t = ctx.t
        let base = Paths.conversation(token)
        return PageLayout.render(ctx, title: t("conv.mine_title")) {
            Confirmation(ctx, allowed: ["conv.booked", "conv.cancelled", "conv.moved", "conv.withdrawn"])
            Tag("h1") { Txt(t("conv.mine_title")) }
            if bookings.isEmpty { Tag("p") { Txt(t("conv.none_booked")) } }
            for booking in bookings {
                Tag("section") {
                    Tag("h2") { Txt("\(booking.round.title) · \(booking.round.group)") }
                    Tag("p") {
                        Txt(t.dayTitle(LocalDate(containing: booking.slot.startsAt)) + " ")
                        Tag("time") { Txt(time(booking.slot)) }.attr("dir", "ltr")
                        Txt(" · \(booking.round.location.name)")
                    }
                    Tag("p") { Txt(t("conv.for_child", ["parent": booking.parentName, "child": booking.childName])) }
                    Tag("p") { A("\(base)/move?booking=\(booking.id!.uuidString)") { Txt(t("conv.move")) } }
                    InlineAction(
                        ctx, action: "\(base)/cancel", label: t("conv.cancel"),
                        accessibleName: t("conv.cancel") + ": " + when(booking.slot, t),
                        hidden: [("booking", booking.id!.uuidString)])
                }.cls("card stacked")
            }
            Tag("div") {
                Tag("p") { Txt(t("booking.code_label")) }
                Tag("p") { Txt(code.display) }.cls("code").attr("dir", "ltr").attr("translate", "no")
                Tag("p") { Txt(t("booking.code_hint")) }.cls("hint")
            }.cls("codebox")
            for request in requests {
                Tag("section") {
                    Tag("h2") { Txt(t("conv.support_legend")) }
                    Tag("p") { Txt(t(request.status == .open ? "conv.support_open" : "conv.support_handled")) }
                    if !request.topics.isEmpty { Tag("p") { TopicLabels(request.topics, t) } }
                    if let answer = request.answer {
                        Tag("h3") { Txt(t("conv.support_answer")) }
                        Tag("blockquote") { Txt(answer) }.cls("answer")
                    }
                    if let slots = offered[request.id!] { offeredSlots(t, slots) }
                    InlineAction(
                        ctx, action: "\(base)/withdraw", label: t("conv.withdraw"),
                        hidden: [("request", request.id!.uuidString)])
                }.cls("card stacked")
            }
            if !otherRounds.isEmpty {
                Tag("h2") { Txt(t("conv.other_child")) }
                Tag("ul") {
                    for round in otherRounds {
                        Tag("li") {
                            A(Paths.round(round.id!) + "?met=\(token)") {
                                Txt("\(round.title) · \(round.group)")
                            }
                        }
                    }
                }
            }
            Tag("p") { Txt(t("privacy.deleted", ["days": "\(Int(ConversationService.retentionDays))"])) }.cls("hint")
        }
    }

    /// The advisor's consultation times she offered in her answer, each one tap from the normal booking form.
    private static func offeredSlots(_ t: Localizer, _ slots: [SlotView]) -> Component {
        Tag("div") {
            Tag("h3") { Txt(t("conv.support_offer")) }
            if slots.isEmpty { Tag("p") { Txt(t("conv.support_offer_none")) } }
            Tag("ul") {
                for view in slots {
                    Tag("li") {
                        A(Paths.bookSlot(view.id)) {
                            Txt(t.dayTitle(LocalDate(containing: view.slot.startsAt)) + " ")
                            Tag("time") { Txt(SlotText.span(view.slot.startsAt, view.slot.endsAt)) }.attr("dir", "ltr")
                            Txt(" · \(view.advisorName)")
                        }
                    }
                }
            }.cls("slot-list")
        }
    }

    static func move(
        _ ctx: PageContext, token: String, booking: ConversationBooking, free: [ConversationSlot], status: HTTPStatus,
        message: String?
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("conv.move"), status: status) {
            Tag("h1") { Txt(t("conv.move")) }
            if let message { Tag("p") { Txt(t(message)) }.attr("role", "alert").cls("summary") }
            Tag("p") { Txt(t("booking.move_now", ["when": when(booking.slot, t)])) }
            Tag("form") {
                CSRFField(ctx)
                VoidTag("input", [("type", "hidden"), ("name", "booking"), ("value", booking.id!.uuidString)])
                slotChoice(t, free: free, form: FormState())
                Tag("button") { Txt(t("booking.move_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.conversation(token, "/move")).cls("stack")
            Tag("p") { A(Paths.conversation(token)) { Txt(t("booking.back")) } }
        }
    }
}
