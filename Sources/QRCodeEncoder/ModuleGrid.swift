/// The module matrix while it is being built: which modules are dark, and which belong to a
/// function pattern (finder, timing, alignment, format, version) that data and masks leave alone.
struct ModuleGrid {
    let version: Int
    let size: Int
    private(set) var dark: [Bool]
    private(set) var reserved: [Bool]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = Array(repeating: false, count: size * size)
        reserved = Array(repeating: false, count: size * size)
    }

    mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
        dark[y * size + x] = isDark
        reserved[y * size + x] = true
    }

    mutating func placeFunctionPatterns() {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        placeFinder(centerX: 3, centerY: 3)
        placeFinder(centerX: size - 4, centerY: 3)
        placeFinder(centerX: 3, centerY: size - 4)
        let centers = Self.alignmentCenters(version: version)
        for x in centers {
            for y in centers where !isFinderCorner(x, y, last: centers.last!) { placeAlignment(x, y) }
        }
        // Reserve the format areas now (drawn for real once the mask is known), and the version.
        placeFormat(0)
        placeVersion()
    }

    private func isFinderCorner(_ x: Int, _ y: Int, last: Int) -> Bool {
        (x == 6 && y == 6) || (x == 6 && y == last) || (x == last && y == 6)
    }

    /// The 7×7 finder with its one-module light separator (clipped at the edges).
    private mutating func placeFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx
                let y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                set(x, y, ring != 2 && ring != 4)
            }
        }
    }

    private mutating func placeAlignment(_ centerX: Int, _ centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(centerX + dx, centerY + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Rows and columns of the alignment pattern centres: 6, then evenly spaced (even steps) up to
    /// size − 7; version 32 is the one exception to the spacing rule.
    static func alignmentCenters(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = 17 + 4 * version - 7
        return [6] + (0..<(count - 1)).map { last - $0 * step }.reversed()
    }

    /// Format information: level and mask, BCH(15,5) protected, XOR 0x5412, drawn twice; plus the
    /// one module that is always dark.
    mutating func placeFormat(_ bits: Int) {
        let bit = { (index: Int) in (bits >> index) & 1 == 1 }
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    static func formatBits(correction: QRErrorCorrection, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// Version information (versions 7 and up): six bits, BCH(18,6) protected, in two 6×3 blocks.
    private mutating func placeVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let a = size - 11 + index % 3
            let b = index / 3
            set(a, b, isDark)
            set(b, a, isDark)
        }
    }

    /// Codewords in the zigzag: two columns at a time from the right, up then down, skipping the
    /// vertical timing column; leftover modules stay light (remainder bits).
    mutating func placeData(_ codewords: [UInt8]) {
        var bitIndex = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !reserved[y * size + x] && bitIndex < totalBits {
                    dark[y * size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }

    /// A copy with data mask `mask` applied and the matching format information drawn.
    func applying(mask: Int, correction: QRErrorCorrection) -> ModuleGrid {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && Self.maskFlips(mask, x: x, y: y) {
                copy.dark[y * size + x].toggle()
            }
        }
        copy.placeFormat(Self.formatBits(correction: correction, mask: mask))
        copy.mask = mask
        return copy
    }

    private(set) var mask = 0

    /// The eight data masks; `y` is the row (i in the standard), `x` the column (j).
    static func maskFlips(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }
}
