import Foundation
import Testing

/// OSRM's programs as `scripts/install-osrm.sh` puts them in `.build-osrm/` (`make test` runs it).
///
/// Like ``SharedData``: tests that need them are skipped on a developer's machine without
/// them, and fail under `CI=true`, so that a missing install step can never turn CI green.
public enum OSRMBinaries {
    /// The package's root folder, found from this file's place in it.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build-osrm/bin`.
    public static let folder = packageRoot.appendingPathComponent(".build-osrm/bin")

    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("osrm-routed").path)
    }

    /// Use as `@Test(.enabled(if: OSRMBinaries.shouldRun, OSRMBinaries.skipMessage))`, with ``SharedData``'s.
    public static var shouldRun: Bool { (isAvailable && SharedData.isAvailable) || SharedData.isRequired }

    public static let skipMessage: Comment =
        "needs OSRM in .build-osrm (scripts/install-osrm.sh) and ../shared; CI=true makes their absence a failure"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "OSRM is not installed in \(folder.path): run scripts/install-osrm.sh" }
    }

    /// The path of one program; throws when OSRM is not installed.
    public static func tool(_ name: String) throws -> URL {
        guard isAvailable else { throw Missing() }
        return folder.appendingPathComponent(name)
    }

    /// The car profile installed beside the programs.
    public static var carProfile: URL { packageRoot.appendingPathComponent(".build-osrm/share/profiles/car.lua") }
}
