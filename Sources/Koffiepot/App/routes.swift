import OpenAPIVapor
import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: LocationsController())
    try app.register(collection: LoginController())
    try app.register(collection: StaffController())
    try app.register(collection: PresenceAdminController())
    try app.register(collection: LocationAdminController())
    try app.register(collection: UsersController())
    try app.register(collection: ProfileController())
    try app.register(collection: ConsultationsController())
    try app.register(collection: ConversationsController())
    try app.register(collection: RoundAdminController())
    try app.register(collection: SupportDeskController())
    try app.register(collection: LookAlongController())
    try app.register(collection: TeacherCardController())
    try app.register(collection: NetworkController())
    try app.register(collection: SocialMapController())
    try app.register(collection: TrainingController())
    try app.register(collection: HomeThemeController())
    try app.register(collection: NewsletterController())
    try app.register(collection: PosterController())
    try app.register(collection: PictogramGalleryController())
    try app.register(collection: ProcessingRegisterController())
    try app.register(collection: MyDataController())
    try app.register(collection: AccessLogController())
    try app.register(collection: AgendaController())
    try app.register(collection: SlotAdminController())
    try app.register(collection: OutboxAdminController())
    try app.register(collection: GatheringsController())
    try app.register(collection: GatheringAdminController())
    try app.register(collection: ProgrammeController())
    try app.register(collection: InvitationController())
    try app.register(collection: ParentRunController())
    try app.register(collection: QuestionsController())
    try app.register(collection: DeskController())
    try app.register(collection: PublishController())
    try app.register(collection: LibraryController())
    try app.register(collection: FeedbackController())
    try app.register(collection: WishesController())
    try app.register(collection: WishDeskController())
    try app.register(collection: InsightController())
    try app.register(collection: SchoolFamiliesController())

    let api = KoffiepotAPI(app: app)
    try api.registerHandlers(on: VaporTransport(routesBuilder: app), serverURL: URL(string: "/api/v1")!)
    app.get("api", "v1", "openapi.yaml", use: serveSpec)
    app.get("healthz", use: health)
}

/// The spec partners integrate against, served as written.
private func serveSpec(req: Request) async throws -> Response {
    let response = try await req.fileio.asyncStreamFile(at: req.application.directory.publicDirectory + "openapi.yaml")
    response.headers.replaceOrAdd(name: .contentType, value: "application/yaml")
    return response
}
