/// The kinds of places where parents already are.
public enum LocationKind: String, Codable, CaseIterable, Sendable {
    case primarySchool = "basisschool"
    case secondarySchool = "voortgezet"
    case playgroup = "peuterspeelzaal"
    case daycare = "kinderdagverblijf"
    case spilCentre = "spil-centrum"
    case wellBabyClinic = "consultatiebureau"
    case communityCentre = "buurthuis"

    package var labelKey: String { "kind.\(rawValue)" }
}

/// School holiday regions of the Netherlands (*regio noord, midden, zuid*).
public enum HolidayRegion: String, Codable, CaseIterable, Sendable {
    case north = "noord", middle = "midden", south = "zuid"
}
