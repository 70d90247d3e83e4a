import Foundation
import Testing

/// The real public datasets in `../shared/data`, beside the checkout.
///
/// Tests that read them run whenever the data is there. When it is missing they are
/// skipped on a developer's machine, but in CI (`CI=true`) they run and fail, so that a
/// missing dataset can never turn a red run green.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Use as `@Test(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))`.
    static var shouldRun: Bool { isAvailable || isRequired }

    static let skipMessage: Comment = "needs ../shared/data beside the checkout (CI=true makes its absence a failure)"

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "shared dataset \(path) is missing" }
    }

    /// The path of a dataset file, such as `finess/etalab_cs1100507_stock_occitanie5.csv`.
    static func path(_ relative: String) throws -> String {
        let path = root.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
        return path
    }
}
