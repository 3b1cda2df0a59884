import Plot

/// A labelled field with its error message tied to it for screen readers.
struct FormField {
    var name: String
    var label: String
    var type: String = "text"
    var required: Bool = false
    var hint: String? = nil
    var autocomplete: String? = nil

    func render(_ form: FormState, _ t: Localizer) -> Component {
        let id = "f-\(name)"
        let error = form.errors[name].map { t($0) }
        var attributes: [(String, String)] = [
            ("type", type), ("id", id), ("name", name), ("value", type == "password" ? "" : form[name]),
        ]
        if required { attributes.append(("required", "required")) }
        if let autocomplete { attributes.append(("autocomplete", autocomplete)) }
        var described: [String] = []
        if hint != nil { described.append("\(id)-hint") }
        if error != nil {
            described.append("\(id)-error")
            attributes.append(("aria-invalid", "true"))
        }
        if !described.isEmpty { attributes.append(("aria-describedby", described.joined(separator: " "))) }
        return Tag("div") {
            Tag("label") { Txt(label) }.attr("for", id)
            if let hint { Tag("p") { Txt(hint) }.cls("hint").attr("id", "\(id)-hint") }
            if let error { Tag("p") { Txt(error) }.cls("error").attr("id", "\(id)-error") }
            VoidTag("input", attributes)
        }.cls(error == nil ? "field" : "field invalid")
    }
}

/// A `<select>` with the chosen option kept after a failed submit.
struct SelectField {
    var name: String
    var label: String
    var options: [(value: String, label: String)]

    func render(_ form: FormState, _ t: Localizer) -> Component {
        let id = "f-\(name)"
        let error = form.errors[name].map { t($0) }
        return Tag("div") {
            Tag("label") { Txt(label) }.attr("for", id)
            if let error { Tag("p") { Txt(error) }.cls("error").attr("id", "\(id)-error") }
            Tag("select") {
                for option in options {
                    Tag("option") { Txt(option.label) }.attr("value", option.value).flag(
                        "selected", option.value == form[name])
                }
            }.attr("id", id).attr("name", name)
        }.cls(error == nil ? "field" : "field invalid")
    }
}

/// A summary at the top of a failed form, announced by screen readers.
func ErrorSummary(_ form: FormState, _ t: Localizer) -> Component {
    Tag("div") {
        if !form.isValid {
            Tag("p") { Txt(t("form.has_errors")) }
        }
    }.attr("role", "alert").cls(form.isValid ? "summary empty" : "summary")
}

/// A multi-line field with a character limit the browser also enforces.
struct TextAreaField {
    var name: String
    var label: String
    var hint: String? = nil
    var maxLength: Int

    func render(_ form: FormState, _ t: Localizer) -> Component {
        let id = "f-\(name)"
        let error = form.errors[name].map { t($0) }
        let described = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }.joined(
            separator: " ")
        return Tag("div") {
            Tag("label") { Txt(label) }.attr("for", id)
            if let hint { Tag("p") { Txt(hint) }.cls("hint").attr("id", "\(id)-hint") }
            if let error { Tag("p") { Txt(error) }.cls("error").attr("id", "\(id)-error") }
            Tag("textarea") { Txt(form[name]) }.attr("id", id).attr("name", name).attr("rows", "4")
                .attr("maxlength", "\(maxLength)").attr("aria-describedby", described)
        }.cls(error == nil ? "field" : "field invalid")
    }
}

/// A group of radio buttons with a legend; the chosen one is kept after a failed submit.
struct RadioGroup {
    var name: String
    var legend: String
    var options: [(String, String)]
    var hint: String? = nil

    func render(_ form: FormState, _ t: Localizer) -> Component {
        let error = form.errors[name].map { t($0) }
        return Tag("fieldset") {
            Tag("legend") { Txt(legend) }
            if let hint { Tag("p") { Txt(hint) }.cls("hint") }
            if let error { Tag("p") { Txt(error) }.cls("error") }
            for (value, label) in options {
                Tag("label") {
                    VoidTag(
                        "input",
                        [("type", "radio"), ("name", name), ("value", value)]
                            + (form[name] == value ? [("checked", "checked")] : []))
                    Txt(" " + label)
                }.cls("check")
            }
        }.cls(error == nil ? "radios" : "radios invalid")
    }
}

/// One labelled tick box, ticked again after a failed submit.
struct CheckBox {
    var name: String
    var label: String
    var value = "yes"

    func render(_ form: FormState) -> Component {
        Tag("label") {
            VoidTag(
                "input",
                [("type", "checkbox"), ("name", name), ("value", value)]
                    + (form[name] == value ? [("checked", "checked")] : []))
            Txt(" " + label)
        }.cls("check")
    }
}
