import Fluent
import Foundation

/// A parenting programme from the catalogue (Triple P, Opvoeden & Zo, Peuter in Zicht, …) that courses follow.
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// In simple words (B1), for parents.
    @Field(key: "description") var description: String
    @Field(key: "age_group") var ageGroup: AgeGroup
    /// Language codes the programme is given in, comma separated.
    @Field(key: "languages") var languages: String
    @Field(key: "evidence") var evidence: EvidenceStatus

    init() {}

    init(name: String, description: String, ageGroup: AgeGroup, languages: [String], evidence: EvidenceStatus) {
        self.name = name
        self.description = description
        self.ageGroup = ageGroup
        self.languages = languages.joined(separator: ",")
        self.evidence = evidence
    }
}
