import Plot
import Vapor

/// Every pictogram with its word in the six languages, so a school can check with parents that each one is
/// recognised without the word (issue 13 pt 3). Staff only.
struct PictogramGalleryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(Paths.Staff.route(.pictograms)).grouped(
            RequireRole(.admin, .coordinator, .advisor, .teacher, .ambassador)
        ).get(use: gallery)
    }

    /// Sprite id and catalogue key of every pictogram, in the order of the gallery.
    static var entries: [(id: String, key: String)] {
        Topic.allCases.map { ("topic-\($0.rawValue)", $0.labelKey) }
            + GatheringKind.allCases.map { ("gkind-\($0.rawValue)", $0.labelKey) }
            + FeedbackRules.scores.map { ("score-\($0)", "feedback.score.\($0)") }
            + HomeThemeRules.pictograms.map { ("activity-\($0.key)", "theme.picto.\($0.key)") }
    }

    func gallery(req: Request) async throws -> Response {
        let t = req.t
        let localizers = Language.allCases.map { Localizer(language: $0, catalogues: req.application.catalogues) }
        return PageLayout.render(req.page, title: t("pictograms.title")) {
            Tag("h1") { Txt(t("pictograms.title")) }
            Tag("p") { Txt(t("pictograms.intro")) }.cls("lead")
            Tag("div") {
                Tag("table") {
                    Tag("caption") { Txt(t("pictograms.caption")) }
                    Tag("thead") {
                        Tag("tr") {
                            Tag("th") { Txt(t("pictograms.picture")) }.attr("scope", "col")
                            for l in localizers {
                                Tag("th") { Txt(l.language.nativeName) }.attr("scope", "col").attr(
                                    "lang", l.language.rawValue)
                            }
                        }
                    }
                    Tag("tbody") {
                        for entry in Self.entries {
                            Tag("tr") {
                                Tag("td") { PictogramIcon(entry.id) }
                                for l in localizers {
                                    Tag("td") { Txt(l(entry.key)) }.attr("lang", l.language.rawValue).attr(
                                        "dir", l.language.isRightToLeft ? "rtl" : "ltr")
                                }
                            }
                        }
                    }
                }.cls("data pictogram-gallery")
            }.cls("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-label", t("pictograms.title"))
        }
    }
}
