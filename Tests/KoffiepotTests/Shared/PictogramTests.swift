import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Koffiepot's own pictograms (issue 13 pt 3): one set, one style, every topic, kind of gathering and face.
@Suite struct PictogramTests {
    static let sprite: String = {
        (try? String(
            contentsOf: LocalizationTests.root.appendingPathComponent("Public/img/pictograms.svg"), encoding: .utf8))
            ?? ""
    }()

    @Test func everyThingThatHasAPictogramHasOneInTheSpriteInOneStyle() throws {
        let symbols = Self.sprite.matches(of: #/<symbol id="([a-z0-9_-]+)" ([^>]*)>/#).map {
            (String($0.1), String($0.2))
        }
        let ids = Set(symbols.map(\.0))
        for entry in PictogramGalleryController.entries { #expect(ids.contains(entry.id), "missing \(entry.id)") }
        #expect(symbols.count == PictogramGalleryController.entries.count)
        // One grid, one stroke, drawn in the text colour.
        for (id, attributes) in symbols {
            #expect(
                attributes
                    == #"viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round""#,
                "\(id)")
        }
    }

    @Test func pagesShowTheSetNotEmojiAndTheGalleryHasEveryWordInSixLanguages() async throws {
        try await withTestApp { app, _ in
            let school = try await app.location(named: "SPIL-centrum De Boomgaard")
            let page = try await TestBrowser(app).get("/locations/\(school.id!)").text
            #expect(
                page.contains(#"<use href="/img/pictograms.svg#topic-sleep"></use>"#) && !page.contains("🛏️")
                    && !page.contains("⚡"))
            let staff = TestBrowser(app)
            try await staff.signIn("anja@koffiepot.test")
            let gallery = try await staff.get("/staff/pictogrammen").text
            for entry in PictogramGalleryController.entries { #expect(gallery.contains("#\(entry.id)\"")) }
            #expect(
                gallery.contains("Slapen") && gallery.contains("Uyku") && gallery.contains("النوم")
                    && gallery.contains("Сон"))
        }
    }
}
