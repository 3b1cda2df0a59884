import Testing

@testable import QRCodeEncoder

/// The encoder's parts against values worked out by hand from ISO/IEC 18004.
@Suite struct QRSymbolTests {
    @Test func reedSolomonMatchesTheWorkedExample() {
        // "HELLO WORLD" at 1-M: the data codewords and the ten error correction codewords that
        // follow from them (the standard's worked example in alphanumeric mode).
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = ReedSolomon.remainder(data, generator: ReedSolomon.generator(degree: 10))
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func formatAndVersionInformation() {
        #expect(ModuleGrid.formatBits(correction: .medium, mask: 0) == 0b101010000010010)
        #expect(ModuleGrid.formatBits(correction: .low, mask: 4) == 0b110011000101111)
        #expect(ModuleGrid.formatBits(correction: .high, mask: 7) == 0b000100000111011)
        let symbol = try! QRSymbol.encode(String(repeating: "a", count: 120), correction: .medium)
        #expect(symbol.version == 7)
        // Version 7's information is 000111 110010010100; the bottom-left block holds it column-wise.
        let expected = 0b000111_110010010100
        for index in 0..<18 {
            #expect(symbol[x: index / 3, y: symbol.size - 11 + index % 3] == ((expected >> index) & 1 == 1))
        }
    }

    @Test func alignmentCentresFollowTheTable() {
        #expect(ModuleGrid.alignmentCenters(version: 1) == [])
        #expect(ModuleGrid.alignmentCenters(version: 2) == [6, 18])
        #expect(ModuleGrid.alignmentCenters(version: 7) == [6, 22, 38])
        #expect(ModuleGrid.alignmentCenters(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(ModuleGrid.alignmentCenters(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test func capacitiesMatchTheStandard() {
        // Byte-mode capacity per level for versions 1, 10 and 40 (table 7 of the standard).
        let expected: [(QRErrorCorrection, [Int: Int])] = [
            (.low, [1: 17, 10: 271, 40: 2953]), (.medium, [1: 14, 10: 213, 40: 2331]),
            (.quartile, [1: 11, 10: 151, 40: 1663]), (.high, [1: 7, 10: 119, 40: 1273]),
        ]
        for (level, capacities) in expected {
            for (version, bytes) in capacities {
                #expect(throws: Never.self) {
                    try QRSymbol.encode(
                        bytes: .init(repeating: 0x41, count: bytes), correction: level, version: version)
                }
                #expect(throws: QRCodeError.dataTooLong) {
                    try QRSymbol.encode(
                        bytes: .init(repeating: 0x41, count: bytes + 1), correction: level, version: version)
                }
            }
        }
    }

    @Test func chosenVersionIsTheSmallestThatFits() throws {
        #expect(try QRSymbol.encode(String(repeating: "x", count: 14)).version == 1)
        #expect(try QRSymbol.encode(String(repeating: "x", count: 15)).version == 2)
        #expect(throws: QRCodeError.dataTooLong) { try QRSymbol.encode(String(repeating: "x", count: 2332)) }
        #expect(throws: QRCodeError.invalidMask(8)) { try QRSymbol.encode("x", mask: 8) }
        #expect(throws: QRCodeError.invalidVersion(41)) { try QRSymbol.encode("x", version: 41) }
    }

    @Test func functionPatternsAreInPlace() throws {
        let symbol = try QRSymbol.encode("https://koffiepot.example/locations/1", correction: .quartile)
        let last = symbol.size - 1
        for (cx, cy) in [(3, 3), (last - 3, 3), (3, last - 3)] {
            for d in -3...3 {
                #expect(symbol[x: cx + d, y: cy - 3] && symbol[x: cx + d, y: cy + 3])
                #expect(symbol[x: cx - 3, y: cy + d] && symbol[x: cx + 3, y: cy + d])
            }
        }
        for index in 8..<(symbol.size - 8) { #expect(symbol[x: index, y: 6] == (index % 2 == 0)) }
        #expect(symbol[x: 8, y: symbol.size - 8])
    }

    @Test func theAutomaticMaskHasTheLowestPenalty() throws {
        let text = "Koffieochtend dinsdag 8:30 — ouderkamer"
        let chosen = try QRSymbol.encode(text, correction: .medium)
        var grid = ModuleGrid(version: chosen.version)
        grid.placeFunctionPatterns()
        grid.placeData(
            BlockLayout(version: chosen.version, correction: .medium).interleave(
                QRSymbol.dataCodewords(
                    Array(text.utf8), version: chosen.version,
                    capacity: BlockLayout(version: chosen.version, correction: .medium).dataCodewords)))
        let penalties = (0...7).map { grid.applying(mask: $0, correction: .medium).penalty }
        #expect(penalties[chosen.mask] == penalties.min())
        #expect(Set(penalties).count > 1)
    }

    @Test func penaltyRulesScoreAsTheStandardSays() {
        #expect(ModuleGrid.runPenalty([true, true, true, true, true, false, true]) == 3)
        #expect(ModuleGrid.runPenalty([false, false, false, false, false, false, false]) == 5)
        #expect(ModuleGrid.runPenalty([true, false, true, false, true]) == 0)
        // 1:1:3:1:1 at the start of a line: the symbol's edge counts as light on one side, four
        // light modules follow on the other, so both orientations score.
        let finderLike = [true, false, true, true, true, false, true, false, false, false, false]
        #expect(ModuleGrid.finderLikePenalty(finderLike) == 80)
        #expect(ModuleGrid.finderLikePenalty([true, false, true, true, false, false, true]) == 0)
    }
}
