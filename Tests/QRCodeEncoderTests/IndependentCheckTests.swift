import Foundation
import Testing

@testable import QRCodeEncoder

/// The encoder against tools that share no code with it: the zbar decoder reads every symbol back,
/// and the segno encoder draws the same matrix for the same text, version, level and mask.
/// `scripts/test` installs both and sets KOFFIEPOT_REQUIRE_TOOLS, so there they cannot be skipped.
@Suite struct IndependentCheckTests {
    @Test(.enabled(if: ExternalTools.zbarimg != nil || ExternalTools.required))
    func everyCorpusSymbolDecodesBackExactlyWithZbar() throws {
        let zbarimg = try #require(ExternalTools.zbarimg, "zbarimg (Debian zbar-tools) is not installed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-corpus-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Corpus.cases.count >= 500)
        let symbols = try Corpus.cases.map { try QRSymbol.encode($0.text, correction: $0.level) }
        #expect(Set(symbols.map(\.version)) == Set(1...40), "the corpus covers every version")
        let decoded = Locked([String?](repeating: nil, count: symbols.count))
        DispatchQueue.concurrentPerform(iterations: symbols.count) { index in
            let file = folder.appendingPathComponent("\(index).pgm")
            try? symbols[index].portableGraymap(scale: 3).write(to: file)
            let output = ExternalTools.run(zbarimg, ["--nodbus", "-q", "--raw", file.path])
            decoded.update { $0[index] = output.map { String($0.dropLast()) } }
        }
        for (index, item) in Corpus.cases.enumerated() {
            #expect(decoded.value[index] == item.text, "corpus \(index), version \(symbols[index].version)")
        }
    }

    @Test(.enabled(if: ExternalTools.segnoPython != nil || ExternalTools.required))
    func matricesAreBitIdenticalToSegno() throws {
        let python = try #require(ExternalTools.segnoPython, "the test venv with segno is missing")
        let cases = Corpus.cases.enumerated().map { index, item in
            SegnoCase(
                text: item.text, level: ["L", "M", "Q", "H"][Corpus.levels.firstIndex(of: item.level)!],
                mask: index % 8, eci: QRSymbol.needsUTF8Designator(Array(item.text.utf8)))
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "segno_matrix.py")
        let output = try #require(ExternalTools.run(python, [script.path], input: try JSONEncoder().encode(cases)))
        let references = try JSONDecoder().decode([SegnoSymbol].self, from: Data(output.utf8))
        #expect(references.count == cases.count)
        for (index, reference) in references.enumerated() {
            let item = Corpus.cases[index]
            let symbol = try QRSymbol.encode(item.text, correction: item.level, mask: index % 8)
            #expect(symbol.version == reference.version, "corpus \(index): the smallest version")
            let rows = symbol.rows.map { String($0.map { $0 ? "1" : "0" }) }
            #expect(rows == reference.rows, "corpus \(index): version \(symbol.version), mask \(index % 8)")
        }
    }
}

struct SegnoCase: Codable {
    let text: String
    let level: String
    let mask: Int
    let eci: Bool
}

struct SegnoSymbol: Codable {
    let version: Int
    let rows: [String]
}

extension QRSymbol {
    /// A binary PGM image with the four-module quiet zone, `scale` pixels per module.
    func portableGraymap(scale: Int) -> Data {
        let side = (size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<size {
            for x in 0..<size where self[x: x, y: y] {
                for dy in 0..<scale {
                    let row = ((y + 4) * scale + dy) * side
                    for dx in 0..<scale { pixels[row + (x + 4) * scale + dx] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }
}
