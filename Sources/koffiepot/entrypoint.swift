import Koffiepot
import Logging
import Vapor

/// Thin executable: environment → app → configure → run the chosen command (default `serve`).
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            let settings = Settings.fromEnvironment()
            try await configure(app, settings: settings)
            if Koffiepot.isServeCommand(env.arguments) {
                try await prepareForServing(app)
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
