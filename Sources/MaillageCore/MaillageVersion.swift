/// The version of Maillage, written into every database and result it produces.
public enum MaillageVersion {
    /// The version this build writes into databases, run provenance and reports.
    public static let current = "0.1.0"
}
