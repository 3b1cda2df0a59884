import Foundation
import Vapor

/// The way out of the building: e-mail through `sendmail` (msmtp in production), SMS through an HTTP
/// gateway. Injected, so tests can record instead of send.
struct MessageSender: Sendable {
    var sendEmail: @Sendable (_ to: String, _ subject: String, _ body: String, _ messageID: String) async throws -> Void
    var sendSMS: @Sendable (_ to: String, _ text: String) async throws -> Void

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func live(settings: Settings, client: any Client) -> MessageSender {
        MessageSender(
            sendEmail: { to, subject, body, messageID in
                let message = EmailFormat.message(
                    from: settings.mailFrom, to: to, subject: subject, body: body, date: Date(), messageID: messageID)
                try await Sendmail.pipe(message, command: settings.sendmailCommand)
            },
            sendSMS: { to, text in
                guard let url = settings.smsGatewayURL else { throw Failure(description: "no SMS gateway configured") }
                let response = try await client.post(URI(string: url)) { req in
                    if let token = settings.smsGatewayToken { req.headers.bearerAuthorization = .init(token: token) }
                    try req.content.encode(["to": to, "text": text], as: .json)
                }
                guard (200..<300).contains(response.status.code) else {
                    throw Failure(description: "SMS gateway answered \(response.status.code)")
                }
            })
    }
}

/// Runs the configured sendmail-compatible command with the message on standard input.
enum Sendmail {
    static func pipe(_ message: String, command: String) async throws {
        // A command that exits before reading its input must give an error here, not kill the server.
        signal(SIGPIPE, SIG_IGN)
        let parts = command.split(separator: " ").map(String.init)
        guard let executable = parts.first else { throw MessageSender.Failure(description: "no sendmail command") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(parts.dropFirst())
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
                try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
                try? input.fileHandleForWriting.close()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw MessageSender.Failure(description: "sendmail exited \(status): \(detail.prefix(300))")
        }
    }
}

/// A plain-text UTF-8 e-mail (RFC 5322 with an RFC 2047 encoded subject).
enum EmailFormat {
    static func message(from: String, to: String, subject: String, body: String, date: Date, messageID: String)
        -> String
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
            + "\r\n"
    }
}
