import Fluent
import SQLKit

/// A counter per location that every change to its consultation slots moves on (a booking moves `taken`, staff
/// add, move or cancel slots), kept by the database like `public_stamp`. The location page keeps its free times
/// between changes and asks one question per visit: "did anything change here?" — `PublicPageCache.stamps`.
/// Per location, not global, so bookings at different schools never wait on one row.
struct M033_SlotStamp: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db.sql
        try await sql.raw("CREATE TABLE slot_stamps (location_id UUID PRIMARY KEY, version BIGINT NOT NULL)").run()
        if db.dialect == .postgresql {
            // Row-level: the statement alone does not say which location changed.
            try await sql.raw(
                """
                CREATE FUNCTION slot_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO slot_stamps (location_id, version) VALUES (COALESCE(NEW.location_id, OLD.location_id), 1)
                    ON CONFLICT (location_id) DO UPDATE SET version = slot_stamps.version + 1;
                    RETURN NULL;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER consultation_slots_slot_stamp AFTER INSERT OR UPDATE OR DELETE ON consultation_slots
                FOR EACH ROW EXECUTE FUNCTION slot_stamp_bump()
                """
            ).run()
        } else {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                try await sql.raw(
                    """
                    CREATE TRIGGER consultation_slots_slot_stamp_\(unsafeRaw: event.lowercased()) AFTER \(unsafeRaw: event) ON consultation_slots
                    BEGIN
                        INSERT OR IGNORE INTO slot_stamps (location_id, version) VALUES (\(unsafeRaw: row).location_id, 0);
                        UPDATE slot_stamps SET version = version + 1 WHERE location_id = \(unsafeRaw: row).location_id;
                    END
                    """
                ).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db.sql
        if db.dialect == .postgresql {
            try await sql.raw("DROP TRIGGER consultation_slots_slot_stamp ON consultation_slots").run()
            try await sql.raw("DROP FUNCTION slot_stamp_bump()").run()
        } else {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER consultation_slots_slot_stamp_\(unsafeRaw: event)").run()
            }
        }
        try await sql.raw("DROP TABLE slot_stamps").run()
    }
}
