import Foundation
import Testing

/// The real public datasets and reference fixtures in `../shared`, beside the checkout.
///
/// Tests that read them run whenever they are there. When they are missing they are
/// skipped on a developer's machine, but in CI (`CI=true`) they run and fail, so that a
/// missing dataset can never turn a red run green.
public enum SharedData {
    /// `../shared`, found from this file's place in the package.
    public static let shared: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/data`.
    public static let root = shared.appendingPathComponent("data")

    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: shared.path) }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Use as `@Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))`.
    public static var shouldRun: Bool { isAvailable || isRequired }

    public static let skipMessage: Comment = "needs ../shared beside the checkout (CI=true makes its absence a failure)"

    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "shared file \(path) is missing" }
    }

    /// The path of a dataset file, such as `finess/etalab_cs1100507_stock_occitanie5.csv`.
    public static func path(_ relative: String) throws -> String {
        try existing(root.appendingPathComponent(relative))
    }

    /// A folder or file of `../shared/reference`, such as `fixtures/accessibility-random`.
    public static func reference(_ relative: String) throws -> URL {
        let url = shared.appendingPathComponent("reference").appendingPathComponent(relative)
        _ = try existing(url)
        return url
    }

    private static func existing(_ url: URL) throws -> String {
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url.path
    }
}
