import Plot
import Vapor

/// What every page needs from the request: text in the chosen language, the CSRF token, who is
/// signed in, and where we are (for the language switcher).
struct PageContext {
    let t: Localizer
    let csrf: String
    let staff: StaffUser?
    let path: String
    let query: [String: String]

    var language: KoffiepotRules.Language { t.language }

    /// Pages parents see (everything but staff pages and the login): they get the read-aloud button.
    var isParentPage: Bool { !path.hasPrefix(Paths.Staff.home) && path != "/login" }

    /// The current page in another language.
    func url(in language: KoffiepotRules.Language) -> String {
        var items = query
        items["lang"] = language.rawValue
        let encoded = items.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return path + "?" + encoded.joined(separator: "&")
    }
}

extension Request {
    var page: PageContext {
        let query = (try? self.query.decode([String: String].self)) ?? [:]
        return PageContext(t: t, csrf: csrfToken, staff: staff?.user, path: url.path, query: query)
    }
}

/// The shell around every page: mobile-first, one stylesheet of our own, nothing from other origins,
/// `dir="rtl"` for Arabic, a language switcher everywhere.
enum PageLayout {
    static func render(
        _ ctx: PageContext, title: String, status: HTTPStatus = .ok, bare: Bool = false,
        @ComponentBuilder content: @escaping () -> ComponentGroup
    ) -> Response {
        let t = ctx.t
        let body = Tag("body") {
            if !bare {
                A("#main") { Txt(t("layout.skip")) }.cls("skip")
                header(ctx)
                if ctx.isParentPage { readAloud(t) }
            }
            Tag("main", content).attr("id", "main")
            if !bare { footer(ctx) }
        }
        let document = Tag("html") {
            Tag("head") {
                VoidTag("meta", [("charset", "utf-8")])
                VoidTag("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                Tag("title") { Txt("\(title) · Koffiepot") }
                VoidTag("link", [("rel", "stylesheet"), ("href", "/css/app.css")])
                VoidTag("link", [("rel", "icon"), ("href", "/img/icon.svg"), ("type", "image/svg+xml")])
            }
            body
        }
        .attr("lang", ctx.language.rawValue)
        .attr("dir", ctx.language.isRightToLeft ? "rtl" : "ltr")
        return HTMLDocument(html: "<!DOCTYPE html>" + document.render()).response(status: status)
    }

    /// "Lees voor": hidden until `/js/read-aloud.js` finds a voice for the page language on this device.
    private static func readAloud(_ t: Localizer) -> Component {
        Tag("div") {
            Tag("button") {
                Tag("span") { Txt("🔊 ") }.attr("aria-hidden", "true")
                Tag("span") { Txt(t("readaloud.read")) }.cls("label")
            }
            .attr("type", "button").attr("id", "read-aloud").attr("hidden", "hidden").attr("aria-pressed", "false")
            .attr("data-read", t("readaloud.read")).attr("data-pause", t("readaloud.pause")).attr(
                "data-continue", t("readaloud.continue")
            )
            .attr("data-device-voice", t("readaloud.device_voice")).attr(
                "data-server-voice", t("readaloud.server_voice")
            )
            // The server's voice is offered only when this server has one (espeak-ng); the page says which is used.
            .attr("data-server", SpeechEngine.isAvailable ? "yes" : "no")
            Tag("span") {}.attr("id", "read-aloud-voice").cls("hint")
            Tag("script") {}.attr("src", "/js/read-aloud.js").attr("defer", "defer")
        }.attr("id", "read-aloud-bar").cls("noprint")
    }

    private static func header(_ ctx: PageContext) -> Component {
        let t = ctx.t
        return Tag("header") {
            A(Paths.home) { Txt("☕ Koffiepot") }.cls("brand")
            Tag("nav") {
                Tag("ul") {
                    for language in Language.allCases {
                        Tag("li") {
                            if language == ctx.language {
                                Tag("span") { Txt(language.nativeName) }.attr("aria-current", "true").attr(
                                    "lang", language.rawValue)
                            } else {
                                A(ctx.url(in: language)) { Txt(language.nativeName) }
                                    .attr("lang", language.rawValue).attr("hreflang", language.rawValue)
                            }
                        }
                    }
                }
            }.attr("aria-label", t("layout.languages")).cls("languages")
            if let staff = ctx.staff {
                Tag("div") {
                    A(Paths.Staff.home) { Txt(staff.name) }
                    Tag("form") {
                        CSRFField(ctx)
                        Tag("button") { Txt(t("login.logout")) }.attr("type", "submit").cls("link")
                    }.attr("method", "post").attr("action", Paths.logout)
                }.cls("staffbar")
            }
        }
    }

    private static func footer(_ ctx: PageContext) -> Component {
        let t = ctx.t
        return Tag("footer") {
            Tag("p") {
                A(Paths.gatherings) { Txt(t("gatherings.title")) }; Txt(" · ");
                A(Paths.ask) { Txt(t("question.title")) }
                Txt(" · "); A(Paths.library) { Txt(t("library.title")) }
            }
            Tag("p") {
                Txt(t("layout.privacy") + " "); A(Paths.myData) { Txt(t("mydata.footer")) }
            }
            if ctx.staff == nil {
                Tag("p") { A(Paths.login) { Txt(t("layout.staff_login")) } }
            }
        }
    }
}

/// The hidden fields every state-changing form carries: the CSRF token, and a fresh idempotency key so a
/// double tap or a resend on a bad connection is answered once (`IdempotencyMiddleware`).
func CSRFField(_ ctx: PageContext) -> Component {
    ComponentGroup {
        VoidTag("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", ctx.csrf)])
        VoidTag(
            "input", [("type", "hidden"), ("name", IdempotencyMiddleware.field), ("value", PersonalCode.randomToken())])
    }
}
