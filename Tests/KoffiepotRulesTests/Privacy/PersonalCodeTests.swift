import Foundation
import Testing

@testable import KoffiepotRules

@Suite struct PersonalCodeTests {
    @Test func codesHaveSixtyBitsAndLinksMoreThan128() {
        let code = PersonalCode.generate()
        #expect(code.typed.count == 12)  // 12 × 5 bits = 60 bits
        #expect(code.typed.allSatisfy { PersonalCode.alphabet.contains($0) })
        #expect(
            Data(
                base64Encoded: code.linkToken.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
                    of: "_", with: "/") + "=")?.count == 32)
        let many = Set((0..<2000).map { _ in PersonalCode.generate().typed })
        #expect(many.count == 2000)
    }

    @Test func typedCodesAreForgiving() {
        let code = PersonalCode(typed: "7K3MQ9XD2HRA", linkToken: "")
        #expect(code.display == "7K3M-Q9XD-2HRA")
        #expect(PersonalCode.normalize(" 7k3m-q9xd-2hra ") == "7K3MQ9XD2HRA")
        #expect(PersonalCode.normalize("OIL0-0000-0000") == "0110" + "00000000")
        #expect(PersonalCode.normalize("7K3M-Q9XD-2HR") == nil)
        #expect(PersonalCode.normalize("7K3M-Q9XD-2HR!") == nil)
    }

    @Test func onlyKeyedHashesAreStored() {
        let a = PersonalCode.hash("7K3MQ9XD2HRA", secret: "one")
        #expect(a.count == 64)
        #expect(a != PersonalCode.hash("7K3MQ9XD2HRA", secret: "two"))
        #expect(!a.contains("7K3MQ9XD2HRA"))
    }
}
