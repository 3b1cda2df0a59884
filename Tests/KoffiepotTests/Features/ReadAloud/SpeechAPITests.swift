import Foundation
import Testing
import VaporTesting
@testable import Koffiepot

/// The server's read-aloud voice: Ogg Opus for the six languages, clear refusals for anything else.
@Suite struct SpeechAPITests {
    typealias API = ConversationAPITests
    struct Problem: Decodable { let error: String, message: String }

    @Test(.enabled(if: SpeechEngine.isAvailable || ExternalPython.required))
    func arabicTextComesBackAsSmallOggOpus() async throws {
        try #require(SpeechEngine.isAvailable, "espeak-ng and opusenc are missing (scripts/test installs them)")
        try await withTestApp { app, _ in
            let text = "مرحبا، هذا نص قصير للقراءة بصوت عال. نلتقي يوم الثلاثاء في غرفة الأهل."
            let response = try await API.send(app, .POST, "/api/v1/speech", json: #"{"lang":"ar","text":"\#(text)"}"#)
            #expect(response.status == .ok && response.headers.contentType?.description.hasPrefix("audio/ogg") == true)
            let audio = Data(buffer: response.body)
            #expect(
                audio.starts(with: Data("OggS".utf8))
                    && String(decoding: audio.prefix(200), as: UTF8.self).contains("OpusHead"))
            // 24 kbit/s: these few seconds stay far below the 250 KB a minute may take.
            #expect(audio.count < 60_000)
            // The same text again comes from the cache, byte for byte.
            let again = try await API.send(app, .POST, "/api/v1/speech", json: #"{"lang":"ar","text":"\#(text)"}"#)
            #expect(Data(buffer: again.body) == audio)
        }
    }

    @Test func languagesAndLengthsKoffiepotDoesNotOfferAreRefusedInTheCallersLanguage() async throws {
        try await withTestApp { app, _ in
            let klingon = try await API.send(
                app, .POST, "/api/v1/speech?lang=nl", json: #"{"lang":"tlh","text":"Qapla'"}"#)
            #expect(klingon.status == .badRequest)
            let problem = try API.decode(Problem.self, klingon)
            #expect(problem.error == "unknown_language" && problem.message.contains("Kies nl, en, tr, ar, pl of uk"))
            let long = String(repeating: "Lees dit voor. ", count: 140)
            #expect(
                try await API.send(app, .POST, "/api/v1/speech", json: #"{"lang":"nl","text":"\#(long)"}"#).status
                    == .payloadTooLarge)
            #expect(
                try await API.send(app, .POST, "/api/v1/speech", json: #"{"lang":"nl","text":"  "}"#).status
                    == .unprocessableEntity)
        }
    }
}
