import Fluent
import SQLKit

/// The neighbourhood as the country counts it: the CBS *wijkcode* (`WK` + 6 digits) and *buurtcode* (`BU` + 8
/// digits) beside the location's own neighbourhood name, so exports join with the CBS "Kerncijfers wijken en
/// buurten". Both optional; the database refuses any other format.
struct M034_LocationCBSCodes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let (wijk, buurt): (SQLQueryString, SQLQueryString) =
            db.dialect == .postgresql
            ? ("wijkcode ~ '^WK[0-9]{6}$'", "buurtcode ~ '^BU[0-9]{8}$'")
            : (
                "wijkcode GLOB 'WK[0-9][0-9][0-9][0-9][0-9][0-9]'",
                "buurtcode GLOB 'BU[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
            )
        try await db.sql.raw(
            "ALTER TABLE locations ADD COLUMN wijkcode TEXT CONSTRAINT locations_wijkcode CHECK (wijkcode IS NULL OR \(wijk))"
        ).run()
        try await db.sql.raw(
            "ALTER TABLE locations ADD COLUMN buurtcode TEXT CONSTRAINT locations_buurtcode CHECK (buurtcode IS NULL OR \(buurt))"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("locations").deleteField("buurtcode").update()
        try await db.schema("locations").deleteField("wijkcode").update()
    }
}
