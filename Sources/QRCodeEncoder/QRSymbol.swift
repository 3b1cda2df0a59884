/// A QR code symbol (ISO/IEC 18004): byte mode with the text's UTF-8 bytes (announced by ECI 26 when
/// they are not plain ASCII, so scanners do not guess Shift JIS for emoji), one of the four error
/// correction levels, the smallest version 1–40 that holds the data unless one is asked for, and the
/// mask with the lowest penalty unless one is asked for.
public struct QRSymbol: Sendable, Equatable {
    public let version: Int
    public let correction: QRErrorCorrection
    public let mask: Int
    /// Modules per side: 21 for version 1, four more per version.
    public let size: Int
    private let dark: [Bool]

    /// The module at column `x`, row `y`; true is dark.
    public subscript(x x: Int, y y: Int) -> Bool { dark[y * size + x] }

    /// The dark modules row by row, top to bottom.
    public var rows: [[Bool]] { (0..<size).map { y in Array(dark[(y * size)..<(y * size + size)]) } }

    public static func encode(
        _ text: String, correction: QRErrorCorrection = .medium, version: Int? = nil, mask: Int? = nil
    ) throws(QRCodeError) -> QRSymbol {
        try encode(bytes: Array(text.utf8), correction: correction, version: version, mask: mask)
    }

    public static func encode(
        bytes: [UInt8], correction: QRErrorCorrection = .medium, version: Int? = nil, mask: Int? = nil
    ) throws(QRCodeError) -> QRSymbol {
        if let mask, !(0...7).contains(mask) { throw .invalidMask(mask) }
        let chosen = try chooseVersion(
            for: bytes.count, utf8: needsUTF8Designator(bytes), correction: correction, requested: version)
        let layout = BlockLayout(version: chosen, correction: correction)
        let data = dataCodewords(bytes, version: chosen, capacity: layout.dataCodewords)
        let codewords = layout.interleave(data)
        var grid = ModuleGrid(version: chosen)
        grid.placeFunctionPatterns()
        grid.placeData(codewords)
        // Ties go to the lower mask number.
        let masked =
            mask.map { grid.applying(mask: $0, correction: correction) }
            ?? (0...7).map { grid.applying(mask: $0, correction: correction) }
            .map { (grid: $0, penalty: $0.penalty) }
            .min { $0.penalty < $1.penalty }!.grid
        return QRSymbol(
            version: chosen, correction: correction, mask: masked.mask, size: masked.size, dark: masked.dark)
    }

    private init(version: Int, correction: QRErrorCorrection, mask: Int, size: Int, dark: [Bool]) {
        self.version = version
        self.correction = correction
        self.mask = mask
        self.size = size
        self.dark = dark
    }

    /// Bits the data takes: the ECI header when needed (mode 0111 and designator 26 = UTF-8), then the
    /// byte-mode segment: mode indicator, character count, data.
    static func segmentBits(count: Int, version: Int, utf8: Bool) -> Int {
        (utf8 ? 12 : 0) + 4 + (version <= 9 ? 8 : 16) + 8 * count
    }

    static func needsUTF8Designator(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 >= 0x80 } }

    static func chooseVersion(
        for count: Int, utf8: Bool, correction: QRErrorCorrection, requested: Int?
    ) throws(QRCodeError) -> Int {
        if let requested {
            guard (1...40).contains(requested) else { throw .invalidVersion(requested) }
            let capacity = BlockLayout(version: requested, correction: correction).dataCodewords * 8
            guard segmentBits(count: count, version: requested, utf8: utf8) <= capacity else { throw .dataTooLong }
            return requested
        }
        for version in 1...40
        where segmentBits(count: count, version: version, utf8: utf8)
            <= BlockLayout(version: version, correction: correction).dataCodewords * 8
        {
            return version
        }
        throw .dataTooLong
    }

    /// The data codewords: the byte-mode segment, the terminator, padding to a byte, then the
    /// alternating pad bytes 0xEC 0x11 up to the capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int, capacity: Int) -> [UInt8] {
        var bits = BitBuffer()
        if needsUTF8Designator(bytes) {
            bits.append(0b0111, count: 4)
            bits.append(26, count: 8)
        }
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version <= 9 ? 8 : 16)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

public enum QRErrorCorrection: Sendable, CaseIterable {
    /// About 7 %, 15 %, 25 % and 30 % of the codewords can be restored.
    case low, medium, quartile, high

    /// The two bits this level has in the format information.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}

public enum QRCodeError: Error, Equatable, Sendable {
    case dataTooLong
    case invalidVersion(Int)
    case invalidMask(Int)
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].enumerated()
                .reduce(UInt8(0)) { byte, bit in bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte }
        }
    }
}
