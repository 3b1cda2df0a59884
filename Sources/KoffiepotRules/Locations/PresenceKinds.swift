import Foundation

/// How a parent can come: just walk in, or by appointment.
public enum PresenceMode: String, Codable, CaseIterable, Sendable {
    case walkIn = "walk_in", appointment
    package var labelKey: String { "mode.\(rawValue)" }
}

public enum PresenceExceptionKind: String, Codable, Sendable {
    case cancelled, extra
}
