/// The kinds of partner the product brief names; `other` for the rest.
package enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    /// *Jeugdgezondheidszorg* (GGD, consultatiebureau).
    case youthHealth = "youth_health"
    /// *Schoolmaatschappelijk werk*.
    case schoolSocialWork = "school_social_work"
    case neighbourhoodTeam = "neighbourhood_team"
    /// *Leerplicht*.
    case attendance
    /// *Peuterspeelzaal* and early education.
    case preschool
    case library
    /// The school itself: the *intern begeleider* (IB-er), the remedial teacher.
    case school
    case other

    package var labelKey: String { "network.kind.\(rawValue)" }
}
