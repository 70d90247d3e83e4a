import MaillageCore

enum MaillageVersionString {
    static let value = MaillageVersion.current
}
