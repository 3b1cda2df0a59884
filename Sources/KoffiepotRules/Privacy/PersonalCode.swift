import Crypto
import Foundation

/// Personal codes let a parent come back to a booking, question or registration without an account.
/// The typed code has 60 bits (12 Crockford base-32 characters); the link token 256 bits.
/// Only keyed hashes are stored, so a database copy does not reveal codes.
package struct PersonalCode: Sendable, Equatable {
    /// The code a person types or reads aloud, e.g. `7K3M-Q9XD-2HRA`.
    package let typed: String
    /// The token inside a link (base64url).
    package let linkToken: String

    package init(typed: String, linkToken: String) {
        self.typed = typed
        self.linkToken = linkToken
    }

    package static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    package static func generate<R: RandomNumberGenerator>(using rng: inout R) -> PersonalCode {
        let typed = String((0..<12).map { _ in alphabet[Int(rng.next() % 32)] })
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
        return PersonalCode(typed: typed, linkToken: Data(bytes).base64URLEncoded)
    }

    package static func generate() -> PersonalCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// `7K3M-Q9XD-2HRA`: groups of four are easier to read aloud and type on a phone.
    package var display: String {
        stride(from: 0, to: 12, by: 4).map { i in
            String(typed[typed.index(typed.startIndex, offsetBy: i)..<typed.index(typed.startIndex, offsetBy: i + 4)])
        }.joined(separator: "-")
    }

    /// Canonical form of what someone typed: case, spaces and dashes ignored, I/L read as 1 and O as 0
    /// (Crockford). Nil when it cannot be a code.
    package static func normalize(_ input: String) -> String? {
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
    package static func hash(_ value: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// A link token for a new booking or registration: random, or — when the client sent an idempotency
    /// key — derived from it, so a repeated request gets the very same link and code back.
    package static func linkToken(idempotencyKey: String?, secret: String) -> String {
        guard let key = idempotencyKey else { return randomToken() }
        return Data(
            HMAC<SHA256>.authenticationCode(
                for: Data(("link:" + key).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        ).base64URLEncoded
    }

    /// The typed code that belongs to a link token. Whoever holds the link can see the code; the code
    /// alone (60 bits) does not reveal the link (256 bits).
    package static func code(forLink token: String, secret: String) -> PersonalCode {
        let mac = Array(
            HMAC<SHA256>.authenticationCode(
                for: Data(("code:" + token).utf8), using: SymmetricKey(data: Data(secret.utf8))))
        var bits = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var typed = ""
        for _ in 0..<12 {
            typed.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return PersonalCode(typed: typed, linkToken: token)
    }

    /// The link token sealed with the installation key (AES-GCM), so a typed code can lead back to its
    /// link without the link being readable from a copy of the database.
    package static func seal(_ token: String, secret: String) throws -> String {
        let box = try AES.GCM.seal(
            Data(token.utf8), using: SymmetricKey(data: SHA256.hash(data: Data(("seal:" + secret).utf8))))
        return box.combined!.base64EncodedString()
    }

    package static func unseal(_ sealed: String, secret: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(
                box, using: SymmetricKey(data: SHA256.hash(data: Data(("seal:" + secret).utf8))))
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    /// A random 256-bit token for cookies (staff sessions, CSRF).
    package static func randomToken() -> String {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng).linkToken
    }
}

extension Data {
    package var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
