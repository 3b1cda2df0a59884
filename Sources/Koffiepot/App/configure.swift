import Fluent
import Vapor

/// The composition root: tests call it with test settings, the executable with the environment's.
public func configure(_ app: Application, settings: Settings, clock: Clock = .live) async throws {
    app.settings = settings
    app.clock = clock
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.routes.defaultMaxBodySize = "256kb"
    // Pages, CSS and JavaScript go out gzipped to clients that ask: a cheap phone on a slow line waits less.
    app.http.server.configuration.responseCompression = .enabled(initialByteBufferCapacity: 1024)
    try DatabaseSetup.configure(app, settings: settings)
    Migrations.register(on: app)
    app.catalogues = try Catalogues.load(from: app.directory.resourcesDirectory + "Locales/")
    app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
    app.asyncCommands.use(DemoScaleCommand(), as: "demo")
    app.asyncCommands.use(APITokenCommand(), as: "api-token")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
    app.lifecycle.use(
        PeriodicTask("retention purge", interval: { $0.settings.purgeIntervalSeconds }) { app in
            try await PurgeRunner.runTick(
                db: app.db, now: app.clock.now(), settings: app.settings,
                interval: app.settings.purgeIntervalSeconds, logger: app.logger)
        })
    app.lifecycle.use(
        PeriodicTask("outbox", interval: { $0.settings.outboxIntervalSeconds }) { app in
            try await OutboxWorker.runOnce(
                db: app.db, sender: app.messageSender, catalogues: app.catalogues, now: app.clock.now(),
                lease: Double(app.settings.outboxLeaseSeconds))
        })

    // Order matters: errors wrap everything so even a CSRF refusal becomes a page in the right language.
    app.middleware = .init()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ConditionalGETMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(ErrorPagesMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(ViaMiddleware())
    app.middleware.use(FormBodyMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(StaffSessionMiddleware())
    app.middleware.use(APIContextMiddleware())
    app.middleware.use(IdempotencyMiddleware())
    app.publicPages = PublicPageCache()
    try routes(app)
}

/// True when the command line asks to serve (also when it names no command at all).
public func isServeCommand(_ arguments: [String]) -> Bool {
    let command = arguments.dropFirst().first
    return command == nil || command == "serve" || command?.hasPrefix("-") == true
}

/// The address `serve` will listen on, from `--hostname`/`--port` (or `-H`/`-p`), for the start-up message.
func listenAddress(_ arguments: [String]) -> String {
    func value(_ names: Set<String>) -> String? {
        guard let index = arguments.firstIndex(where: names.contains), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    return "http://\(value(["--hostname", "-H"]) ?? "127.0.0.1"):\(value(["--port", "-p"]) ?? "8080")"
}

/// Before serving: migrate, tune SQLite, load the installation secret, fill the demo on an empty
/// database, and tell the person at the terminal where to go and how to log in.
public func prepareForServing(_ app: Application) async throws {
    let started = Date()
    try await app.autoMigrate()
    try await DatabaseSetup.tune(app.db)
    try await app.loadSecret()
    var logins: [DemoData.Login] = []
    var history: DemoScale.Totals?
    if app.settings.seedDemo, try await Location.query(on: app.db).count() == 0 {
        let today = LocalDate(containing: app.clock.now())
        logins = try await DemoData.seed(on: app.db, passwords: app.password, today: today)
        try await DemoConversations.seed(
            on: app.db, settings: app.settings, catalogues: app.catalogues, now: app.clock.now())
        history = try await DemoScale.firstStartHistory(today: today, on: app.db)
    }
    print("")
    print(
        "☕ Koffiepot is ready: \(listenAddress(app.environment.arguments))  (public address: \(app.settings.publicURL))"
    )
    if let history {
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print(
            "   First start: database and demo municipality ready in \(seconds) s (\(history.locations) locations, "
                + "a year of anonymous history: \(history.facts) contacts, \(history.feedback) ratings, "
                + "\(history.wishes) wishes).")
    }
    if !logins.isEmpty {
        print("   Demo staff logins (password for all: \(DemoData.password)):")
        for login in logins { print("   - \(login.role.rawValue): \(login.email)") }
    }
    print("")
}
