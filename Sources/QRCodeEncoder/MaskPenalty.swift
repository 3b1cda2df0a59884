/// The standard's four penalty rules, used to pick the mask that scanners read most easily.
extension ModuleGrid {
    var penalty: Int {
        let rows = (0..<size).map { y in (0..<size).map { x in dark[y * size + x] } }
        let columns = (0..<size).map { x in (0..<size).map { y in dark[y * size + x] } }
        var score = 0
        for line in rows + columns { score += Self.runPenalty(line) + Self.finderLikePenalty(line) }
        score += blockPenalty
        score += balancePenalty
        return score
    }

    /// N1: five or more modules of one colour in a row: 3, plus 1 for each further module.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        return score
    }

    /// N3: 1:1:3:1:1 (dark-light-dark×3-light-dark) with four light modules on either side: 40 each.
    /// Outside the symbol counts as light (the quiet zone). The last eleven modules slide through
    /// an integer, newest in the lowest bit.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let darkThenLight = 0b1011101_0000
        let lightThenDark = 0b0000_1011101
        var window = 0
        var score = 0
        for index in 0..<(line.count + 8) {
            let isDark = index >= 4 && index < line.count + 4 && line[index - 4]
            window = ((window << 1) | (isDark ? 1 : 0)) & 0x7FF
            guard index >= 10 else { continue }
            if window == darkThenLight { score += 40 }
            if window == lightThenDark { score += 40 }
        }
        return score
    }

    /// N2: every 2×2 block of one colour: 3.
    var blockPenalty: Int {
        var score = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = dark[y * size + x]
                if dark[y * size + x + 1] == colour && dark[(y + 1) * size + x] == colour
                    && dark[(y + 1) * size + x + 1] == colour
                {
                    score += 3
                }
            }
        }
        return score
    }

    /// N4: 10 for every full 5 % the dark share is away from 50 %.
    var balancePenalty: Int {
        let darkCount = dark.filter { $0 }.count
        let total = size * size
        let deviation = abs(darkCount * 100 - total * 50)
        return deviation / (total * 5) * 10
    }
}
