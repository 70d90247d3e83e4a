/// The version of Maillage, written into every database and result it produces.
public enum MaillageVersion {
    public static let current = "0.1.0"
}
