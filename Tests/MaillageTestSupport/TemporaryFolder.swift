import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
///
/// Hold it in the suite (`let scratch: TemporaryFolder`): Swift Testing makes one suite value
/// per test and releases it after, so the folder goes with each test. A local one must be kept
/// alive to the test's end (`defer { withExtendedLifetime(scratch) {} }`): Swift may release a
/// local after its last use.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    /// A new folder named `prefix-UUID`, so that one left by a crash says which suite made it.
    public init(prefix: String = "maillage-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of a file in the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a text file into the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8) throws -> String {
        let path = path(name)
        guard let data = text.data(using: encoding) else {
            throw CocoaError(.fileWriteInapplicableStringEncoding)
        }
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
