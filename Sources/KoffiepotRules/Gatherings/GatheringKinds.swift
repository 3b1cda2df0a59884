import Foundation

/// The kinds of gatherings at school.
public enum GatheringKind: String, Codable, CaseIterable, Sendable {
    /// *Koffie-inloopochtend* in the ouderkamer: no sign-up.
    case walkIn = "walk_in"
    /// One evening on a theme parents asked for.
    case themeEvening = "theme_evening"
    /// A series of weekly sessions; one registration covers all.
    case course
    /// *Opvoedparty*, *praathuiscafé*, family network: parents host, parents decide what they do and whether
    /// a professional joins.
    case parentRun = "parent_run"
    /// A joint training for professionals (e.g. *meldcode*), used by the network feature.
    case training
    package var labelKey: String { "gkind.\(rawValue)" }
    package var needsRegistration: Bool { self != .walkIn }
}

/// The age of the children a gathering or programme is about.
public enum AgeGroup: String, Codable, CaseIterable, Sendable {
    case baby = "0-1", toddler = "1-4", primary = "4-12", teen = "12-18", all
    package var labelKey: String { "age.\(rawValue)" }
}

/// Whether a programme is recognised in the Dutch database of effective youth interventions.
public enum EvidenceStatus: String, Codable, CaseIterable, Sendable {
    case recognised, notAssessed = "not_assessed"
    package var labelKey: String { "evidence.\(rawValue)" }
}
