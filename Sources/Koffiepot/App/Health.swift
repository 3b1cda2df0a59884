import SQLKit
import Vapor

/// `GET /healthz` — for the proxy and the service manager: 200 `ok` while this instance can reach its
/// database, 503 when it cannot (nginx then sends visitors to another instance). Says nothing else.
func health(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    do {
        try await req.db.sql.raw("SELECT 1").run()
        return Response(status: .ok, headers: headers, body: "ok\n")
    } catch {
        req.logger.warning("health check: database unreachable: \(String(reflecting: error))")
        return Response(status: .serviceUnavailable, headers: headers, body: "database unreachable\n")
    }
}

/// `koffiepot jobs` — runs the periodic jobs (outbox every `KOFFIEPOT_OUTBOX_INTERVAL` seconds, retention purge
/// every `KOFFIEPOT_PURGE_INTERVAL`) without serving pages, until stopped. For a deployment that runs them in a
/// unit of their own while its web instances set both intervals to 0. Running them in every instance is safe
/// too (each purge tick and each message is claimed in the database), only busier.
struct JobsCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Runs the outbox and the retention purge until stopped (SIGTERM or SIGINT)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await app.loadSecret()
        context.console.info(
            "Koffiepot jobs: outbox every \(app.settings.outboxIntervalSeconds) s, purge every \(app.settings.purgeIntervalSeconds) s."
        )
        // The jobs themselves were started with the application (`PeriodicTask`); this waits for the stop signal.
        var sources: [any DispatchSourceSignal] = []
        let stopped = AsyncStream<Int32> { continuation in
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number)
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                sources.append(source)
            }
        }
        for await _ in stopped { break }
        sources.forEach { $0.cancel() }
        context.console.info("Koffiepot jobs stopped.")
    }
}
