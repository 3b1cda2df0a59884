/// How a version and level split the codewords into blocks (ISO/IEC 18004, table 9).
struct BlockLayout {
    let version: Int
    let totalCodewords: Int
    let eccPerBlock: Int
    let blocks: Int

    init(version: Int, correction: QRErrorCorrection) {
        self.version = version
        totalCodewords = Self.rawDataModules(version: version) / 8
        let row = Self.level(correction)
        eccPerBlock = row.eccPerBlock[version - 1]
        blocks = row.blocks[version - 1]
    }

    var dataCodewords: Int { totalCodewords - eccPerBlock * blocks }

    /// Modules left for data and error correction once the function patterns and format and
    /// version information are drawn, remainder bits included.
    static func rawDataModules(version: Int) -> Int {
        var modules = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { modules -= 36 }
        }
        return modules
    }

    /// Splits the data into blocks (the later ones one codeword longer when it does not divide
    /// evenly), adds each block's error correction, and interleaves: data column by column, then
    /// error correction column by column.
    func interleave(_ data: [UInt8]) -> [UInt8] {
        let shortBlocks = blocks - totalCodewords % blocks
        let shortDataLength = totalCodewords / blocks - eccPerBlock
        let generator = ReedSolomon.generator(degree: eccPerBlock)
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blocks {
            let length = shortDataLength + (index < shortBlocks ? 0 : 1)
            dataBlocks.append(Array(data[start..<(start + length)]))
            start += length
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder($0, generator: generator) }
        var result: [UInt8] = []
        result.reserveCapacity(totalCodewords)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<eccPerBlock {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }

    private static func level(_ correction: QRErrorCorrection) -> (eccPerBlock: [Int], blocks: [Int]) {
        switch correction {
        case .low: (eccLow, blocksLow)
        case .medium: (eccMedium, blocksMedium)
        case .quartile: (eccQuartile, blocksQuartile)
        case .high: (eccHigh, blocksHigh)
        }
    }

    // Error correction codewords per block and number of blocks, versions 1–40.
    private static let eccLow = [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
        28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let eccMedium = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    private static let eccQuartile = [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
        28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let eccHigh = [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
        30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let blocksLow = [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
        8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ]
    private static let blocksMedium = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]
    private static let blocksQuartile = [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
        23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ]
    private static let blocksHigh = [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
        25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ]
}
