/// Every column Koffiepot stores, and for personal data why, how long, and who may see it.
/// A test compares this list with the live schema: a new column that is not listed fails the build.
enum DataInventory {
    struct Personal: Sendable {
        var purpose: String
        var retention: String
        var roles: [Role]
    }

    struct Column: Sendable {
        var table: String
        var column: String
        /// nil = not personal data (ids, times of public presence, configuration).
        var personal: Personal?
    }

    static func plain(_ table: String, _ columns: [String]) -> [Column] {
        columns.map { Column(table: table, column: $0, personal: nil) }
    }

    static func personal(_ table: String, _ column: String, _ purpose: String, _ retention: String, _ roles: [Role])
        -> Column
    {
        Column(table: table, column: column, personal: Personal(purpose: purpose, retention: retention, roles: roles))
    }

    /// The roles that see any personal column of a table, in the order of `Role.allCases`; empty when no one
    /// on staff does (a contact used only to send messages).
    static func visibleTo(table: String) -> [Role] {
        let roles = Set(columns.filter { $0.table == table }.compactMap(\.personal).flatMap(\.roles))
        return Role.allCases.filter(roles.contains)
    }

    static var columns: [Column] {
        coreColumns + gatheringColumns + attendanceColumns + questionColumns + libraryColumns + feedbackColumns
            + insightColumns + wishColumns + conversationColumns + lookAlongColumns + networkColumns
    }

    /// *Meekijken*: about a situation in class; a child's name only with the parent's consent.
    static let lookAlongColumns: [Column] =
        plain(
            "look_along_requests",
            [
                "id", "location_id", "teacher_id", "group_name", "age_years", "parent_agreed", "status", "planned_at",
                "created_at", "closed_at", "purge_after",
            ])
        + [
            personal(
                "look_along_requests", "situation", "what the advisor looks along on", "90 days after it was closed",
                [.teacher, .advisor]),
            personal(
                "look_along_requests", "question", "what the teacher asks", "90 days after it was closed",
                [.teacher, .advisor]),
            personal(
                "look_along_requests", "child_name", "only when the parent agreed", "90 days after it was closed",
                [.teacher, .advisor]),
            personal(
                "look_along_requests", "plan_note", "the advisor's proposal", "90 days after it was closed",
                [.teacher, .advisor]),
        ]

    /// The who's-who: work details of professionals, which they give to be found; shown to parents only by choice.
    static let networkColumns: [Column] =
        plain("organisations", ["id", "name", "kind", "about", "website", "created_at", "updated_at"])
        + plain(
            "joint_trainings",
            [
                "id", "title", "about", "place", "starts_at", "ends_at", "capacity", "taken", "organisation_ids",
                "created_at",
            ])
        + plain(
            "training_signups",
            ["id", "training_id", "staff_user_id", "professional_id", "seq", "status", "attended", "created_at"])
        + plain(
            "home_themes",
            [
                "id", "location_id", "group_name", "title", "first_day", "last_day", "intro", "rhyme", "created_at",
                "updated_at",
            ])
        + plain(
            "home_activities", ["id", "theme_id", "position", "title", "steps", "materials", "pictogram", "picture_id"])
        + plain("theme_words", ["id", "theme_id", "position", "nl", "en", "ar", "pl", "tr", "uk"])
        // A keyed hash of a device, never who: counts families that did an activity (shown from 5 on).
        + plain("home_activity_done", ["id", "activity_id", "device_key", "created_at"])
        // Drawings and photos for activities, stored without their metadata (EXIF, GPS).
        + plain("theme_pictures", ["id", "content_type", "bytes", "created_at"])
        + plain("directory_stamps", ["id", "entity_id", "digest", "changed_at"])
        + plain(
            "professionals",
            [
                "id", "location_id", "organisation_id", "role", "helps_with", "helps_teachers", "presence", "is_public",
                "created_at", "updated_at",
            ])
        + [
            personal(
                "professionals", "name", "who is who around a school", "until a coordinator takes her off",
                [.admin, .coordinator, .advisor, .teacher]),
            personal(
                "professionals", "reach", "how colleagues and (if she chose) parents reach her at work",
                "until a coordinator takes her off", [.admin, .coordinator, .advisor, .teacher]),
        ]

    static let conversationRetention = "a month after the last conversation of the round"

    /// *Tienminutengesprekken*: names for the teacher; contact and the ticked "talk to parenting support"
    /// only for the parent's messages and the advisor — never for the teacher.
    static let conversationColumns: [Column] =
        plain(
            "conversation_rounds",
            [
                "id", "location_id", "teacher_id", "title", "group_name", "slot_minutes", "break_minutes",
                "created_at", "purge_after",
            ])
        + plain("conversation_slots", ["id", "round_id", "starts_at", "ends_at"])
        + plain(
            "conversation_codes",
            [
                "id", "code_hash", "link_hash", "link_sealed", "contact_kind", "message_language",
                "created_at", "purge_after",
            ])
        + [
            personal(
                "conversation_codes", "contact", "confirmation and reminder of the conversations (optional)",
                conversationRetention, [])
        ]
        + plain(
            "conversation_bookings",
            ["id", "slot_id", "round_id", "code_id", "language", "created_at", "idempotency_hash"])
        + [
            personal(
                "conversation_bookings", "parent_name", "the teacher knows who comes", conversationRetention, [.teacher]
            ),
            personal(
                "conversation_bookings", "child_name", "the teacher knows who comes", conversationRetention, [.teacher]),
        ]
        + plain(
            "support_requests",
            [
                "id", "location_id", "code_id", "contact_kind", "status", "created_at", "handled_at", "purge_after",
                "offers_consultation",
            ])
        + [
            personal(
                "support_requests", "topics", "what the parent would like to talk about",
                "30 days after it was handled", [.advisor]),
            personal(
                "support_requests", "note", "what the parent would like to talk about (optional)",
                "30 days after it was handled", [.advisor]),
            personal(
                "support_requests", "contact", "how the advisor reaches the parent (optional)",
                "30 days after it was handled", [.advisor]),
            personal(
                "support_requests", "answer", "the advisor's answer, read by the parent with her code",
                "30 days after it was handled", [.advisor]),
        ]

    /// Anonymous contact facts: a week, a place, a kind, a language, a channel — no name, code or contact.
    static let insightColumns: [Column] =
        plain(
            "contact_facts",
            [
                "id", "subject_key", "kind", "outcome", "week", "location_id", "language", "channel", "topic", "people",
                "response_hours", "first_contact",
            ])
        + plain("teacher_referrals", ["id", "kind", "week", "location_id"])
        // What a school knows anyway, per school year: its families and their home languages in whole percent.
        + plain("school_families", ["id", "location_id", "school_year", "families", "updated_at"])
        + plain("school_family_languages", ["id", "school_families_id", "language", "percent"])
        + plain("location_teachers", ["id", "location_id", "teacher_id"])

    /// Wishes are public by design (parents type a topic, not themselves); supports hold a keyed hash of a
    /// device and, optionally, a contact that is erased once the wish became a gathering.
    static let wishColumns: [Column] =
        plain(
            "wishes",
            ["id", "location_id", "topic", "text", "status", "supports", "merged_into", "gathering_id", "week"])
        + plain("wish_supports", ["id", "wish_id", "device_key", "contact_kind", "message_language", "week"])
        + [
            personal(
                "wish_supports", "contact", "tell a supporter the wish became a gathering (optional)",
                "until that message is written, at most a year", [])
        ]

    /// Full-text indexes rebuilt from `library_entries` by the database itself (FTS5 tables on SQLite,
    /// a generated `tsvector` column on PostgreSQL); they hold nothing the entries do not.
    static let derivedSearchIndexes = ["library_search", "library_entries.search"]

    /// Published, anonymised questions and answers: public by design, with no link to the question or asker.
    static let libraryColumns: [Column] =
        plain(
            "library_entries", ["id", "topic", "age_group", "language", "question_text", "answer_text", "published_at"])

    /// Satisfaction: a week, a score and optional words, no identity. `subject_key` is a keyed hash that only
    /// stops one code from counting twice.
    static let feedbackColumns: [Column] =
        plain("feedback", ["id", "kind", "subject_key", "location_id", "score", "week"])
        + [
            personal(
                "feedback", "text", "what could be better, read only in groups of at least 5",
                "one year, then erased (the score stays)", [.coordinator, .advisor])
        ]

    static let questionRetention = "90 days after it was asked (unpublished)"

    static let questionColumns: [Column] =
        plain(
            "questions",
            [
                "id", "location_id", "topic", "age_group", "language", "message_language", "contact_kind", "code_hash",
                "link_hash", "link_sealed", "status", "claimed_by", "created_at", "answered_at", "purge_after",
                "due_at", "first_answered_at", "consent_publish", "published", "first_contact",
            ])
        + [
            personal("questions", "text", "the question itself, to answer it", questionRetention, [.advisor]),
            personal(
                "questions", "contact", "tell the asker an answer is ready (optional, link only)", questionRetention, []
            ),
        ]
        + plain(
            "question_messages",
            ["id", "question_id", "from_advisor", "advisor_id", "created_at", "slot_id", "gathering_id"])
        + [personal("question_messages", "text", "the thread of follow-ups and answers", questionRetention, [.advisor])]
        + plain("outbox_messages", ["question_id", "wish_support_id", "conversation_booking_id", "support_request_id"])

    static let coreColumns: [Column] =
        plain("staff_users", ["id", "role", "password_hash", "active", "created_at", "topics"])
        + [
            personal("staff_users", "email", "staff login and contact", "while the account exists", [.admin]),
            personal(
                "staff_users", "name", "shown to parents as the fixed face of a location", "while the account exists",
                Role.allCases),
            personal(
                "staff_users", "intro", "personal introduction shown to parents", "while the account exists",
                Role.allCases),
        ]
        + plain("staff_sessions", ["id", "token_hash", "user_id", "created_at", "last_seen_at"])
        + plain("api_tokens", ["id", "user_id", "name", "token_hash", "created_at", "last_used_at"])
        + plain(
            "locations",
            ["id", "name", "kind", "address", "neighbourhood", "municipality", "region", "wijkcode", "buurtcode"])
        + plain("location_advisors", ["id", "location_id", "advisor_id"])
        + plain(
            "presence_rules",
            ["id", "location_id", "advisor_id", "weekday", "start_minute", "end_minute", "room", "mode"])
        + plain(
            "presence_exceptions",
            [
                "id", "location_id", "advisor_id", "rule_id", "date", "kind", "start_minute", "end_minute", "room",
                "mode",
            ])
        + plain("school_holidays", ["id", "region", "name", "first_day", "last_day"])
        + plain("access_log", ["id", "at", "role", "subject"])
        // A keyed hash of a device cookie that opened a record with a right code: its own look-up budget, 30 days.
        + plain("known_devices", ["id", "key_hash", "created_at"])
        // The first answer to a write sent with an idempotency key, sealed with that key: 24 hours.
        + plain("idempotency_keys", ["id", "key_hash", "body_hash", "created_at", "status", "content_type"])
        + [
            personal(
                "idempotency_keys", "body_sealed",
                "giving a repeated booking or question its first answer again; readable only with the key the sender's device holds",
                "24 hours", [])
        ]
        + [
            personal(
                "access_log", "staff_user_id", "accountability for reads of personal data",
                "\(RetentionJobs.accessLogDays) days", [.admin])
        ]
        + plain("job_runs", ["id", "job", "tick", "ran_at"])
        + plain("public_stamp", ["id", "version"])
        + plain("slot_stamps", ["location_id", "version"])
        + plain("app_secrets", ["id", "name", "value"])
        + plain(
            "consultation_slots",
            [
                "id", "location_id", "advisor_id", "starts_at", "ends_at", "mode", "room", "video_url",
                "capacity", "taken", "cancelled",
            ])
        + plain(
            "bookings",
            [
                "id", "via", "slot_id", "code_hash", "link_hash", "link_sealed", "idempotency_hash", "contact_kind",
                "participants", "booker", "language", "interpreter", "message_language", "status", "created_at",
                "purge_after", "first_contact",
            ])
        + [
            personal(
                "bookings", "name", "first name or alias, so the advisor can greet the booker", bookingRetention,
                [.advisor]),
            personal("bookings", "contact", "confirmation and reminder only (optional)", bookingRetention, []),
            personal("bookings", "topics", "what the talk is about, to prepare", bookingRetention, [.advisor]),
            personal("bookings", "about", "optional short text to prepare the talk", bookingRetention, [.advisor]),
            personal("bookings", "teacher_name", "who joins a three-way talk", bookingRetention, [.advisor]),
            personal("bookings", "advisor_note", "a short practical note, no case notes", bookingRetention, [.advisor]),
        ]
        + plain(
            "outbox_messages",
            [
                "id", "booking_id", "registration_id", "channel", "language", "template", "payload", "dedupe_key",
                "status",
                "attempts", "not_before", "lease_until", "last_error", "created_at", "sent_at",
            ])
        + [
            personal(
                "outbox_messages", "recipient", "deliver a confirmation or reminder",
                "with the booking; sent messages 7 days", [])
        ]
        + plain("rate_limit_events", ["id", "at"])
        + [
            personal(
                "rate_limit_events", "key_hash",
                "login throttling and code-lookup limits (keyed hash of e-mail or client address)",
                "15 minutes", [])
        ]

    static let gatheringColumns: [Column] =
        plain("programmes", ["id", "name", "description", "age_group", "languages", "evidence"])
        + plain(
            "gatherings",
            [
                "id", "location_id", "programme_id", "kind", "title", "description", "room", "starts_at", "ends_at",
                "sessions", "capacity", "taken", "languages", "childcare", "topics", "age_group", "cancelled",
            ])
        + plain(
            "registrations",
            [
                "id", "gathering_id", "seq", "code_hash", "link_hash", "link_sealed", "idempotency_hash",
                "contact_kind",
                "adults", "language", "interpreter", "message_language", "status", "created_at", "promoted_at",
                "purge_after",
            ])
        + [
            personal(
                "registrations", "name", "first name or alias on the attendance list", registrationRetention, [.advisor]
            ),
            personal(
                "registrations", "contact", "confirmation and waiting-list news only (optional)", registrationRetention,
                []),
            personal(
                "registrations", "childcare", "arrange childcare for the evening", registrationRetention, [.advisor]),
        ]

    static let attendanceColumns: [Column] =
        plain(
            "attendance_tallies", ["id", "gathering_id", "session", "adults", "children", "languages", "recorded_at"])
        + plain("invitations", ["id", "gathering_id", "token", "created_by", "created_at"])
        + [
            personal(
                "invitations", "label", "who a personal invitation was meant for (free text by staff)",
                "until the gathering is removed", [.advisor, .teacher, .admin])
        ]
        + plain("registrations", ["invitation_id"])
        + plain("gatherings", ["host_id", "wants_professional", "professional_id"])

    static let registrationRetention = "KOFFIEPOT_BOOKING_RETENTION_DAYS (default 30) days after the last session"

    static let bookingRetention = "KOFFIEPOT_BOOKING_RETENTION_DAYS (default 30) days after the slot"
}
