import Crypto
import Foundation

/// The server's voice for read-aloud, for devices that have none for the page language (common for Arabic and
/// Ukrainian on cheap phones): espeak-ng speaks, opusenc makes Ogg Opus at 24 kbit/s (a minute is about 180 KB).
/// Both are Debian packages; without them the endpoint says so (503) and the button relies on the device.
/// Results are cached on disk by a hash of language and text, so a page read twice is spoken once.
enum SpeechEngine {
    static let maxCharacters = 2000

    /// espeak-ng's voice per page language. Its Ukrainian is marked experimental and its Arabic reads best with
    /// vowel marks: the page prefers the device's own voice wherever there is one.
    static let voices: [Language: String] = [.nl: "nl", .en: "en-gb", .tr: "tr", .ar: "ar", .pl: "pl", .uk: "uk"]

    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let isAvailable: Bool = tool("espeak-ng") != nil && tool("opusenc") != nil

    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
        "koffiepot-speech", isDirectory: true)

    struct Unavailable: Error {}

    static func speak(_ text: String, language: Language) async throws -> Data {
        guard let espeak = tool("espeak-ng"), let opusenc = tool("opusenc"), let voice = voices[language] else {
            throw Unavailable()
        }
        let key = SHA256.hash(data: Data("\(language.rawValue)\n\(text)".utf8)).map { String(format: "%02x", $0) }
            .joined()
        let file = cache.appendingPathComponent("\(key).ogg")
        if let cached = try? Data(contentsOf: file), !cached.isEmpty { return cached }
        let audio = try await pipeline(text: text, espeak: espeak, voice: voice, opusenc: opusenc)
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try? audio.write(to: file, options: .atomic)
        return audio
    }

    /// espeak-ng (text on standard input, WAV on standard output) piped into opusenc; no shell in between.
    private static func pipeline(text: String, espeak: String, voice: String, opusenc: String) async throws -> Data {
        signal(SIGPIPE, SIG_IGN)
        let speaker = Process(), encoder = Process()
        speaker.executableURL = URL(fileURLWithPath: espeak)
        speaker.arguments = ["-v", voice, "-s", "150", "--stdout"]
        encoder.executableURL = URL(fileURLWithPath: opusenc)
        encoder.arguments = ["--quiet", "--bitrate", "24", "--downmix-mono", "-", "-"]
        let input = Pipe(), between = Pipe(), output = Pipe()
        speaker.standardInput = input
        speaker.standardOutput = between
        speaker.standardError = FileHandle.nullDevice
        encoder.standardInput = between
        encoder.standardOutput = output
        encoder.standardError = FileHandle.nullDevice
        try speaker.run()
        try encoder.run()
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                speaker.waitUntilExit()
                encoder.waitUntilExit()
                if speaker.terminationStatus == 0, encoder.terminationStatus == 0, !data.isEmpty {
                    continuation.resume(returning: data)
                } else {
                    continuation.resume(throwing: Unavailable())
                }
            }
        }
    }
}
