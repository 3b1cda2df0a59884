import Fluent
import Vapor

/// `koffiepot create-admin --email … --name …` — the first account on a fresh installation.
/// The password is read from `KOFFIEPOT_ADMIN_PASSWORD` or asked for without echo.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address used to log in")
        var email: String?
        @Option(name: "name", help: "Full name shown to colleagues")
        var name: String?
    }

    var help: String { "Creates an administrator account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let email = signature.email ?? context.console.ask("E-mail:")
        let name = signature.name ?? context.console.ask("Name:")
        let password = ProcessInfo.processInfo.environment["KOFFIEPOT_ADMIN_PASSWORD"]
            ?? context.console.ask("Password (at least 12 characters):", isSecure: true)
        guard email.contains("@"), !name.isEmpty, password.count >= 12 else {
            context.console.error("Need an e-mail address, a name and a password of at least 12 characters.")
            throw Abort(.badRequest, reason: "invalid input")
        }
        let user = StaffUser(email: email, name: name, role: .admin, passwordHash: try app.password.hash(password))
        try await user.create(on: app.db)
        context.console.success("Administrator \(user.email) created.")
    }
}
