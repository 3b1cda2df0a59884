import Plot
import Vapor

enum BookingPages {
    /// The form. Asks only what the advisor needs, and says before sending what happens with it.
    static func form(
        _ ctx: PageContext, location: Location, slot: SlotView?, alternatives: [SlotView], form: FormState,
        retentionDays: Int, status: HTTPStatus = .ok, message: String? = nil
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("book.title"), status: status) {
            Tag("p") {
                A(Paths.location(location.id!, "#spreekuur")) {
                    Txt((ctx.language.isRightToLeft ? "→ " : "← ") + location.name)
                }
            }
            Tag("h1") { Txt(t("book.title")) }
            if let message { Tag("p") { Txt(t(message)) }.attr("role", "alert").cls("summary") }
            if let slot {
                Tag("p") {
                    Txt(
                        "\(SlotText.day(slot.slot, t)) \(SlotText.time(slot.slot)) · \(slot.advisorName) · \(SlotText.how(slot.slot, t))"
                    )
                }.cls("lead")
            }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                if let slot {
                    VoidTag("input", [("type", "hidden"), ("name", "slot"), ("value", slot.id.uuidString)])
                } else {
                    SlotChoice(ctx, slots: alternatives, legend: t("book.choose_other"), selected: nil)
                }
                RadioGroup(
                    name: "booker", legend: t("book.who_are_you"),
                    options: Booker.allCases.map { ($0.rawValue, t($0.labelKey)) }
                ).render(form, t)
                FormField(
                    name: "name", label: t("book.name"), required: true, hint: t("book.name_hint"),
                    autocomplete: "given-name"
                ).render(form, t)
                TopicChoice(form: form, t: t)
                TextAreaField(
                    name: "about", label: t("book.about"), hint: t("book.about_hint"), maxLength: BookingRules.maxAbout
                ).render(form, t)
                RadioGroup(
                    name: "participants", legend: t("book.participants"),
                    options: Participants.allCases.map { ($0.rawValue, t($0.labelKey)) }
                ).render(form, t)
                FormField(name: "teacher_name", label: t("book.teacher_name")).render(form, t)
                SelectField(
                    name: "language", label: t("book.language"),
                    options: BookingRules.conversationLanguages.map { (value: $0, label: t("lang.\($0)")) }
                ).render(form, t)
                CheckBox(name: "interpreter", label: t("book.interpreter")).render(form)
                FirstContactQuestion(form, t)
                FormField(
                    name: "contact", label: t("book.contact"), hint: t("book.contact_hint"), autocomplete: "email"
                ).render(form, t)
                PrivacyNote(
                    t,
                    [
                        t("privacy.no_file"),
                        t("privacy.who_sees", ["advisor": slot?.advisorName ?? t("role.advisor")]),
                        t("privacy.deleted", ["days": "\(retentionDays)"]), t("privacy.messages"),
                    ])
                Tag("button") { Txt(t("book.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.book).cls("stack")
        }
    }

    /// The booking as its owner sees it: when, where, the code, and what they can do.
    static func show(_ ctx: PageContext, found: BookingAccess.Found, notice: String?, retentionDays: Int) -> Response {
        let t = ctx.t
        let slot = found.slot
        let base = Paths.booking(found.token)
        return PageLayout.render(ctx, title: t("booking.title")) {
            if let notice { Tag("p") { Txt(t(notice)) }.attr("role", "status").cls("flash") }
            Tag("h1") { Txt(t("booking.title")) }
            Tag("dl") {
                Tag("dt") { Txt(t("booking.when")) }
                Tag("dd") {
                    Txt("\(SlotText.day(slot, t)), "); Tag("time") { Txt(SlotText.time(slot)) }.attr("dir", "ltr")
                }
                Tag("dt") { Txt(t("booking.where")) }
                Tag("dd") { Txt("\(slot.location.name) · \(SlotText.how(slot, t))") }
                if slot.mode == .video, !slot.videoURL.isEmpty {
                    Tag("dt") { Txt(t("slotmode.video")) }
                    Tag("dd") { A(slot.videoURL) { Txt(t("booking.video_link")) }.attr("rel", "noopener noreferrer") }
                }
                Tag("dt") { Txt(t("booking.with")) }
                Tag("dd") {
                    Txt(
                        slot.advisor.name
                            + (found.booking.participants == .alone
                                ? "" : " · " + t(found.booking.participants.labelKey)))
                }
            }.cls("facts")
            Tag("div") {
                Tag("p") { Txt(t("booking.code_label")) }
                Tag("p") { Txt(found.code.display) }.cls("code").attr("dir", "ltr").attr("translate", "no")
                Tag("p") { Txt(t("booking.code_hint")) }.cls("hint")
            }.cls("codebox")
            Tag("p") { A("\(base)/calendar.ics") { Txt(t("booking.ics")) } }
            Tag("p") { A("\(base)/move") { Txt(t("booking.move")) } }
            InlineAction(ctx, action: "\(base)/cancel", label: t("booking.cancel"))
            Tag("p") { Txt(t("privacy.deleted", ["days": "\(retentionDays)"])) }.cls("hint")
        }
    }

    static func cancelled(_ ctx: PageContext, locationID: UUID?) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("booking.cancelled_title")) {
            Tag("h1") { Txt(t("booking.cancelled_title")) }
            Tag("p") { Txt(t("booking.cancelled_text")) }.attr("role", "status")
            if let locationID {
                Tag("p") { A(Paths.location(locationID, "#spreekuur")) { Txt(t("booking.book_again")) } }
            }
        }
    }

    static func move(
        _ ctx: PageContext, found: BookingAccess.Found, slots: [SlotView], status: HTTPStatus = .ok,
        message: String? = nil
    ) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("booking.move"), status: status) {
            Tag("h1") { Txt(t("booking.move")) }
            if let message { Tag("p") { Txt(t(message)) }.attr("role", "alert").cls("summary") }
            Tag("p") {
                Txt(t("booking.move_now", ["when": "\(SlotText.day(found.slot, t)) \(SlotText.time(found.slot))"]))
            }
            if slots.isEmpty { Tag("p") { Txt(t("slots.none")) } }
            Tag("form") {
                CSRFField(ctx)
                SlotChoice(ctx, slots: slots, legend: t("booking.move_choose"), selected: nil)
                Tag("button") { Txt(t("booking.move_submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.booking(found.token, "/move")).cls("stack")
            Tag("p") { A(Paths.booking(found.token)) { Txt(t("booking.back")) } }
        }
    }

    static func lookup(_ ctx: PageContext, form: FormState, status: HTTPStatus = .ok) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("lookup.title"), status: status) {
            Tag("h1") { Txt(t("lookup.title")) }
            Tag("p") { Txt(t("lookup.intro")) }
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(
                    name: "code", label: t("lookup.code"), required: true, hint: t("lookup.code_hint"),
                    autocomplete: "off"
                ).render(form, t)
                Tag("button") { Txt(t("lookup.submit")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.myAppointment).cls("stack")
        }
    }
}

/// Topic pictograms as checkboxes: one tap each, readable without reading much.
func TopicChoice(form: FormState, t: Localizer) -> Component {
    let chosen = Set(form["topics"].split(separator: ",").map(String.init))
    return Tag("fieldset") {
        Tag("legend") { Txt(t("book.topics")) }
        Tag("div") {
            for topic in Topic.allCases {
                Tag("label") {
                    VoidTag(
                        "input",
                        [("type", "checkbox"), ("name", "topics[]"), ("value", topic.rawValue)]
                            + (chosen.contains(topic.rawValue) ? [("checked", "checked")] : []))
                    PictogramIcon("topic-\(topic.rawValue)")
                    Txt(" " + t(topic.labelKey))
                }.cls("topic")
            }
        }.cls("topicgrid")
    }
}
