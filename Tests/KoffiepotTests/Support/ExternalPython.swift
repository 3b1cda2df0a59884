import Foundation

/// The test venv's Python (`scripts/test` installs it), for checks against independent tools. In
/// `scripts/test` (`KOFFIEPOT_REQUIRE_TOOLS=1`) such checks must run; elsewhere they skip when it is absent.
enum ExternalPython {
    static let required = ProcessInfo.processInfo.environment["KOFFIEPOT_REQUIRE_TOOLS"] == "1"

    /// The venv's Python when it can import `module`.
    static func with(_ module: String) -> String? {
        let python = LocalizationTests.root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python), run(python, ["-c", "import \(module)"]) != nil
        else { return nil }
        return python
    }

    /// Runs a program to its end; its standard output, or nil when it failed.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = inputPipe
        do { try process.run() } catch { return nil }
        // Written from another thread: a large input must not block while the child fills its output pipe.
        let writer = inputPipe.fileHandleForWriting
        Thread.detachNewThread {
            if let input { writer.write(input) }
            try? writer.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
