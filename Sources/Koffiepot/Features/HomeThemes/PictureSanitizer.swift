import Foundation

/// Uploaded drawings and photos: PNG, JPEG or WebP recognised by their bytes (never by name or claimed type),
/// at most 2 MB, and stored without what a camera or phone writes about the picture — EXIF (with GPS), XMP,
/// comments, text chunks. The image data itself is copied unchanged, so nothing needs decoding.
enum PictureSanitizer {
    static let maxBytes = 2 * 1024 * 1024

    enum Kind: String, Sendable {
        case png = "image/png", jpeg = "image/jpeg", webp = "image/webp"
    }

    enum Failure: Error, Equatable { case tooLarge, notAPicture, damaged }

    static func clean(_ data: Data) -> Result<(kind: Kind, bytes: Data), Failure> {
        guard data.count <= maxBytes else { return .failure(.tooLarge) }
        let bytes = [UInt8](data)
        let result: (Kind, [UInt8]?)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            result = (.jpeg, jpeg(bytes))
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            result = (.png, png(bytes))
        } else if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8)
        {
            result = (.webp, webp(bytes))
        } else {
            return .failure(.notAPicture)
        }
        guard let cleaned = result.1 else { return .failure(.damaged) }
        return .success((result.0, Data(cleaned)))
    }

    /// JPEG: keeps the segments that draw the picture (and JFIF, the ICC colour profile, Adobe's colour
    /// transform); drops APP1 (EXIF/XMP, where GPS lives), the other APPn and comments. From the start of scan
    /// on, everything is image data and is copied as is.
    static func jpeg(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        var at = 2
        while at + 4 <= bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }  // fill byte
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard length >= 2, at + 2 + length <= bytes.count else { return nil }
            let segment = Array(bytes[at..<(at + 2 + length)])
            if marker == 0xDA { return out + bytes[at...] }
            let payload = segment.dropFirst(4)
            let keep: Bool
            switch marker {
            case 0xE0: keep = payload.starts(with: Array("JFIF".utf8))
            case 0xE2: keep = payload.starts(with: Array("ICC_PROFILE".utf8))
            case 0xEE: keep = payload.starts(with: Array("Adobe".utf8))
            case 0xE1...0xEF, 0xFE: keep = false
            default: keep = true
            }
            if keep { out += segment }
            at += 2 + length
        }
        return nil
    }

    /// PNG: drops the text chunks (`tEXt`, `zTXt`, `iTXt`), EXIF (`eXIf`) and the modification time (`tIME`).
    static func png(_ bytes: [UInt8]) -> [UInt8]? {
        var out = Array(bytes[0..<8])
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            let end = at + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            if !["tEXt", "zTXt", "iTXt", "eXIf", "tIME"].contains(type) { out += bytes[at..<end] }
            at = end
            if type == "IEND" { return out }
        }
        return nil
    }

    /// WebP: drops the `EXIF` and `XMP ` chunks, clears their flags in `VP8X` and writes the new RIFF size.
    static func webp(_ bytes: [UInt8]) -> [UInt8]? {
        var chunks: [UInt8] = Array("WEBP".utf8)
        var at = 12
        while at + 8 <= bytes.count {
            let type = String(decoding: bytes[at..<(at + 4)], as: UTF8.self)
            let size =
                Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]) << 16 | Int(bytes[at + 7]) << 24
            let end = at + 8 + size + (size % 2)
            guard end <= bytes.count || at + 8 + size == bytes.count else { return nil }
            var chunk = Array(bytes[at..<min(end, bytes.count)])
            if type == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x0C) }  // EXIF (0x08) and XMP (0x04) flags
            if type != "EXIF", type != "XMP " { chunks += chunk }
            at = end
        }
        guard at >= bytes.count, chunks.count > 4 else { return nil }
        let size = UInt32(chunks.count)
        return Array("RIFF".utf8) + (0..<4).map { UInt8((size >> (8 * $0)) & 0xFF) } + chunks
    }
}
