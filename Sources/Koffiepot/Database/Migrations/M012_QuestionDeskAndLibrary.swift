import Fluent
import SQLKit

/// Response times, publication consent, pointers from an answer to a slot or gathering, and the public
/// library (*vragenbank*) with full-text search: FTS5 on SQLite, Dutch stemming on PostgreSQL.
struct M012_QuestionDeskAndLibrary: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await db.schema("questions").field("due_at", .datetime).update()
        try await db.schema("questions").field("first_answered_at", .datetime).update()
        try await db.schema("questions").field("consent_publish", .bool, .required, .sql(.default(false))).update()
        try await db.schema("questions").field("published", .bool, .required, .sql(.default(false))).update()
        try await db.schema("question_messages").field(
            "slot_id", .uuid, .references("consultation_slots", "id", onDelete: .setNull)
        ).update()
        try await db.schema("question_messages").field(
            "gathering_id", .uuid, .references("gatherings", "id", onDelete: .setNull)
        ).update()
        // A published entry keeps no link to the question it came from, nor to the asker.
        try await db.schema("library_entries")
            .id()
            .field("topic", .string)
            .field("age_group", .string)
            .field("language", .string, .required)
            .field("question_text", .string, .required)
            .field("answer_text", .string, .required)
            .field("published_at", .datetime, .required)
            .create()
        let sql = db.sql
        if db.dialect == .postgresql {
            try await sql.raw(
                """
                ALTER TABLE library_entries ADD COLUMN search tsvector
                GENERATED ALWAYS AS (to_tsvector('dutch', question_text || ' ' || answer_text)) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX library_entries_search ON library_entries USING GIN (search)").run()
        } else {
            try await sql.raw(
                "CREATE VIRTUAL TABLE library_search USING fts5(entry_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER library_entries_ai AFTER INSERT ON library_entries BEGIN
                  INSERT INTO library_search (entry_id, body) VALUES (new.id, new.question_text || ' ' || new.answer_text); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER library_entries_au AFTER UPDATE ON library_entries BEGIN
                  DELETE FROM library_search WHERE entry_id = old.id;
                  INSERT INTO library_search (entry_id, body) VALUES (new.id, new.question_text || ' ' || new.answer_text); END
                """
            ).run()
            try await sql.raw(
                "CREATE TRIGGER library_entries_ad AFTER DELETE ON library_entries BEGIN DELETE FROM library_search WHERE entry_id = old.id; END"
            ).run()
        }
    }

    func revert(on db: any Database) async throws {
        if db.dialect == .sqlite {
            try await db.sql.raw("DROP TABLE library_search").run()
        }
        try await db.schema("library_entries").delete()
        for field in ["gathering_id", "slot_id"] {
            try await db.schema("question_messages").deleteField(FieldKey(stringLiteral: field)).update()
        }
        for field in ["published", "consent_publish", "first_answered_at", "due_at"] {
            try await db.schema("questions").deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
