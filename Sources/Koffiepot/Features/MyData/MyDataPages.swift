import Foundation
import Plot
import Vapor

/// The pages of *mijn gegevens*: plain words, every value, the dates in the parent's language, printable.
enum MyDataPages {
    static func form(_ ctx: PageContext, form: FormState, onDevice: [MyDataItem] = [], status: HTTPStatus = .ok)
        -> Response
    {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("mydata.title"), status: status) {
            Tag("h1") { Txt(t("mydata.title")) }
            Tag("p") { Txt(t("mydata.intro")) }.cls("lead")
            ErrorSummary(form, t)
            Tag("form") {
                CSRFField(ctx)
                FormField(
                    name: "code", label: t("lookup.code"), required: true, hint: t("mydata.code_hint"),
                    autocomplete: "off"
                ).render(form, t)
                Tag("button") { Txt(t("mydata.open")) }.attr("type", "submit")
            }.attr("method", "post").attr("action", Paths.myData).cls("stack")
            if !onDevice.isEmpty {
                Tag("h2") { Txt(t("mydata.device_title")) }
                Tag("p") { Txt(t("mydata.device_intro")) }
                for item in onDevice { Self.item(item, t) }
                InlineAction(ctx, action: Paths.myData + "/apparaat/wissen", label: t("mydata.device_erase"))
            }
        }
    }

    static func value(_ value: MyDataItem.Value, _ t: Localizer) -> String {
        switch value {
        case .text(let text): text
        case .time(let date): t.moment(date)
        case .number(let number): "\(number)"
        case .flag(let flag): t(flag ? "mydata.yes" : "mydata.no")
        case .codes(let prefix, let codes): codes.map { t("\(prefix).\($0)") }.joined(separator: ", ")
        }
    }

    static func show(_ ctx: PageContext, code: String, items: [MyDataItem], reads: [MyDataRead]) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("mydata.title")) {
            Tag("h1") { Txt(t("mydata.title")) }
            Tag("p") { Txt(t("mydata.shown", ["count": "\(items.count)"])) }.cls("lead")
            for item in items { Self.item(item, t) }
            Tag("h2") { Txt(t("mydata.reads")) }
            if reads.isEmpty {
                Tag("p") { Txt(t("mydata.reads_none")) }
            } else {
                Tag("ul") {
                    for read in reads { Tag("li") { Txt("\(t.moment(read.at)) · \(t("role.\(read.role.rawValue)"))") } }
                }.cls("mydata-reads")
            }
            Tag("p") { Txt(t("mydata.reads_hint")) }.cls("hint")
            Tag("div") {
                Tag("h2") { Txt(t("mydata.take")) }
                InlineAction(ctx, action: Paths.myData + "/export", label: t("mydata.export"), hidden: [("code", code)])
                Tag("button") { Txt(t("mydata.print")) }.attr("type", "button").attr("data-print", "").attr(
                    "hidden", "hidden")
                Tag("script") {}.attr("src", "/js/print.js").attr("defer", "defer")
                Tag("h2") { Txt(t("mydata.erase_title")) }
                Tag("p") { Txt(t("mydata.erase_intro")) }
                InlineAction(ctx, action: Paths.myData + "/wissen", label: t("mydata.erase"), hidden: [("code", code)])
            }.cls("noprint stack")
        }
    }

    /// One record: what it is, every value, since when, until when, who can see it.
    static func item(_ item: MyDataItem, _ t: Localizer) -> Component {
        Tag("section") {
            Tag("h2") { Txt(t("mydata.kind.\(item.kind)")) }
            Tag("dl") {
                for (key, value) in item.data {
                    Tag("dt") { Txt(t("mydata.field.\(key)")) }
                    Tag("dd") { Txt(Self.value(value, t)) }.attr("dir", "auto")
                }
            }.cls("facts")
            Tag("p") {
                Txt(t("mydata.since", ["when": t.moment(item.createdAt)]) + " ")
                Txt(t("mydata.until", ["when": t.moment(item.erasedAfter)]))
            }.cls("hint")
            Tag("p") {
                Txt(
                    item.visibleTo.isEmpty
                        ? t("mydata.seen_by_none")
                        : t(
                            "mydata.seen_by",
                            ["roles": item.visibleTo.map { t("role.\($0.rawValue)") }.joined(separator: ", ")]))
            }.cls("hint")
        }.cls("mydata-item")
    }

    static func confirm(_ ctx: PageContext, code: String) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("mydata.erase_title")) {
            Tag("h1") { Txt(t("mydata.erase_title")) }
            Tag("p") { Txt(t("mydata.erase_sure")) }.cls("lead")
            InlineAction(
                ctx, action: Paths.myData + "/wissen", label: t("mydata.erase_yes"),
                hidden: [("code", code), ("confirm", "yes")])
            InlineAction(ctx, action: Paths.myData, label: t("mydata.erase_no"), hidden: [("code", code)])
        }
    }

    static func erased(_ ctx: PageContext, count: Int) -> Response {
        let t = ctx.t
        return PageLayout.render(ctx, title: t("mydata.erased_title")) {
            Tag("h1") { Txt(t("mydata.erased_title")) }
            Tag("p") { Txt(t("mydata.erased", ["count": "\(count)"])) }.attr("role", "status").cls("flash")
            Tag("p") { Txt(t("mydata.erased_rest")) }
            Tag("p") { A(Paths.home) { Txt(t("mydata.home")) } }
        }
    }
}
