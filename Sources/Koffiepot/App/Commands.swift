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
        let password =
            ProcessInfo.processInfo.environment["KOFFIEPOT_ADMIN_PASSWORD"]
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

/// `koffiepot api-token --email … --name …` — makes a personal API token for a staff member and prints it
/// (only the token, so a script can capture it). It is shown this once; revoke it on the profile page.
struct APITokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the staff member the token acts as")
        var email: String?
        @Option(name: "name", help: "What the token is for, e.g. \"Roosterkoppeling\"")
        var name: String?
    }

    var help: String { "Makes a personal API token for a staff member and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await app.loadSecret()  // the server hashes presented tokens with it: so must we
        let email = (signature.email ?? "").lowercased()
        let name = TextRules.singleLine(signature.name ?? "")
        guard let user = try await StaffUser.query(on: app.db).filter(\.$email == email).first(), user.active else {
            context.console.error("No active staff member with e-mail address \"\(email)\".")
            throw Abort(.badRequest, reason: "unknown staff member")
        }
        if let problem = APIToken.problem(inName: name) {
            context.console.error("--name: \(app.catalogues.text(problem, .en))")
            throw Abort(.badRequest, reason: "invalid name")
        }
        let (_, plain) = try await APIToken.issue(
            to: user.requireID(), name: name, secret: app.settings.secret ?? "",
            now: app.clock.now(), on: app.db)
        context.console.output(plain.consoleText())
    }
}
