import Vapor

/// Runs a piece of work every `interval` seconds while the server is up (retention purge, outbox).
/// Stopped on shutdown; an interval of 0 switches it off. A failed run is logged and retried next time.
final class PeriodicTask: LifecycleHandler, @unchecked Sendable {
    private let name: String
    private let interval: @Sendable (Application) -> Int
    private let work: @Sendable (Application) async throws -> Void
    private var task: Task<Void, Never>?

    init(
        _ name: String, interval: @escaping @Sendable (Application) -> Int,
        work: @escaping @Sendable (Application) async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.work = work
    }

    func didBootAsync(_ app: Application) async throws {
        let seconds = interval(app)
        guard seconds > 0 else { return }
        let name = self.name, work = self.work
        task = Task {
            while !Task.isCancelled {
                do {
                    try await work(app)
                } catch {
                    app.logger.error("\(name) failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(seconds))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
