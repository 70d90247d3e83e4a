/// Whether and when a GP sees a patient after a hospital stay, by whether the hospital and the GP are linked.
public struct FollowUpParameters: Sendable, Hashable, Codable {
    /// Probability that a GP follow-up is arranged when the hospital and the patient's GP (or its CPTS) are linked.
    public var probabilityLinked: Double
    /// The same when they are not linked.
    public var probabilityUnlinked: Double
    /// Days from discharge to the arranged follow-up's target day.
    public var delayLinked: Distribution
    /// The same when they are not linked.
    public var delayUnlinked: Distribution

    enum CodingKeys: String, CodingKey {
        case probabilityLinked = "probability_linked"
        case probabilityUnlinked = "probability_unlinked"
        case
            delayLinked = "delay_linked"
        case delayUnlinked = "delay_unlinked"
    }
}
