import Plot

/// "Is this your first contact with us this school year?" — the same optional question on the booking,
/// registration and question forms; unanswered is fine, and the form says so.
func FirstContactQuestion(_ form: FormState, _ t: Localizer) -> Component {
    RadioGroup(
        name: FirstContact.field, legend: t("first_contact.question"),
        options: [("yes", t("first_contact.yes")), ("no", t("first_contact.no"))], hint: t("first_contact.hint")
    ).render(form, t)
}
