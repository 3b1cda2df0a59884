import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// Uploads: PNG, JPEG or WebP by content, at most 2 MB, stored without EXIF/GPS, XMP or text.
@Suite struct PictureSanitizerTests {
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// A JPEG's structure with an EXIF block that names a GPS position, a comment, and image data after SOS.
    static let jpeg: [UInt8] =
        [0xFF, 0xD8]
        + segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        + segment(0xE1, Array("Exif\0\0".utf8) + Array("GPSLatitude 51.44 N GPSLongitude 5.47 E".utf8))
        + segment(0xFE, Array("taken at Rupsstraat 1".utf8))
        + segment(0xDB, [0] + Array(repeating: 1, count: 64))
        + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0x00, 0x56] + [0xFF, 0xD9]

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let length = UInt32(data.count)
        return (0..<4).reversed().map { UInt8((length >> (8 * $0)) & 0xFF) } + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    @Test func aJPEGLosesItsEXIFAndCommentsAndKeepsItsImageData() throws {
        let (kind, cleaned) = try PictureSanitizer.clean(Data(Self.jpeg)).get()
        let text = String(decoding: cleaned, as: UTF8.self)
        #expect(kind == .jpeg)
        #expect(!text.contains("GPS") && !text.contains("Exif") && !text.contains("Rupsstraat"))
        #expect(text.contains("JFIF") && Array(cleaned.suffix(7)) == [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9])
    }

    @Test func aPNGLosesItsTextAndEXIFChunks() throws {
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.pngChunk("IHDR", Array(repeating: 1, count: 13))
            + Self.pngChunk("tEXt", Array("Location\0Eindhoven".utf8)) + Self.pngChunk("eXIf", Array("GPS".utf8))
            + Self.pngChunk("IDAT", [1, 2, 3]) + Self.pngChunk("IEND", [])
        let (kind, cleaned) = try PictureSanitizer.clean(Data(png)).get()
        let text = String(decoding: cleaned, as: UTF8.self)
        #expect(
            kind == .png && !text.contains("Eindhoven") && !text.contains("GPS") && text.contains("IDAT")
                && text.hasSuffix("IEND\0\0\0\0"))
    }

    @Test func aWebPLosesItsEXIFChunkAndFlag() throws {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let size = UInt32(data.count)
            return Array(type.utf8) + (0..<4).map { UInt8((size >> (8 * $0)) & 0xFF) } + data
                + (data.count % 2 == 1 ? [0] : [])
        }
        let body =
            Array("WEBP".utf8) + chunk("VP8X", [0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + chunk("VP8 ", [1, 2, 3, 4])
            + chunk("EXIF", Array("GPS!".utf8))
        let size = UInt32(body.count)
        let webp = Array("RIFF".utf8) + (0..<4).map { UInt8((size >> (8 * $0)) & 0xFF) } + body
        let (kind, cleaned) = try PictureSanitizer.clean(Data(webp)).get()
        let bytes = [UInt8](cleaned)
        #expect(kind == .webp && !String(decoding: bytes, as: UTF8.self).contains("GPS"))
        #expect(bytes[20] & 0x08 == 0)  // the EXIF flag of VP8X
        #expect(Int(bytes[4]) | Int(bytes[5]) << 8 == bytes.count - 8)
    }

    @Test func anythingElseIsRefusedWithAReason() {
        #expect(throws: PictureSanitizer.Failure.notAPicture) {
            try PictureSanitizer.clean(Data("<svg onload=alert(1)>".utf8)).get()
        }
        #expect(throws: PictureSanitizer.Failure.tooLarge) {
            try PictureSanitizer.clean(Data(Self.jpeg + Array(repeating: 0, count: PictureSanitizer.maxBytes))).get()
        }
        #expect(throws: PictureSanitizer.Failure.damaged) {
            try PictureSanitizer.clean(Data(Self.jpeg.prefix(30))).get()
        }
    }

    static let pillow = ExternalPython.with("PIL")

    /// Independent proof with Pillow: a real JPEG with GPS data, uploaded on the staff page, comes back decodable,
    /// the same size, and without any EXIF; an SVG named `.png` is refused and nothing is stored.
    @Test(.enabled(if: pillow != nil || ExternalPython.required))
    func aRealPhotoWithGPSIsStoredWithoutIt() async throws {
        let python = try #require(Self.pillow, "the test venv with Pillow is missing")
        let make = """
            import io, sys
            from PIL import Image
            image = Image.new("RGB", (40, 30), (200, 120, 40))
            exif = Image.Exif()
            exif[0x010F] = "PhoneMaker"
            gps = exif.get_ifd(0x8825)
            gps[1] = "N"; gps[2] = (51.0, 26.0, 24.0); gps[3] = "E"; gps[4] = (5.0, 28.0, 12.0)
            out = io.BytesIO()
            image.save(out, "JPEG", exif=exif.tobytes())
            sys.stdout.write(out.getvalue().hex())
            """
        let hex = try #require(ExternalPython.run(python, ["-c", make]))
        let photo = try #require(Data(hexString: hex))
        #expect(String(decoding: photo, as: UTF8.self).contains("Exif"))
        try await withTestApp { app, _ in
            let staff = TestBrowser(app)
            try await staff.signIn("anja@koffiepot.test")
            let theme = try #require(try await HomeTheme.query(on: app.db).with(\.$activities).first())
            let activity = try #require(theme.activities.first)
            let path = "/staff/thuis/\(theme.id!)/activities/\(activity.id!)/picture"
            let refused = try await staff.upload(
                path, field: "picture", filename: "tekening.png", contentType: "image/png",
                data: Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
            #expect(refused.status == .unsupportedMediaType && refused.body.string.contains("Er is niets opgeslagen"))
            #expect(try await ThemePicture.query(on: app.db).count() == 0)

            let uploaded = try await staff.upload(
                path, field: "picture", filename: "foto.jpg", contentType: "image/jpeg", data: photo)
            #expect(uploaded.status == .seeOther, "\(uploaded.status) \(uploaded.body.string.prefix(300))")
            let stored = try #require(try await HomeActivity.find(activity.id, on: app.db)?.pictureID)
            let served = try await app.testing().sendRequest(.GET, "/pictures/\(stored)")
            #expect(served.headers.contentType == .jpeg)
            let check = """
                import io, sys
                from PIL import Image
                image = Image.open(io.BytesIO(sys.stdin.buffer.read()))
                image.load()
                print(image.size, len(image.getexif()), "exif" in image.info)
                """
            let verdict = try #require(ExternalPython.run(python, ["-c", check], input: Data(buffer: served.body)))
            #expect(verdict.trimmingCharacters(in: .whitespacesAndNewlines) == "(40, 30) 0 False")
        }
    }
}

extension Data {
    init?(hexString: String) {
        var bytes: [UInt8] = []
        var index = hexString.startIndex
        while index < hexString.endIndex {
            let next = hexString.index(index, offsetBy: 2, limitedBy: hexString.endIndex) ?? hexString.endIndex
            guard let byte = UInt8(hexString[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
