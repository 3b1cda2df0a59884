import Crypto
import Foundation

/// Personal codes let a parent come back to a booking, question or registration without an account.
/// The typed code has 60 bits (12 Crockford base-32 characters); the link token 256 bits.
/// Only keyed hashes are stored, so a database copy does not reveal codes.
public struct PersonalCode: Sendable, Equatable {
    /// The code a person types or reads aloud, e.g. `7K3M-Q9XD-2HRA`.
    public let typed: String
    /// The token inside a link (base64url).
    public let linkToken: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> PersonalCode {
        let typed = String((0..<12).map { _ in alphabet[Int(rng.next() % 32)] })
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
        return PersonalCode(typed: typed, linkToken: Data(bytes).base64URLEncoded)
    }

    public static func generate() -> PersonalCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// `7K3M-Q9XD-2HRA`: groups of four are easier to read aloud and type on a phone.
    public var display: String {
        stride(from: 0, to: 12, by: 4).map { i in
            String(typed[typed.index(typed.startIndex, offsetBy: i)..<typed.index(typed.startIndex, offsetBy: i + 4)])
        }.joined(separator: "-")
    }

    /// Canonical form of what someone typed: case, spaces and dashes ignored, I/L read as 1 and O as 0
    /// (Crockford). Nil when it cannot be a code.
    public static func normalize(_ input: String) -> String? {
        var out = ""
        for ch in input.uppercased() where ch != "-" && ch != " " {
            switch ch {
            case "I", "L": out.append("1")
            case "O": out.append("0")
            default:
                guard alphabet.contains(ch) else { return nil }
                out.append(ch)
            }
        }
        return out.count == 12 ? out : nil
    }

    /// Keyed hash stored instead of the code or token.
    public static func hash(_ value: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// A random 256-bit token for cookies (staff sessions, CSRF).
    static func randomToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng).linkToken
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
