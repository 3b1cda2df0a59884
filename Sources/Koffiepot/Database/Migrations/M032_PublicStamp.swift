import Fluent
import SQLKit

/// One counter that every change to what the public pages show moves on, kept by the database itself:
/// triggers on the tables behind the location page, the gatherings list, the embed widgets and the iCal
/// feeds. A new write path cannot forget it, and every instance sees the change at its next request
/// (`PublicPageCache`). Bookings of consultation slots are not among them: free slots are read live.
struct M032_PublicStamp: AsyncMigration {
    static let watched = [
        "locations", "location_advisors", "staff_users", "presence_rules", "presence_exceptions",
        "school_holidays", "gatherings", "programmes", "professionals", "organisations",
    ]

    func prepare(on db: any Database) async throws {
        let sql = db.sql
        try await sql.raw("CREATE TABLE public_stamp (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO public_stamp (id, version) VALUES (1, 0)").run()
        if db.dialect == .postgresql {
            try await sql.raw(
                """
                CREATE FUNCTION public_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE public_stamp SET version = version + 1 WHERE id = 1; RETURN NULL; END $$
                """
            ).run()
            for table in Self.watched {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_public_stamp AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION public_stamp_bump()
                    """
                ).run()
            }
        } else {
            for table in Self.watched {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_public_stamp_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event) ON \(ident: table)
                        BEGIN UPDATE public_stamp SET version = version + 1 WHERE id = 1; END
                        """
                    ).run()
                }
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        if db.dialect == .postgresql {
            for table in Self.watched {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_public_stamp ON \(ident: table)").run()
            }
            try await sql.raw("DROP FUNCTION public_stamp_bump()").run()
        } else {
            for table in Self.watched {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_public_stamp_\(unsafeRaw: event)").run()
                }
            }
        }
        try await sql.raw("DROP TABLE public_stamp").run()
    }
}
